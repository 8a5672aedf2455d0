import type { Params } from '../../network/params.ts';
import type { NoiseSpec } from '../types.ts';
import { impulseRows, type RowSequence } from './impulseRows.ts';
import { spectraPlan, type SpectraPlan } from './networkSpectraPlan.ts';
import { rowSpectra, type ReadoutWeights, type RowPowers } from './rowSpectra.ts';
import { sparseEulerMap, type SparseEulerMap } from './sparseEulerMap.ts';
import type { ReducedStructure } from './structure.ts';

/**
 * Signal gain and noise spectra of every type's central cell, from the Euler map linearised around
 * a spatially uniform state (DESIGN "Information rate: the details"). Linearised, the lattice obeys
 * δV_{k+1} = A·δV_k + a ⊙ (luminance_k on R1–R8 + η_k) with A = I + diag(a)·(−I + W·D).
 * - Signal: a full-field stimulus lives in the uniform mode k = 0:
 *   gain_t(f) = |Σ_{u ∈ R1–R8} a_u·G_{t,u}(0, f)|², G(k, f) = (zI − A(k))⁻¹, z = e^{2πi f dt}.
 * - Noise independent per node is not uniform. By Parseval over the lattice, the central cell's
 *   noise PSD is the Brillouin-zone average of the per-mode noise,
 *   N_t(f) = ⟨Σ_u |G_{t,u}(k, f)|²·a_u²·2σ_u²⟩_k, on a uniform k-grid (exact for a periodic
 *   lattice of (Pu·nu) × (Pv·nv) columns; converges fast as the grid grows). The k-space matrices
 *   are the class lattice's Bloch form, so Lawf's (3, 2) sub-lattice is exact: one unit per
 *   (type, column class), one node per class cell. Input noise shared by R1–R8 of a column
 *   ('shared') is one source per column class entering its photoreceptor units.
 * A(−k) = conj A(k), so N(−k, f) = N(k, −f): each pair ±k is computed once, using the FFT's
 * negative-frequency bins. Rows of G come from impulse responses (`impulseRows`).
 */
export interface NetworkSpectraOptions {
  dt: number;
  /** Frequencies from 0 to 1/(2dt) inclusive: 2^p + 1 of them. @default 129 */
  nFreqs?: number;
  /** Grid points per axis of the class lattice's Brillouin zone (see `latticeSpectralRadius`). @default [2, 2] */
  kGrid?: [number, number];
  noise: Required<Omit<NoiseSpec, 'seed'>>;
  /** Impulse responses stop below this fraction of their peak amplitude. @default 1e-9 */
  tol?: number;
  /** @default 4096 */
  maxLags?: number;
  /** Readout rows stepped together (memory ∝ chunk · lags). @default all types */
  chunk?: number;
}

export interface NetworkSpectra {
  /** Hz, 0 … 1/(2dt). */
  freqs: Float64Array;
  /** Per type |H_t(f)|²: the signal PSD per unit stimulus PSD. */
  gain: Float64Array[];
  /** Per type noise PSD, a.u.²/Hz (one-sided), and its input and intrinsic parts. */
  noise: Float64Array[];
  inputNoise: Float64Array[];
  intrinsicNoise: Float64Array[];
  /** Longest impulse response used, in steps. */
  nLags: number;
  kGrid: [number, number];
}

/** One k-point's rows for a chunk of outputs [from, to), and the readouts it needs. */
export interface SpectraBlock {
  kIndex: number;
  from: number;
  to: number;
  map: SparseEulerMap;
  rows: RowSequence;
  /** Coherent readouts: [signal, ...shared] at k = 0 (where the full-field signal lives), else [...shared]. */
  weights: ReadoutWeights;
  hasSignal: boolean;
}

export function* spectraBlocks(
  structure: ReducedStructure,
  state: ArrayLike<number>,
  p: SpectraPlan,
  options: NetworkSpectraOptions,
): Generator<SpectraBlock> {
  const outputs = structure.centralUnit;
  const size = options.chunk ?? outputs.length;
  for (const [kIndex, { k }] of p.kPoints.entries()) {
    const map = sparseEulerMap(structure, p.groupWeight, p.rate, state, k);
    const hasSignal = kIndex === 0;
    const weights = { incoherent: p.incoherent, coherent: hasSignal ? [p.signal, ...p.shared] : p.shared };
    for (let from = 0; from < outputs.length; from += size) {
      const to = Math.min(outputs.length, from + size);
      const rows = impulseRows(map, outputs.subarray(from, to), options);
      yield { kIndex, from, to, map, rows, weights, hasSignal };
    }
  }
}

/** Adds a block's powers into the spectra: bins j and N − j are f and −f, i.e. k and its partner −k. */
function accumulate(spectra: NetworkSpectra, block: SpectraBlock, powers: RowPowers, p: SpectraPlan) {
  const { nFft, nFreqs: m } = p;
  const w = p.kPoints[block.kIndex].weight;
  const shared = block.hasSignal ? powers.coherent.slice(1) : powers.coherent;
  for (let t = block.from; t < block.to; t++) {
    const o = (t - block.from) * nFft;
    for (let j = 0; j < m; j++) {
      const both = (x: Float64Array) => x[o + j] + x[o + ((nFft - j) % nFft)];
      spectra.inputNoise[t][j] += w * both(powers.incoherent[0]);
      spectra.intrinsicNoise[t][j] += w * both(powers.incoherent[1]);
      for (const x of shared) spectra.inputNoise[t][j] += w * p.sharedScale * both(x);
      if (block.hasSignal) spectra.gain[t][j] = powers.coherent[0][o + j];
    }
  }
}

/** Visits every block (calling `keep` with it, e.g. to hold it for an adjoint pass) and returns the spectra. */
export function computeSpectra(
  structure: ReducedStructure,
  state: ArrayLike<number>,
  p: SpectraPlan,
  options: NetworkSpectraOptions,
  keep?: (block: SpectraBlock) => void,
): NetworkSpectra {
  const nTypes = structure.centralUnit.length;
  const make = () => Array.from({ length: nTypes }, () => new Float64Array(p.nFreqs));
  const spectra: NetworkSpectra = {
    freqs: Float64Array.from({ length: p.nFreqs }, (_, j) => j / (p.nFft * options.dt)),
    gain: make(),
    noise: [],
    inputNoise: make(),
    intrinsicNoise: make(),
    nLags: 0,
    kGrid: options.kGrid ?? [2, 2],
  };
  for (const block of spectraBlocks(structure, state, p, options)) {
    spectra.nLags = Math.max(spectra.nLags, block.rows.re.length);
    accumulate(spectra, block, rowSpectra(block.rows, block.weights, p.nFft), p);
    keep?.(block);
  }
  spectra.noise = spectra.inputNoise.map((x, t) => x.map((v, j) => v + spectra.intrinsicNoise[t][j]));
  return spectra;
}

export function networkSpectra(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  options: NetworkSpectraOptions,
): NetworkSpectra {
  if (state.length !== structure.nUnits) {
    throw new Error(
      `Error in networkSpectra: state must have nUnits = ${structure.nUnits} values, got ${state.length}`,
    );
  }
  return computeSpectra(structure, state, spectraPlan(structure, params, options), options);
}
