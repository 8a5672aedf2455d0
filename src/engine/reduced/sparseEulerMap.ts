import type { Wavevector } from './linearize.ts';
import type { ReducedStructure } from './structure.ts';

/**
 * The Euler map around a reduced state in sparse form, A = I + diag(a)·(−I + W(k)·D), for the
 * impulse-response computations that visit it hundreds of times (the dense `eulerMapMatrix` holds
 * 380² values of which ~9,500 are non-zero). Entry e is A[target_e, source_e] without the diagonal
 * 1 − a, which is kept apart: A[t, s] = a_t·Σ_groups w_g·e^{−i k·(Δ_g − (c_t − c_s))} over the
 * structure entry's count groups, for sources above 0 (D = diag(V* > 0) is held fixed: a unit at or
 * below 0 transmits nothing). c_t, c_s are the units' class positions (cu, cv): this gauge,
 * U·A·U* with U = diag(e^{i k·c}), leaves every unit-to-unit power unchanged and makes the map real
 * wherever k ≡ −k on the class lattice (Δ − (c_t − c_s) is a class-lattice vector R, and
 * k·R ∈ πℤ there), so those k-points run in real arithmetic (`real`).
 */
export interface SparseEulerMap {
  n: number;
  /** 1 − a per unit. */
  diag: Float64Array;
  target: Int32Array;
  source: Int32Array;
  re: Float64Array;
  im: Float64Array;
  /** The structure entry each map entry comes from (for the adjoint). */
  entry: Int32Array;
  k: Wavevector;
  /** True when every entry is real (im is all 0). */
  real: boolean;
}

/** Phase −k·(Δ_g − (c_t − c_s)) of count group `group` feeding unit `target` from unit `source`. */
function termPhase(
  structure: ReducedStructure,
  k: Wavevector,
  group: number,
  target: number,
  source: number,
) {
  const pv = structure.classPeriod[1];
  const ct = structure.unitClass[target];
  const cs = structure.unitClass[source];
  const du = structure.groupDu[group] - (Math.floor(ct / pv) - Math.floor(cs / pv));
  const dv = structure.groupDv[group] - ((ct % pv) - (cs % pv));
  return -(k[0] * du + k[1] * dv);
}

/** k ≡ −k modulo the class lattice's reciprocal lattice: 2k·P/(2π) is integral on both axes. */
function isSelfConjugate(structure: ReducedStructure, k: Wavevector): boolean {
  return structure.classPeriod.every((p, axis) => {
    const x = (k[axis] * p) / Math.PI;
    return Math.abs(x - Math.round(x)) < 1e-12;
  });
}

/** `groupWeight`: per count group sign·n_syn·strength (float32 values); `rate`: a = dt/max(τ, dt) per unit. */
export function sparseEulerMap(
  structure: ReducedStructure,
  groupWeight: ArrayLike<number>,
  rate: Float64Array,
  state: ArrayLike<number>,
  k: Wavevector = [0, 0],
): SparseEulerMap {
  const n = structure.nUnits;
  if (state.length !== n || rate.length !== n) {
    throw new Error(
      `Error in sparseEulerMap: state and rate must have nUnits = ${n} values, got ${state.length} and ${rate.length}`,
    );
  }
  const { rowStart, entrySource, termStart, termGroup } = structure;
  const real = isSelfConjugate(structure, k);
  const kept: number[] = [];
  for (let e = 0; e < entrySource.length; e++) if (state[entrySource[e]] > 0) kept.push(e);
  const m = kept.length;
  const target = new Int32Array(m);
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  const unitOfEntry = new Int32Array(entrySource.length);
  for (let i = 0; i < n; i++) for (let e = rowStart[i]; e < rowStart[i + 1]; e++) unitOfEntry[e] = i;
  kept.forEach((e, q) => {
    const t = unitOfEntry[e];
    target[q] = t;
    for (let g = termStart[e]; g < termStart[e + 1]; g++) {
      const group = termGroup[g];
      const phase = termPhase(structure, k, group, t, entrySource[e]);
      re[q] += rate[t] * groupWeight[group] * Math.cos(phase);
      if (!real) im[q] += rate[t] * groupWeight[group] * Math.sin(phase);
    }
  });
  return {
    n,
    diag: rate.map((a) => 1 - a),
    target,
    source: Int32Array.from(kept, (e) => entrySource[e]),
    re,
    im,
    entry: Int32Array.from(kept),
    k,
    real,
  };
}

/** Cotangents of a map's values: complex per entry (∂L/∂Re + i·∂L/∂Im), real on the diagonal. */
export interface SparseMapCotangent {
  re: Float64Array;
  im: Float64Array;
  diag: Float64Array;
}

/**
 * Pulls a cotangent of the map back to the per-group weights and the per-unit rates, adding into
 * `gradGroup` and `gradRate`. For a real parameter p, dL/dp = Re(conj(Ā)·∂A/∂p).
 */
export function sparseEulerMapVJP(
  structure: ReducedStructure,
  map: SparseEulerMap,
  groupWeight: ArrayLike<number>,
  rate: Float64Array,
  cotangent: SparseMapCotangent,
  gradGroup: Float64Array,
  gradRate: Float64Array,
): void {
  const { termStart, termGroup } = structure;
  for (let q = 0; q < map.entry.length; q++) {
    const gr = cotangent.re[q];
    const gi = map.real ? 0 : cotangent.im[q];
    if (gr === 0 && gi === 0) continue;
    const t = map.target[q];
    const e = map.entry[q];
    let sum = 0; // Re(conj(Ā)·Σ_g w_g e^{iφ_g}) = ∂L/∂a_t through this entry
    for (let g = termStart[e]; g < termStart[e + 1]; g++) {
      const group = termGroup[g];
      const phase = termPhase(structure, map.k, group, t, map.source[q]);
      const c = gr * Math.cos(phase) + gi * Math.sin(phase);
      gradGroup[group] += rate[t] * c;
      sum += groupWeight[group] * c;
    }
    gradRate[t] += sum;
  }
  for (let i = 0; i < map.n; i++) gradRate[i] -= cotangent.diag[i];
}
