import type { NetworkTables } from '../../connectome/tables.ts';
import { createLatticeEngine } from '../../engine/lattice.ts';
import { DEFAULT_INFORMATION_NOISE } from '../../engine/noiseDefaults.ts';
import type { NoiseSpec } from '../../engine/types.ts';
import type { Params } from '../../network/params.ts';
import { naturalisticMovies } from '../../stimuli/naturalistic.ts';
import { whiteNoise } from '../../stimuli/whiteNoise.ts';
import { prng } from '../../util/random.ts';
import { simulationRate } from './rate.ts';
import type { RateSpectrum } from './spectralRate.ts';
import { DEFAULT_SEGMENT_LENGTH } from './welch.ts';

/**
 * The simulation estimator on the lattice engine, as in the papers: n repeats of the same stimulus
 * with independent noise, the trial mean as signal and the residuals as noise (`simulationRate`).
 * Each repeat starts from the noise-free grey steady state, sees `burnInFrames` of the stimulus
 * (the transient from grey) and is then recorded for `nFrames`.
 */
export interface NetworkSimulationOptions {
  /** Full-field Gaussian white luminance noise, or a procedural naturalistic movie. @default 'noise' */
  stimulus: 'noise' | 'naturalistic';
  /** Per-frame std of the white noise (mean 0.5, clipped to [0, 1]); unused for movies. @default 0.15 */
  contrast: number;
  /** @default 0.01 */
  dt: number;
  /** n ≥ 2. @default 8 */
  nRepeats: number;
  /** Recorded frames per repeat. @default 4096 */
  nFrames: number;
  /** Stimulus frames before recording starts. @default 200 */
  burnInFrames: number;
  /** Noise-free grey before the stimulus, from the bias state, s. @default 2 */
  tGrey: number;
  /** Welch segment length (power of two). @default 128 */
  segmentLength: number;
  /** @default DEFAULT_INFORMATION_NOISE */
  noise: Required<Omit<NoiseSpec, 'seed'>>;
  /** Seeds the stimulus and, through one stream, every repeat's noise. @default 0 */
  seed: number;
  /** Called after each batch of repeats with the number done. */
  onRepeat?: (done: number, total: number) => void;
}

export const NETWORK_SIMULATION_DEFAULTS: NetworkSimulationOptions = {
  stimulus: 'noise',
  contrast: 0.15,
  dt: 0.01,
  nRepeats: 8,
  nFrames: 4096,
  burnInFrames: 200,
  tGrey: 2,
  segmentLength: DEFAULT_SEGMENT_LENGTH,
  noise: { ...DEFAULT_INFORMATION_NOISE },
  seed: 0,
};

export interface NetworkSimulationRates {
  /** Per cell type (tables order): rate, bias-corrected spectra and clipped bins. */
  perType: RateSpectrum[];
  options: NetworkSimulationOptions;
}

function checkOptions(o: NetworkSimulationOptions) {
  const fail = (what: string) => {
    throw new Error(`Error in networkSimulationRates: ${what}`);
  };
  if (o.stimulus !== 'noise' && o.stimulus !== 'naturalistic')
    fail(`stimulus must be 'noise' or 'naturalistic', got '${o.stimulus}'`);
  if (!Number.isInteger(o.nRepeats) || o.nRepeats < 2)
    fail(`nRepeats must be an integer ≥ 2, got ${o.nRepeats}`);
  if (!Number.isInteger(o.nFrames) || o.nFrames < o.segmentLength)
    fail(`nFrames must be an integer ≥ segmentLength (${o.segmentLength}), got ${o.nFrames}`);
  if (!Number.isInteger(o.burnInFrames) || o.burnInFrames < 0)
    fail(`burnInFrames must be an integer ≥ 0, got ${o.burnInFrames}`);
  if (!(o.contrast >= 0)) fail(`contrast must be ≥ 0, got ${o.contrast}`);
  if (!(o.noise.inputStd >= 0 && o.noise.intrinsicStd >= 0) || o.noise.inputStd + o.noise.intrinsicStd === 0)
    fail(`noise levels must be ≥ 0 and not both 0, got ${o.noise.inputStd}, ${o.noise.intrinsicStd}`);
}

/** The stimulus, burn-in + nFrames frames of nHexals. */
function stimulusFrames(tables: NetworkTables, o: NetworkSimulationOptions): Float32Array {
  const total = o.burnInFrames + o.nFrames;
  const set =
    o.stimulus === 'noise'
      ? whiteNoise({
          std: o.contrast,
          tStim: (total + 0.5) * o.dt,
          tPre: 0,
          dt: o.dt,
          seed: o.seed,
          extent: tables.extent,
        })
      : naturalisticMovies({
          nMovies: 1,
          durationS: total * o.dt,
          tPreS: 0,
          dt: o.dt,
          seed: o.seed,
          extent: tables.extent,
        });
  return set.frames.subarray(0, total * tables.nHexals);
}

export function networkSimulationRates(
  tables: NetworkTables,
  params: Params,
  options: Partial<NetworkSimulationOptions> = {},
): NetworkSimulationRates {
  const o: NetworkSimulationOptions = { ...NETWORK_SIMULATION_DEFAULTS, ...options };
  checkOptions(o);
  const engine = createLatticeEngine(tables, params);
  const grey = engine.steadyState({ tPre: o.tGrey, dt: o.dt });
  const stimulus = stimulusFrames(tables, o);
  const total = o.burnInFrames + o.nFrames;
  const nTypes = tables.cellTypes.length;
  const T = o.nFrames;
  const traces = Array.from({ length: nTypes }, () => new Float64Array(o.nRepeats * T));
  // Repeats run in pairs: the engine puts a pair's samples on two threads, and every sample has its
  // own noise stream (the batch's seed, drawn from one stream per run, and its index in the batch).
  const seeds = prng(o.seed + 1);
  const pair = Math.min(2, o.nRepeats);
  const batch = new Float32Array(pair * stimulus.length);
  for (let b = 0; b < pair; b++) batch.set(stimulus, b * stimulus.length);
  for (let r = 0; r < o.nRepeats; r += pair) {
    const nSamples = Math.min(pair, o.nRepeats - r);
    const noise = { ...o.noise, seed: Math.floor(seeds.uniform() * 2 ** 32) };
    const { central } = engine.simulate({
      stimulus: batch.subarray(0, nSamples * stimulus.length),
      nSamples,
      nFrames: total,
      dt: o.dt,
      initialState: grey,
      noise,
    });
    for (let b = 0; b < nSamples; b++) {
      for (let k = 0; k < T; k++) {
        const row = (b * total + o.burnInFrames + k) * nTypes;
        for (let t = 0; t < nTypes; t++) traces[t][(r + b) * T + k] = central[row + t];
      }
    }
    o.onRepeat?.(r + nSamples, o.nRepeats);
  }
  const rateOptions = { dt: o.dt, nRepeats: o.nRepeats, segmentLength: o.segmentLength };
  return { perType: traces.map((x) => simulationRate(x, rateOptions)), options: o };
}
