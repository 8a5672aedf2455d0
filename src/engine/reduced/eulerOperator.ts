import type { Params } from '../../network/params.ts';
import type { RealOperator } from './arnoldi.ts';
import type { ComplexVector } from './dominantEigenpair.ts';
import type { ComplexMatrix } from './hessenberg.ts';
import { eulerMapMatrix, unitRates, type Wavevector } from './linearize.ts';
import type { ReducedStructure } from './structure.ts';
import { groupWeightsF32 } from './weights.ts';

/**
 * The Euler map around a reduced state with a general transmission gain per unit,
 * A = I + diag(a)·(−I + W(k)·diag(g)), where g = relu′(V*) (0 or 1) or its smoothed form
 * (`reluGain`). Only units with g > 0 couple: the others only decay, with eigenvalue 1 − a.
 */

/**
 * Gain g(V) and its slope g′(V). halfWidth 0: the exact ReLU derivative, g = [V > 0], g′ = 0.
 * halfWidth T > 0: smoothstep from 0 at V = −T to 1 at V = +T (g(0) = ½), the derivative of a C²
 * rounding of the ReLU inside |V| < T; it equals the exact gain wherever |V| ≥ T, and gives the
 * biases a gradient through the units that sit near the rectification threshold.
 */
export function reluGain(
  state: ArrayLike<number>,
  halfWidth: number,
): { gain: Float64Array; slope: Float64Array } {
  if (!(halfWidth >= 0)) throw new Error(`Error in reluGain: halfWidth must be ≥ 0, got ${halfWidth}`);
  const gain = new Float64Array(state.length);
  const slope = new Float64Array(state.length);
  for (let i = 0; i < state.length; i++) {
    const v = state[i];
    if (halfWidth === 0 || Math.abs(v) >= halfWidth) {
      gain[i] = v > 0 ? 1 : 0;
      continue;
    }
    const s = (v + halfWidth) / (2 * halfWidth);
    gain[i] = s * s * (3 - 2 * s);
    slope[i] = (6 * s * (1 - s)) / (2 * halfWidth);
  }
  return { gain, slope };
}

/** The units that transmit (g > 0), in unit order. */
export const activeUnits = (gain: Float64Array) => Int32Array.from(gain.keys()).filter((i) => gain[i] > 0);

/**
 * The Euler map A(k) on the active units as a sparse operator. Arnoldi works in real arithmetic, so
 * for k ≠ 0 (complex A = B + iC) the operator is the real embedding E = [[B, −C], [C, B]] of size 2n,
 * whose spectrum is spec A(k) ∪ conj spec A(k) = spec A(k) ∪ spec A(−k): the same spectral radius.
 * An eigenvector (p, q) of E for λ ∈ spec A(k) has p + iq = 2r (A·r = λr); one for λ ∈ spec A(−k)
 * has p − iq = 2s with conj(s) an eigenvector of A(k) for conj(λ). At k = 0 the operator is A itself.
 */
export interface ActiveEulerOperator extends RealOperator {
  /** Active units (rows/columns of A). */
  size: number;
  /** True for k ≠ 0: `apply` is the 2·size embedding. */
  complex: boolean;
  /** Aᵀ·x (for k ≠ 0 the embedding of Aᵀ, not of Aᴴ), for left eigenvectors uᵀA = λuᵀ. */
  applyTransposed(x: Float64Array, y: Float64Array): void;
  /** A·x or Aᵀ·x for a complex vector. */
  applyComplex(x: ComplexVector, transposed: boolean): ComplexVector;
  /** Largest |A_ij|, for relative residuals. */
  scale: number;
}

export function activeEulerOperator(
  structure: ReducedStructure,
  params: Params,
  dt: number,
  gain: Float64Array,
  units: Int32Array,
  k: Wavevector = [0, 0],
): ActiveEulerOperator {
  const rate = unitRates(structure, params, dt);
  const groupWeight = groupWeightsF32(structure, params);
  const size = units.length;
  const local = new Int32Array(structure.nUnits).fill(-1);
  units.forEach((u, i) => (local[u] = i));
  const diag = Float64Array.from(units, (u) => 1 - rate[u]);
  const rowStart = new Int32Array(size + 1);
  const col: number[] = [];
  const re: number[] = [];
  const im: number[] = [];
  const { rowStart: entries, entrySource, termStart, termGroup, groupDu, groupDv } = structure;
  units.forEach((u, i) => {
    for (let e = entries[u]; e < entries[u + 1]; e++) {
      const j = local[entrySource[e]];
      if (j < 0) continue;
      const f = rate[u] * gain[entrySource[e]];
      let [wr, wi] = [0, 0];
      for (let q = termStart[e]; q < termStart[e + 1]; q++) {
        const g = termGroup[q];
        const phase = -(k[0] * groupDu[g] + k[1] * groupDv[g]);
        wr += groupWeight[g] * Math.cos(phase);
        wi += groupWeight[g] * Math.sin(phase);
      }
      col.push(j);
      re.push(f * wr);
      im.push(f * wi);
    }
    rowStart[i + 1] = col.length;
  });
  const cols = Int32Array.from(col);
  const vr = Float64Array.from(re);
  const vi = Float64Array.from(im);
  const complex = vi.some((x) => x !== 0);
  let scale = 0;
  for (const d of diag) scale = Math.max(scale, Math.abs(d));
  vr.forEach((x, p) => (scale = Math.max(scale, Math.hypot(x, vi[p]))));

  /** (yr + i·yi) = A·(xr + i·xi), or Aᵀ·(…). */
  const product = (
    xr: ArrayLike<number>,
    xi: ArrayLike<number>,
    yr: Float64Array,
    yi: Float64Array,
    t: boolean,
  ) => {
    for (let i = 0; i < size; i++) {
      yr[i] = diag[i] * xr[i];
      yi[i] = diag[i] * xi[i];
    }
    for (let i = 0; i < size; i++) {
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
        const [from, to] = t ? [i, cols[p]] : [cols[p], i];
        yr[to] += vr[p] * xr[from] - vi[p] * xi[from];
        yi[to] += vr[p] * xi[from] + vi[p] * xr[from];
      }
    }
  };
  const embedded = (t: boolean) => (x: Float64Array, y: Float64Array) =>
    complex
      ? product(x.subarray(0, size), x.subarray(size), y.subarray(0, size), y.subarray(size), t)
      : product(x, zeros, y, scratch, t);
  const zeros = new Float64Array(size);
  const scratch = new Float64Array(size);
  return {
    n: complex ? 2 * size : size,
    size,
    complex,
    scale,
    apply: embedded(false),
    applyTransposed: embedded(true),
    applyComplex(x, t) {
      const out = { re: new Float64Array(size), im: new Float64Array(size) };
      product(x.re, x.im, out.re, out.im, t);
      return out;
    },
  };
}

/** The dense (complex, any k) Euler map on the given units with gain g. */
export function denseEulerMap(
  structure: ReducedStructure,
  params: Params,
  dt: number,
  gain: Float64Array,
  units: Int32Array,
  k: Wavevector,
): ComplexMatrix {
  const rate = unitRates(structure, params, dt);
  // eulerMapMatrix couples the sources with state > 0; scale each coupling column by its gain.
  const m = eulerMapMatrix(structure, groupWeightsF32(structure, params), rate, gain, k, units);
  const n = units.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const g = gain[units[j]];
      const d = i === j ? 1 - rate[units[i]] : 0;
      m.re[i * n + j] = d + (m.re[i * n + j] - d) * g;
      m.im[i * n + j] *= g;
    }
  }
  return m;
}
