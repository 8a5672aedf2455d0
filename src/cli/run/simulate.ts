import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkTables } from '../../connectome/tables.ts';
import { createLatticeEngine } from '../../engine/lattice.ts';
import { reducedSteadyState, simulateReduced } from '../../engine/reduced/simulate.ts';
import { buildReducedStructure } from '../../engine/reduced/structure.ts';
import type { Params } from '../../network/params.ts';
import { readNpyFloat32, writeJson, writeNpy } from '../../io/files.ts';
import { loadParams } from '../../network/loadParams.ts';
import { loadNetworkFor } from '../shared.ts';
import type { SimulateFlags } from '../commands/simulate.ts';

/** Reads a stimulus .npy as frames × nHexals; a 1-D array is a full-field trace. */
export function readStimulus(path: string, nHexals: number): { frames: Float32Array; nFrames: number } {
  const { shape, data } = readNpyFloat32(path);
  const bad = data.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    throw new Error(`stimulus ${path} has a non-finite value (${data[bad]}) at flat index ${bad}`);
  if (shape.length === 1) {
    const frames = new Float32Array(shape[0] * nHexals);
    for (let f = 0; f < shape[0]; f++) frames.fill(data[f], f * nHexals, (f + 1) * nHexals);
    return { frames, nFrames: shape[0] };
  }
  if (shape.length === 2 && shape[1] === nHexals) return { frames: data, nFrames: shape[0] };
  throw new Error(
    `stimulus ${path} must have shape (frames, ${nHexals}) or (frames,), but has (${shape.join(', ')})`,
  );
}

export async function runSimulate(flags: SimulateFlags): Promise<void> {
  if (!(flags.dt > 0)) throw new Error(`--dt must be a positive number of seconds, got ${flags.dt}`);
  if (!(flags.tPre >= 0)) throw new Error(`--t-pre must be ≥ 0 seconds, got ${flags.tPre}`);
  if (flags.engine !== 'lattice' && flags.engine !== 'reduced') {
    throw new Error(`unknown engine '${flags.engine}'. Accepted: lattice, reduced`);
  }
  if (flags.engine === 'reduced' && flags.full) {
    throw new Error(
      '--full needs the lattice engine: the reduced engine has one unit per cell type and column class',
    );
  }
  const { tables } = await loadNetworkFor(flags);
  const { frames, nFrames } = readStimulus(flags.stimulus, tables.nHexals);
  const { params, source } = loadParams(tables, flags.params);
  const started = performance.now();
  const run =
    flags.engine === 'reduced'
      ? simulateUniform(tables, params, frames, nFrames, flags)
      : simulateLattice(tables, params, frames, nFrames, flags);
  const wallS = (performance.now() - started) / 1000;
  // meta.json is written last: a folder without it is an interrupted run.
  mkdirSync(flags.out, { recursive: true });
  const metaPath = join(flags.out, 'meta.json');
  if (existsSync(metaPath)) rmSync(metaPath);
  writeNpy(join(flags.out, 'central.npy'), run.central, [nFrames, tables.cellTypes.length]);
  if (run.recorded) writeNpy(join(flags.out, 'full.npy'), run.recorded, [nFrames, tables.nNodes]);
  writeJson(metaPath, {
    dims: { central: ['time', 'cell_type'], ...(flags.full ? { full: ['time', 'node'] } : {}) },
    cell_types: tables.cellTypes,
    dt: flags.dt,
    t_pre: flags.tPre,
    n_frames: nFrames,
    time: 'frame k is the state after input frame k: t = (k + 1) · dt after stimulus onset',
    engine: flags.engine,
    params: source,
    stimulus: flags.stimulus,
    wall_time_s: wallS,
  });
  process.stdout.write(
    `wrote ${join(flags.out, 'central.npy')} (${nFrames} × ${tables.cellTypes.length}) in ${wallS.toFixed(2)} s\n`,
  );
}

function simulateLattice(
  tables: NetworkTables,
  params: Params,
  frames: Float32Array,
  nFrames: number,
  flags: SimulateFlags,
) {
  const engine = createLatticeEngine(tables, params);
  const initialState = engine.steadyState({ tPre: flags.tPre, dt: flags.dt });
  const record = flags.full ? 'full' : 'central';
  return engine.simulate({ stimulus: frames, nSamples: 1, nFrames, dt: flags.dt, initialState, record });
}

/** The reduced engine needs one luminance per frame: every column of a frame must be equal. */
function simulateUniform(
  tables: NetworkTables,
  params: Params,
  frames: Float32Array,
  nFrames: number,
  flags: SimulateFlags,
) {
  const nHex = tables.nHexals;
  const luminance = new Float32Array(nFrames);
  for (let f = 0; f < nFrames; f++) {
    luminance[f] = frames[f * nHex];
    for (let h = 1; h < nHex; h++) {
      if (frames[f * nHex + h] !== luminance[f]) {
        throw new Error(
          `--engine reduced needs a spatially uniform (full-field) stimulus, but frame ${f} differs between columns 0 and ${h}`,
        );
      }
    }
  }
  const structure = buildReducedStructure(tables);
  const initialState = reducedSteadyState({ structure, params, tPre: flags.tPre, dt: flags.dt });
  const run = simulateReduced({
    structure,
    params,
    luminance,
    nSamples: 1,
    nFrames,
    dt: flags.dt,
    initialState,
  });
  return { central: run.central, recorded: undefined };
}
