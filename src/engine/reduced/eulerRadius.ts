import type { Params } from '../../network/params.ts';
import type { ArnoldiOptions } from './arnoldi.ts';
import { dominantEigenpair, type DominantEigenpair } from './dominantEigenpair.ts';
import { activeEulerOperator, activeUnits, denseEulerMap, reluGain } from './eulerOperator.ts';
import { unitRates, type Wavevector } from './linearize.ts';
import { sparseDominantPair } from './sparseDominantPair.ts';
import type { ReducedStructure } from './structure.ts';
import { groupWeightsF32 } from './weights.ts';

export interface EulerModeOptions {
  /** Spatial frequency (rad/column); [0, 0] is the uniform mode. @default [0, 0] */
  k?: Wavevector;
  /** Half-width T of the smoothed ReLU gain (see `reluGain`); 0 = exact. @default 0 */
  gainHalfWidth?: number;
  /** 'sparse' (Arnoldi on the sparse map) or 'dense' (Hessenberg + QR, the reference). @default 'sparse' */
  method?: 'sparse' | 'dense';
  arnoldi?: ArnoldiOptions;
}

/** The least damped mode of the Euler map A = I + diag(a)·(−I + W(k)·diag(g)) around a state. */
export interface EulerMode {
  /** Spectral radius |λ| of A: locally stable at this dt iff < 1. */
  radius: number;
  /** Dominant eigenvalue (at k = 0, where A is real, the member of a conjugate pair with Im ≥ 0). */
  value: { re: number; im: number };
  k: Wavevector;
  dt: number;
  /** Which method gave it; 'dense (fallback)' when Arnoldi did not converge. */
  method: 'sparse' | 'dense' | 'dense (fallback)' | 'silent unit';
  /** Units with g > 0 (the coupled block). */
  units: Int32Array;
  gain: Float64Array;
  slope: Float64Array;
  /** Eigenpair on `units`; absent when the dominant eigenvalue is a silent unit's own decay 1 − a. */
  pair?: DominantEigenpair;
  /** That silent unit, else −1. */
  silentUnit: number;
  /** |r_i|² of the right eigenvector per unit (all units, sums to 1): where the mode lives. */
  modeShare: Float64Array;
}

/**
 * The dominant eigenvalue of the Euler map around `state`, with left and right eigenvectors for
 * its gradient. Silent units (g = 0) send nothing, so A is block-triangular: their eigenvalues are
 * their own decay 1 − a, and only the coupled block is solved.
 */
export function eulerDominantMode(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  dt: number,
  options: EulerModeOptions = {},
): EulerMode {
  const k = options.k ?? [0, 0];
  if (state.length !== structure.nUnits)
    throw new Error(
      `Error in eulerDominantMode: state must have nUnits = ${structure.nUnits} values, got ${state.length}`,
    );
  const method = options.method ?? 'sparse';
  const { gain, slope } = reluGain(state, options.gainHalfWidth ?? 0);
  const units = activeUnits(gain);
  const rate = unitRates(structure, params, dt);
  const base = { k, dt, units, gain, slope };

  let silentUnit = -1;
  for (let i = 0; i < structure.nUnits; i++) {
    if (gain[i] > 0) continue;
    if (silentUnit < 0 || Math.abs(1 - rate[i]) > Math.abs(1 - rate[silentUnit])) silentUnit = i;
  }
  let pair: DominantEigenpair | undefined;
  let used: EulerMode['method'] = method;
  // Arnoldi needs a few units; a tiny block is solved densely.
  if (units.length >= 8 && method === 'sparse') {
    pair = sparseDominantPair(activeEulerOperator(structure, params, dt, gain, units, k), options.arnoldi);
    if (!pair) used = 'dense (fallback)';
  }
  if (units.length > 0 && !pair)
    pair = dominantEigenpair(denseEulerMap(structure, params, dt, gain, units, k));
  if (silentUnit >= 0 && (!pair || Math.abs(1 - rate[silentUnit]) > pair.radius)) {
    const modeShare = new Float64Array(structure.nUnits);
    modeShare[silentUnit] = 1;
    const value = { re: 1 - rate[silentUnit], im: 0 };
    return { ...base, radius: Math.abs(value.re), value, method: 'silent unit', silentUnit, modeShare };
  }
  const modeShare = shares(structure, params, rate, gain, units, k, pair!);
  return { ...base, radius: pair!.radius, value: pair!.value, method: used, pair, silentUnit: -1, modeShare };
}

/**
 * |r_i|² per unit, normalised. Silent units are driven by the mode without feeding back:
 * r_i = (A·r)_i / (λ − (1 − a_i)) from their incoming couplings.
 */
function shares(
  structure: ReducedStructure,
  params: Params,
  rate: Float64Array,
  gain: Float64Array,
  units: Int32Array,
  k: Wavevector,
  pair: DominantEigenpair,
): Float64Array {
  const n = structure.nUnits;
  const [rr, ri] = [new Float64Array(n), new Float64Array(n)];
  units.forEach((u, i) => ((rr[u] = pair.right.re[i]), (ri[u] = pair.right.im[i])));
  const groupWeight = groupWeightsF32(structure, params);
  const { rowStart, entrySource, termStart, termGroup, groupDu, groupDv } = structure;
  for (let i = 0; i < n; i++) {
    if (gain[i] > 0) continue;
    let [sr, si] = [0, 0];
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = entrySource[e];
      if (!(gain[j] > 0)) continue;
      for (let q = termStart[e]; q < termStart[e + 1]; q++) {
        const g = termGroup[q];
        const phase = -(k[0] * groupDu[g] + k[1] * groupDv[g]);
        const [c, s] = [Math.cos(phase), Math.sin(phase)];
        const w = rate[i] * groupWeight[g] * gain[j];
        sr += w * (c * rr[j] - s * ri[j]);
        si += w * (c * ri[j] + s * rr[j]);
      }
    }
    const [dr, di] = [pair.value.re - (1 - rate[i]), pair.value.im];
    const d = dr * dr + di * di;
    rr[i] = (sr * dr + si * di) / d;
    ri[i] = (si * dr - sr * di) / d;
  }
  const share = Float64Array.from(rr, (x, i) => x * x + ri[i] * ri[i]);
  const total = share.reduce((s, x) => s + x, 0);
  return share.map((x) => x / total);
}

/** ∂ρ/∂(unit rate a), ∂ρ/∂(group weight w_g) and ∂ρ/∂V (through the gain's slope), with ρ = |λ|. */
export interface EulerModeGradient {
  rate: Float64Array;
  group: Float64Array;
  state: Float64Array;
}

/**
 * Gradient of the spectral radius: dρ = Re(conj(λ)·uᵀ·dA·r)/|λ| (u the scaled left vector) with
 * A_ij = δ_ij(1 − a_i) + a_i·g_j·Σ_groups w·e^{−i k·Δ}. Through V* the gain enters only by its
 * slope: zero for the exact ReLU (D = diag(V* > 0) is locally constant).
 */
export function eulerRadiusVJP(
  structure: ReducedStructure,
  params: Params,
  mode: EulerMode,
): EulerModeGradient {
  const n = structure.nUnits;
  const grad = {
    rate: new Float64Array(n),
    group: new Float64Array(structure.groupPair.length),
    state: new Float64Array(n),
  };
  const rate = unitRates(structure, params, mode.dt);
  if (!mode.pair) {
    // ρ = |1 − a| of a silent unit.
    grad.rate[mode.silentUnit] = mode.value.re >= 0 ? -1 : 1;
    return grad;
  }
  const { pair, units, gain, slope, k } = mode;
  const [cr, ci] = [pair.value.re / pair.radius, -pair.value.im / pair.radius];
  const local = new Int32Array(n).fill(-1);
  units.forEach((u, i) => (local[u] = i));
  const groupWeight = groupWeightsF32(structure, params);
  const { rowStart, entrySource, termStart, termGroup, groupDu, groupDv } = structure;
  const { left, right } = pair;
  for (const i of units) {
    const li = local[i];
    // c·u_i, then z = c·u_i·r_j per source j.
    const [ar, ai] = [cr * left.re[li] - ci * left.im[li], cr * left.im[li] + ci * left.re[li]];
    grad.rate[i] -= ar * right.re[li] - ai * right.im[li];
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = entrySource[e];
      const lj = local[j];
      if (lj < 0) continue;
      const [zr, zi] = [ar * right.re[lj] - ai * right.im[lj], ar * right.im[lj] + ai * right.re[lj]];
      let sum = 0;
      for (let q = termStart[e]; q < termStart[e + 1]; q++) {
        const g = termGroup[q];
        const phase = -(k[0] * groupDu[g] + k[1] * groupDv[g]);
        const t = zr * Math.cos(phase) - zi * Math.sin(phase);
        grad.group[g] += rate[i] * gain[j] * t;
        sum += groupWeight[g] * t;
      }
      grad.rate[i] += gain[j] * sum;
      grad.state[j] += rate[i] * slope[j] * sum;
    }
  }
  return grad;
}
