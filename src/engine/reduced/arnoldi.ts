import { prng } from '../../util/random.ts';
import type { ComplexVector } from './dominantEigenpair.ts';
import { hessenbergEigenvector } from './hessenbergLu.ts';
import { francisStep, hessenbergEigenvalues } from './realEigenvalues.ts';

/** A real linear map given by its action, y = M·x (y is overwritten). */
export interface RealOperator {
  n: number;
  apply(x: Float64Array, y: Float64Array): void;
}

export interface ArnoldiOptions {
  /** The eigenvalue wanted: of largest modulus, or of largest real part. @default 'modulus' */
  which?: 'modulus' | 'real';
  /** Krylov basis size m. @default min(n, 40) */
  basisSize?: number;
  /** Ritz values kept at a restart (the m − keep others are the shifts). @default m / 2 */
  keep?: number;
  /** Converged when ‖M·x − θ·x‖ ≤ tol·|θ| for the unit Ritz vector x. @default 1e-11 */
  tol?: number;
  /** @default 200 */
  maxRestarts?: number;
  /** Seed of the random start vector. @default 0 */
  seed?: number;
}

export interface RitzPair {
  /** Of a conjugate pair, the member with Im ≥ 0. */
  value: { re: number; im: number };
  /** Unit-norm Ritz vector. */
  vector: ComplexVector;
  /** ‖M·x − θ·x‖ (from the Arnoldi relation). */
  residual: number;
  converged: boolean;
  restarts: number;
}

/**
 * One extreme eigenpair of a real operator by the implicitly restarted Arnoldi method (Sorensen
 * 1992, as in ARPACK): an m-dimensional Krylov basis with full re-orthogonalisation, restarted with
 * the unwanted Ritz values as exact shifts applied by real double-shift QR steps (complex shifts
 * come in conjugate pairs). The extreme eigenvalue (largest modulus or real part) lies on the
 * boundary of the spectrum's convex hull, where Krylov methods converge first. Costs O(m·n) per
 * matrix-vector product instead of the dense O(n³).
 */
export function arnoldiEigenpair(op: RealOperator, options: ArnoldiOptions = {}): RitzPair {
  const { n } = op;
  const m = Math.min(options.basisSize ?? 40, n);
  const keep = Math.min(options.keep ?? Math.ceil(m / 2), m - 1);
  const { which = 'modulus', tol = 1e-11, maxRestarts = 200, seed = 0 } = options;
  if (!(m >= 3))
    throw new Error(`Error in arnoldiEigenpair: need a basis of at least 3 vectors, got ${m} (n = ${n})`);
  const rng = prng(seed);
  const v = new Float64Array((m + 1) * n);
  const h = new Float64Array(m * m);
  const w = new Float64Array(n);
  const dots = new Float64Array(m);
  const randomUnit = (j: number) => {
    for (let i = 0; i < n; i++) v[j * n + i] = rng.normal();
    orthogonalize(v, n, j, v.subarray(j * n, (j + 1) * n), dots);
    return normalize(v.subarray(j * n, (j + 1) * n));
  };
  randomUnit(0);
  let beta = 0;
  let k = 0;
  let scale = 0;
  const key = (re: number, im: number) => (which === 'modulus' ? Math.hypot(re, im) : re);
  for (let restart = 0; ; restart++) {
    for (let j = k; j < m; j++) {
      op.apply(v.subarray(j * n, (j + 1) * n), w);
      orthogonalize(v, n, j + 1, w, dots);
      for (let i = 0; i <= j; i++) h[i * m + j] = dots[i];
      const b = normalize(w);
      scale = Math.max(scale, b, Math.abs(dots[j]));
      // A (numerically) invariant subspace: continue with a fresh direction, H's subdiagonal 0.
      const broke = b <= 1e-14 * scale;
      v.set(w, (j + 1) * n);
      if (broke && j + 1 < m) randomUnit(j + 1);
      if (j + 1 < m) h[(j + 1) * m + j] = broke ? 0 : b;
      else beta = broke ? 0 : b;
    }
    const ritz = hessenbergEigenvalues(h.slice(), m);
    const order = Array.from(ritz.re.keys()).sort(
      (a, b) => key(ritz.re[b], ritz.im[b]) - key(ritz.re[a], ritz.im[a]) || ritz.im[b] - ritz.im[a],
    );
    const [tr, ti] = [ritz.re[order[0]], Math.abs(ritz.im[order[0]])];
    const [yr, yi] = hessenbergEigenvector(m, h, undefined, tr, ti, false);
    const residual = beta * Math.hypot(yr[m - 1], yi[m - 1]);
    const converged = residual <= tol * Math.max(Math.hypot(tr, ti), 1e-300);
    if (converged || restart >= maxRestarts) {
      const vector = { re: new Float64Array(n), im: new Float64Array(n) };
      for (let j = 0; j < m; j++) {
        for (let i = 0; i < n; i++) {
          vector.re[i] += yr[j] * v[j * n + i];
          vector.im[i] += yi[j] * v[j * n + i];
        }
      }
      return { value: { re: tr, im: ti }, vector, residual, converged, restarts: restart };
    }
    k = applyShifts(v, h, n, m, beta, order.slice(keep), ritz);
    beta = 0;
  }
}

/**
 * Applies the unwanted Ritz values as shifts (conjugate pairs together, real ones two at a time; a
 * last unpaired real shift is skipped), compresses the basis to k = m − (shifts applied) vectors
 * and restores the Arnoldi relation: v_k becomes the new residual direction. Returns k.
 */
function applyShifts(
  v: Float64Array,
  h: Float64Array,
  n: number,
  m: number,
  beta: number,
  unwanted: number[],
  ritz: { re: Float64Array; im: Float64Array },
): number {
  const q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) q[i * m + i] = 1;
  const complexShifts = unwanted.filter((i) => ritz.im[i] > 0);
  const realShifts = unwanted.filter((i) => ritz.im[i] === 0);
  let applied = 0;
  for (const i of complexShifts) {
    // A pair split by the cut (its Im > 0 member kept, sorted first) is not a shift.
    if (!unwanted.some((j) => ritz.im[j] === -ritz.im[i] && ritz.re[j] === ritz.re[i])) continue;
    francisStep(h, m, 0, m - 1, 2 * ritz.re[i], ritz.re[i] ** 2 + ritz.im[i] ** 2, q);
    applied += 2;
  }
  for (let p = 0; p + 1 < realShifts.length; p += 2) {
    const [a, b] = [ritz.re[realShifts[p]], ritz.re[realShifts[p + 1]]];
    francisStep(h, m, 0, m - 1, a + b, a * b, q);
    applied += 2;
  }
  const k = m - applied;
  // New residual f = v_k'·H[k][k−1] + (β·v_m)·Q[m−1][k−1], with v' = V·Q.
  const compressed = new Float64Array((k + 1) * n);
  for (let j = 0; j <= k; j++) {
    for (let i = 0; i < m; i++) {
      const c = q[i * m + j];
      if (c === 0) continue;
      for (let x = 0; x < n; x++) compressed[j * n + x] += c * v[i * n + x];
    }
  }
  const f = compressed.subarray(k * n, (k + 1) * n);
  const [hk, sigma] = [h[k * m + k - 1], q[(m - 1) * m + k - 1]];
  for (let x = 0; x < n; x++) f[x] = f[x] * hk + beta * sigma * v[m * n + x];
  v.fill(0);
  v.set(compressed.subarray(0, k * n));
  const norm = normalize(f);
  v.set(f, k * n);
  for (let i = k; i < m; i++) h.fill(0, i * m, (i + 1) * m);
  for (let i = 0; i < k; i++) h.fill(0, i * m + k, (i + 1) * m);
  h[k * m + k - 1] = norm;
  return k;
}

/** w ← w − V_{0…count−1}·(Vᵀw) by modified Gram–Schmidt, twice (re-orthogonalisation); dots gets Vᵀw. */
function orthogonalize(v: Float64Array, n: number, count: number, w: Float64Array, dots: Float64Array): void {
  dots.fill(0);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < count; i++) {
      let d = 0;
      for (let x = 0; x < n; x++) d += v[i * n + x] * w[x];
      dots[i] += d;
      for (let x = 0; x < n; x++) w[x] -= d * v[i * n + x];
    }
  }
}

function normalize(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  const norm = Math.sqrt(s);
  if (norm > 0) for (let i = 0; i < x.length; i++) x[i] /= norm;
  return norm;
}
