import type { NetworkTables } from '../../connectome/tables.ts';
import { DivergenceError } from '../../engine/divergence.ts';
import { createLatticeEngine } from '../../engine/lattice.ts';
import type { Params } from '../../network/params.ts';
import { listSintelScenes } from '../../stimuli/sintelFiles.ts';
import { summaryRows, type SummaryColumn, type SummaryValue } from '../summaryTable.ts';
import { edgeProtocol } from './edgeProtocol.ts';
import { flashProtocol } from './flashProtocol.ts';
import { chirpProtocol, noiseProtocol } from './fullFieldProtocols.ts';
import { gratingProtocol } from './gratingProtocol.ts';
import { greyProtocol } from './greyProtocol.ts';
import { greyRuns } from './greyRuns.ts';
import { inforateProtocol } from './inforateProtocol.ts';
import { naturalProtocol } from './naturalProtocol.ts';
import { resolveCharacterizeOptions, type CharacterizeOptions, type ProtocolName } from './options.ts';
import type { Characterization, ProtocolContext, ProtocolOutput, ProtocolResults } from './types.ts';

const RUN: { [P in ProtocolName]: (ctx: ProtocolContext) => Promise<ProtocolOutput<ProtocolResults[P]>> } = {
  grey: greyProtocol,
  flashes: flashProtocol,
  edges: edgeProtocol,
  gratings: gratingProtocol,
  naturalistic: naturalProtocol,
  chirp: chirpProtocol,
  noise: noiseProtocol,
  inforate: inforateProtocol,
};

/** Summary columns each protocol fills: they say 'diverged' when it fails. */
const COLUMNS: Partial<Record<ProtocolName, SummaryColumn[]>> = {
  grey: ['grey_steady_state', 'grey_fixed_point', 'grey_drift_per_s', 'grey_settle_s'],
  flashes: ['fri', 'time_to_peak_s', 'transience'],
  edges: ['dsi_on', 'dsi_off', 'pd_on_deg', 'pd_off_deg'],
  naturalistic: ['natural_mean', 'natural_std', 'natural_active_fraction'],
};

/** Runs one protocol, stores its results in `out` and returns its summary columns. */
async function runProtocol<P extends ProtocolName>(protocol: P, ctx: ProtocolContext, out: Characterization) {
  const p = await RUN[protocol](ctx);
  out[protocol] = p.result as Characterization[P];
  if (p.responses) out.responses[protocol] = p.responses;
  out.examples.push(...p.examples);
  out.settings.protocols[protocol] = p.settings;
  return p.columns;
}

/** Process CPU seconds (all threads) where the platform tells them, else NaN. */
const cpuSeconds = () => {
  const usage = globalThis.process?.cpuUsage?.();
  return usage ? (usage.user + usage.system) / 1e6 : NaN;
};

/**
 * Characterises every cell type's central column: runs the chosen protocols on the lattice engine
 * with flyvis's / DESIGN's settings and returns the per-type summary rows, the labelled response
 * arrays and the per-protocol results. A protocol on which the network diverges is recorded in
 * `failures` (its columns say 'diverged') and the others still run. Plain inputs, plain output:
 * the training demo calls it before and after training.
 */
export async function characterize(
  tables: NetworkTables,
  params: Params,
  options: Partial<CharacterizeOptions> = {},
): Promise<Characterization> {
  const o = resolveCharacterizeOptions(options);
  // Fail before minutes of simulation rather than after.
  if (o.sintelDir !== undefined && o.stimuli.includes('naturalistic')) listSintelScenes(o.sintelDir);
  const engine = createLatticeEngine(tables, params);
  const nTypes = tables.cellTypes.length;
  const grey = greyRuns(engine, engine.biasState(), tables.nHexals, nTypes);
  const out: Characterization = {
    cellTypes: [...tables.cellTypes],
    rows: [],
    responses: {},
    examples: [],
    failures: {},
    settings: { options: o, protocols: {} },
    timings: [],
  };
  const columns: Partial<Record<SummaryColumn, ArrayLike<SummaryValue>>> = {};
  for (const protocol of o.stimuli) {
    let [done, total] = [0, 0];
    const emit = (phase: 'start' | 'progress' | 'done') =>
      options.onProgress?.({ protocol, done, total, phase });
    const ctx: ProtocolContext = {
      engine,
      grey,
      nTypes,
      batchSize: o.batchSize,
      tables,
      params,
      options: o,
      onPlanned: (n) => ((total += n), emit('progress')),
      onSteps: (n) => ((done += n), emit('progress')),
    };
    emit('start');
    const [wall0, cpu0] = [performance.now(), cpuSeconds()];
    try {
      Object.assign(columns, await runProtocol(protocol, ctx, out));
    } catch (e) {
      if (!(e instanceof DivergenceError)) throw e;
      out.failures[protocol] = e.message;
      for (const c of COLUMNS[protocol] ?? []) columns[c] = new Array<string>(nTypes).fill('diverged');
    }
    out.timings.push({
      protocol,
      wallS: (performance.now() - wall0) / 1000,
      cpuS: cpuSeconds() - cpu0,
      sampleSteps: done,
    });
    emit('done');
  }
  out.rows = summaryRows(tables.cellTypes, columns);
  return out;
}
