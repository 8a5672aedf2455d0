import type { Params } from '../../network/params.ts';
import { eigenvalues, spectralRadius, type Spectrum } from './eigenvalues.ts';
import { complexMatrix, type ComplexMatrix } from './hessenberg.ts';
import type { ReducedStructure } from './structure.ts';
import { groupWeightsF32 } from './weights.ts';

/** Spatial frequency (ku, kv) in radians per column along u and v; [0, 0] is the uniform mode. */
export type Wavevector = [number, number];

/** Euler rate a = dt / max(τ, dt) per unit in float64 (the linear algebra does not round). */
export function unitRates(structure: ReducedStructure, params: Params, dt: number): Float64Array {
  return Float64Array.from(structure.unitType, (t) => dt / Math.max(params.tauS[t], dt));
}

/**
 * The Euler map of small deviations around a reduced state V*, A = I + diag(a)·(−I + W(k)·D) with
 * D = diag(V* > 0), restricted to the `units` given (all units by default). W(k) is the lattice's
 * Fourier (Bloch) form: entry (t, c) ← (s, c') sums w·e^{−i k·Δ} over the offsets Δ mapping class
 * c' onto c; at k = 0 it is the reduced weight matrix. `weight` is the per-group float32 weight.
 */
export function eulerMapMatrix(
  structure: ReducedStructure,
  groupWeight: ArrayLike<number>,
  rate: Float64Array,
  state: ArrayLike<number>,
  k: Wavevector = [0, 0],
  units?: Int32Array,
): ComplexMatrix {
  const rows = units ?? Int32Array.from({ length: structure.nUnits }, (_, i) => i);
  const n = rows.length;
  const position = new Int32Array(structure.nUnits).fill(-1);
  rows.forEach((u, i) => (position[u] = i));
  const m = complexMatrix(n);
  const { rowStart, entrySource, termStart, termGroup, groupDu, groupDv } = structure;
  for (let i = 0; i < n; i++) {
    const target = rows[i];
    const a = rate[target];
    m.re[i * n + i] += 1 - a;
    for (let e = rowStart[target]; e < rowStart[target + 1]; e++) {
      const j = position[entrySource[e]];
      if (j < 0 || !(state[entrySource[e]] > 0)) continue;
      for (let q = termStart[e]; q < termStart[e + 1]; q++) {
        const g = termGroup[q];
        const phase = -(k[0] * groupDu[g] + k[1] * groupDv[g]);
        m.re[i * n + j] += a * groupWeight[g] * Math.cos(phase);
        m.im[i * n + j] += a * groupWeight[g] * Math.sin(phase);
      }
    }
  }
  return m;
}

export interface EulerSpectrum {
  /** Eigenvalues of the Euler map A (all units). */
  eigenvalues: Spectrum;
  /** max |λ(A)|: the state is locally stable at this dt iff < 1. */
  spectralRadius: number;
  /** The eigenvalue of largest modulus. */
  dominant: { re: number; im: number };
  /** max Re of the continuous Jacobian J = T⁻¹(−I + W·D) = (A − I)/dt, in 1/s. */
  abscissa: number;
  /** Units above 0 at V*; the others only decay (eigenvalue 1 − a) and are not in the eigen-solve. */
  nActive: number;
}

/**
 * Spectrum of the Euler map around V* at one spatial frequency. Units at or below 0 transmit nothing,
 * so their columns of W·D vanish and each contributes the eigenvalue 1 − a exactly; only the active
 * block goes through the (O(n³)) eigen-solve.
 */
export function eulerSpectrum(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  dt: number,
  k: Wavevector = [0, 0],
): EulerSpectrum {
  if (state.length !== structure.nUnits) {
    throw new Error(
      `Error in eulerSpectrum: state must have nUnits = ${structure.nUnits} values, got ${state.length}`,
    );
  }
  const rate = unitRates(structure, params, dt);
  const weight = groupWeightsF32(structure, params);
  const active = Int32Array.from(structure.unitType.keys()).filter((i) => state[i] > 0);
  const block = eigenvalues(eulerMapMatrix(structure, weight, rate, state, k, active));
  const n = structure.nUnits;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(block.re);
  im.set(block.im);
  let next = active.length;
  for (let i = 0; i < n; i++) if (!(state[i] > 0)) re[next++] = 1 - rate[i];
  const spectrum = { re, im };
  const { radius, index } = spectralRadius(spectrum);
  let abscissa = -Infinity;
  for (let i = 0; i < n; i++) abscissa = Math.max(abscissa, (re[i] - 1) / dt);
  return {
    eigenvalues: spectrum,
    spectralRadius: radius,
    dominant: { re: re[index], im: im[index] },
    abscissa,
    nActive: active.length,
  };
}
