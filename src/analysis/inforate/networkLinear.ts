import type { NetworkTables } from '../../connectome/tables.ts';
import { DEFAULT_INFORMATION_NOISE } from '../../engine/noiseDefaults.ts';
import { whitePsd } from '../../engine/noiseUnits.ts';
import { solveFixedPoint, type FixedPointOptions } from '../../engine/reduced/fixedPoint.ts';
import { NoDecayError } from '../../engine/reduced/impulseRows.ts';
import { networkSpectra, type NetworkSpectra } from '../../engine/reduced/networkSpectra.ts';
import { buildReducedStructure } from '../../engine/reduced/structure.ts';
import type { NoiseSpec } from '../../engine/types.ts';
import type { Params } from '../../network/params.ts';
import { rateSpectrum, type RateSpectrum } from './spectralRate.ts';

/**
 * The linear estimator on the real network: at the grey fixed point, the Euler map's transfer
 * functions give every type's central-cell signal (full-field white luminance noise, k = 0) and
 * noise (independent per node, averaged over the lattice's Fourier modes) spectra
 * (`networkSpectra`), and R_t = ∫₀^{1/(2dt)} log2(1 + S_t/N_t) df. Exact for the linearised
 * lattice; agrees with the simulation estimator as long as no presynaptic voltage crosses 0.
 */
export interface NetworkLinearOptions {
  /** Time step of the Euler map, s. @default 0.01 */
  dt: number;
  /** Per-frame std of the full-field white luminance (mean 0.5): S_stim = 2·c²·dt. @default 0.15 */
  contrast: number;
  /** Frequencies from 0 to 1/(2dt), 2^p + 1. @default 129 */
  nFreqs: number;
  /** k-grid per axis of the class lattice's Brillouin zone for the noise average. @default [2, 2] */
  kGrid: [number, number];
  /** @default DEFAULT_INFORMATION_NOISE */
  noise: Required<Omit<NoiseSpec, 'seed'>>;
  /** Options of the grey fixed-point search. @default {} */
  fixedPoint: Omit<FixedPointOptions, 'dt' | 'input'>;
}

export const NETWORK_LINEAR_DEFAULTS: NetworkLinearOptions = {
  dt: 0.01,
  contrast: 0.15,
  nFreqs: 129,
  kGrid: [2, 2],
  noise: { ...DEFAULT_INFORMATION_NOISE },
  fixedPoint: {},
};

export type NetworkLinearRates =
  | {
      status: 'stable';
      /** Per cell type (tables order): the rate with its spectra (signal, noise, SNR). */
      perType: RateSpectrum[];
      spectra: NetworkSpectra;
      /** The grey fixed point V* per reduced unit and the Euler map's spectral radius there (uniform mode). */
      state: Float64Array;
      spectralRadius: number;
      options: NetworkLinearOptions;
    }
  | {
      /** No stable grey fixed point, none found, or a non-uniform lattice mode that does not decay. */
      status: 'unstable' | 'not-found' | 'lattice-unstable';
      reason: string;
      options: NetworkLinearOptions;
    };

export function networkLinearRates(
  tables: NetworkTables,
  params: Params,
  options: Partial<NetworkLinearOptions> = {},
): NetworkLinearRates {
  const o: NetworkLinearOptions = { ...NETWORK_LINEAR_DEFAULTS, ...options };
  if (!(o.contrast >= 0))
    throw new Error(`Error in networkLinearRates: contrast must be ≥ 0, got ${o.contrast}`);
  const structure = buildReducedStructure(tables);
  if (!structure.exact) {
    throw new Error(
      `Error in networkLinearRates: at extent ${tables.extent} the lattice is too small for the (${structure.classPeriod}) column classes of the uniform mode (Lawf's sub-lattice); use extent ≥ 3`,
    );
  }
  const fp = solveFixedPoint(structure, params, { ...o.fixedPoint, dt: o.dt, input: 0.5 });
  if (fp.status === 'not-found') {
    const reason = `no grey fixed point found (best residual ${fp.bestResidual.toExponential(2)})`;
    return { status: 'not-found', reason, options: o };
  }
  if (fp.status === 'unstable') {
    const radii = fp.candidates.map((c) => c.spectralRadius.toFixed(4)).join(', ');
    const reason = `every grey fixed point found is unstable (Euler-map spectral radius ${radii} at dt ${o.dt})`;
    return { status: 'unstable', reason, options: o };
  }
  const { state, spectralRadius } = fp.fixedPoint;
  let spectra: NetworkSpectra;
  try {
    spectra = networkSpectra(structure, params, state, o);
  } catch (e) {
    if (!(e instanceof NoDecayError)) throw e;
    return {
      status: 'lattice-unstable',
      reason: `the fixed point is stable in the uniform mode but ${e.message}`,
      options: o,
    };
  }
  const stimulusPsd = whitePsd(o.contrast ** 2, o.dt);
  const perType = spectra.gain.map((gain, t) =>
    rateSpectrum(
      spectra.freqs,
      gain.map((g) => g * stimulusPsd),
      spectra.noise[t],
    ),
  );
  return { status: 'stable', perType, spectra, state, spectralRadius, options: o };
}
