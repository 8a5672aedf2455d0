import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLatticeEngine } from '../../engine/lattice.ts';
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
  const { tables } = await loadNetworkFor(flags);
  const { frames, nFrames } = readStimulus(flags.stimulus, tables.nHexals);
  const { params, source } = loadParams(tables, flags.params);
  const started = performance.now();
  const engine = createLatticeEngine(tables, params);
  const initialState = engine.steadyState({ tPre: flags.tPre, dt: flags.dt });
  const run = engine.simulate({
    stimulus: frames,
    nSamples: 1,
    nFrames,
    dt: flags.dt,
    initialState,
    record: flags.full ? 'full' : 'central',
  });
  const wallS = (performance.now() - started) / 1000;
  // meta.json is written last: a folder without it is an interrupted run.
  mkdirSync(flags.out, { recursive: true });
  const metaPath = join(flags.out, 'meta.json');
  if (existsSync(metaPath)) rmSync(metaPath);
  writeNpy(join(flags.out, 'central.npy'), run.central, [nFrames, tables.cellTypes.length]);
  if (flags.full) writeNpy(join(flags.out, 'full.npy'), run.recorded!, [nFrames, tables.nNodes]);
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
