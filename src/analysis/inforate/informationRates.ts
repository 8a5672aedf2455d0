import type { NetworkTables } from '../../connectome/tables.ts';
import { DEFAULT_INFORMATION_NOISE } from '../../engine/noiseDefaults.ts';
import type { NoiseSpec } from '../../engine/types.ts';
import type { Params } from '../../network/params.ts';
import { networkLinearRates, type NetworkLinearOptions, type NetworkLinearRates } from './networkLinear.ts';
import {
  networkSimulationRates,
  type NetworkSimulationOptions,
  type NetworkSimulationRates,
} from './networkSimulation.ts';

export type Estimator = 'linear' | 'simulation' | 'both';
export const ESTIMATORS: readonly Estimator[] = ['linear', 'simulation', 'both'];

/** One set of stimulus and noise settings shared by both estimators, so their numbers compare. */
export interface InformationRatesOptions {
  /** @default 'linear' (seconds; the simulation takes minutes at extent 15) */
  estimator: Estimator;
  /** Full-field white noise (both estimators) or naturalistic movies (simulation only). @default 'noise' */
  stimulus: 'noise' | 'naturalistic';
  /** @default 0.01 */
  dt: number;
  /** Per-frame std of the white luminance noise (mean 0.5). @default 0.15 */
  contrast: number;
  /** @default DEFAULT_INFORMATION_NOISE */
  noise: Required<Omit<NoiseSpec, 'seed'>>;
  linear: Partial<Pick<NetworkLinearOptions, 'nFreqs' | 'kGrid' | 'fixedPoint'>>;
  simulation: Partial<Omit<NetworkSimulationOptions, 'stimulus' | 'dt' | 'contrast' | 'noise'>>;
}

export const INFORMATION_RATES_DEFAULTS: InformationRatesOptions = {
  estimator: 'linear',
  stimulus: 'noise',
  dt: 0.01,
  contrast: 0.15,
  noise: { ...DEFAULT_INFORMATION_NOISE },
  linear: {},
  simulation: {},
};

export interface InformationRates {
  cellTypes: string[];
  /** The photoreceptor types, which receive the stimulus. */
  inputTypes: string[];
  /**
   * Rate per cell type (bit/s, up to fMaxHz), for `summary.csv`'s info_rate_bits_per_s: the linear
   * estimator's when it ran and has a number, else the simulation's; NaN where neither has one.
   */
  bitsPerS: Float64Array;
  /** What `bitsPerS` holds (estimator, stimulus, dt, noise), or why it is NaN. */
  note: string;
  /** Nyquist frequency 1/(2dt), Hz: the upper limit of every rate. */
  fMaxHz: number;
  linear?: NetworkLinearRates;
  simulation?: NetworkSimulationRates;
  options: InformationRatesOptions;
}

/** The information rate of every cell type's central cell (docs/information-rate.md). */
export function informationRates(
  tables: NetworkTables,
  params: Params,
  options: Partial<InformationRatesOptions> = {},
): InformationRates {
  const o: InformationRatesOptions = { ...INFORMATION_RATES_DEFAULTS, ...options };
  const fail = (what: string) => new Error(`Error in informationRates: ${what}`);
  if (!ESTIMATORS.includes(o.estimator))
    throw fail(`unknown estimator '${o.estimator}'. Accepted: ${ESTIMATORS.join(', ')}`);
  if (o.stimulus !== 'noise' && o.stimulus !== 'naturalistic')
    throw fail(`unknown stimulus '${o.stimulus}'. Accepted: noise, naturalistic`);
  if (o.stimulus === 'naturalistic' && o.estimator !== 'simulation')
    throw fail(
      `naturalistic movies are not full-field: only the simulation estimator applies, got estimator '${o.estimator}'`,
    );
  if (!(o.noise.inputStd >= 0 && o.noise.intrinsicStd >= 0))
    throw fail(
      `noise levels must be ≥ 0, got inputStd ${o.noise.inputStd}, intrinsicStd ${o.noise.intrinsicStd}`,
    );
  const shared = { dt: o.dt, contrast: o.contrast, noise: o.noise };
  const linear =
    o.estimator !== 'simulation' ? networkLinearRates(tables, params, { ...o.linear, ...shared }) : undefined;
  const simulation =
    o.estimator !== 'linear'
      ? networkSimulationRates(tables, params, { ...o.simulation, ...shared, stimulus: o.stimulus })
      : undefined;
  const nTypes = tables.cellTypes.length;
  const setting = `${o.stimulus === 'noise' ? `full-field white noise std ${o.contrast}` : 'naturalistic movies'}, dt ${o.dt} s, noise input ${o.noise.inputStd.toExponential(3)} (${o.noise.inputMode}) / intrinsic ${o.noise.intrinsicStd.toExponential(3)} a.u./√Hz`;
  let bitsPerS = new Float64Array(nTypes).fill(NaN);
  let note = 'no estimator ran';
  if (linear && linear.status !== 'stable') note = `no rate: ${linear.reason}`;
  if (linear?.status === 'stable') {
    bitsPerS = Float64Array.from(linear.perType, (r) => r.rate);
    note = `linear estimator, ${setting}`;
  } else if (simulation) {
    bitsPerS = Float64Array.from(simulation.perType, (r) => r.rate);
    note = `simulation estimator (${simulation.options.nRepeats} repeats), ${setting}${linear ? `; linear estimator: ${linear.status}` : ''}`;
  }
  return {
    cellTypes: tables.cellTypes,
    inputTypes: tables.inputTypes,
    bitsPerS,
    note,
    fMaxHz: 1 / (2 * o.dt),
    linear,
    simulation,
    options: o,
  };
}
