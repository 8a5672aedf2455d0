import type { NetworkTables } from '../../connectome/tables.ts';
import type { Labeled } from '../../engine/labeled.ts';
import type { Params } from '../../network/params.ts';
import type { FlashKinetics } from '../flashKinetics.ts';
import type { GreyStats } from '../greyStats.ts';
import type { NaturalStats } from '../naturalStats.ts';
import type { SummaryColumn, SummaryRow, SummaryValue } from '../summaryTable.ts';
import type { FrequencyResponse } from './fullFieldProtocols.ts';
import type { ProtocolName, ResolvedCharacterizeOptions } from './options.ts';
import type { SetContext } from './simulateSet.ts';

/** A stimulus frame for reports: one luminance per hexal in canonical order. */
export interface ExampleFrame {
  label: string;
  values: Float32Array;
}

/** What one protocol hands back to `characterize`. */
export interface ProtocolOutput<R> {
  result: R;
  /** Central responses with dims [sample, time, cell_type] (grey: [time, cell_type]); none for inforate. */
  responses?: Labeled;
  /** Summary columns this protocol fills, in cell-type order. */
  columns: Partial<Record<SummaryColumn, ArrayLike<SummaryValue>>>;
  examples: ExampleFrame[];
  /** The settings used, as written to meta.json. */
  settings: Record<string, unknown>;
}

export interface ProtocolContext extends SetContext {
  tables: NetworkTables;
  params: Params;
  options: ResolvedCharacterizeOptions;
}

export interface GreyResult {
  stats: GreyStats;
  /** Reduced-engine fixed point per type where a stable one exists, else NaN; `status` says which. */
  fixedPoint: Float64Array;
  fixedPointStatus: 'stable' | 'unstable' | 'not-found';
  /** Spectral radius of the Euler map at the grey dt, at the reported (or least unstable) fixed point. */
  spectralRadius: number;
}

export interface FlashResult {
  /** FRI at radius 6 (flyvis's figures) and at full field. */
  fri: Float64Array;
  friFullField: Float64Array;
  kinetics: FlashKinetics;
}

export interface EdgeConditionsTable {
  angle: number[];
  intensity: number[];
  width: number[];
  speed: number[];
}

export interface EdgeResult {
  /** nSamples × nTypes peak responses (flyvis window, rectified). */
  peaks: Float64Array;
  conditions: EdgeConditionsTable;
  /** nTypes × 2 ([type·2 + intensity], 0 = OFF, 1 = ON). */
  dsi: Float64Array;
  pdDeg: Float64Array;
}

export interface GratingResult {
  /** nSamples × nTypes amplitude of the response at the grating's temporal frequency. */
  f1: Float64Array;
  conditions: { angle: number[]; period: number[]; temporalFrequency: number[] };
  /** Per type: |Σ F1·e^{iθ}| / Σ F1 over directions, averaged over periods and frequencies, and the PD. */
  dsi: Float64Array;
  pdDeg: Float64Array;
}

export interface NaturalResult {
  stats: NaturalStats;
  source: 'procedural' | 'sintel';
  nMovies: number;
}

export interface InformationRateResult {
  /** bit/s per type up to fMaxHz; NaN where there is no rate (see note). */
  bitsPerS: Float64Array;
  /** Estimator, stimulus, dt and noise levels, or why there is no rate. */
  note: string;
  fMaxHz: number;
}

/** Time spent per protocol: wall and process CPU seconds (CPU counts every thread), lattice sample-steps. */
export interface ProtocolTiming {
  protocol: ProtocolName;
  wallS: number;
  cpuS: number;
  sampleSteps: number;
}

export interface ProgressEvent {
  protocol: ProtocolName;
  /** Sample-steps done and planned so far in this protocol (the plan grows as stimuli are built). */
  done: number;
  total: number;
  phase: 'start' | 'progress' | 'done';
}

/** Each protocol's result, under the protocol's name. */
export interface ProtocolResults {
  grey: GreyResult;
  flashes: FlashResult;
  edges: EdgeResult;
  gratings: GratingResult;
  naturalistic: NaturalResult;
  chirp: FrequencyResponse;
  noise: FrequencyResponse;
  inforate: InformationRateResult;
}

/** Everything `characterize` measured: plain data, no methods. */
export interface Characterization extends Partial<ProtocolResults> {
  cellTypes: string[];
  /** One row per cell type (summaryTable.ts columns); empty where a protocol did not run. */
  rows: SummaryRow[];
  responses: Partial<Record<ProtocolName, Labeled>>;
  examples: ExampleFrame[];
  /** Protocols that failed (e.g. the network diverged), with the reason; their columns say 'diverged'. */
  failures: Partial<Record<ProtocolName, string>>;
  /** Options used and per-protocol settings (time steps, durations, counts, seeds). */
  settings: {
    options: ResolvedCharacterizeOptions;
    protocols: Partial<Record<ProtocolName, Record<string, unknown>>>;
  };
  timings: ProtocolTiming[];
}
