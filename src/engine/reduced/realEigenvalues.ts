import type { Spectrum } from './eigenvalues.ts';
import { realHessenberg } from './realHessenberg.ts';

/**
 * Real-arithmetic eigenvalues for real matrices (the uniform mode's Euler map): Householder
 * reduction to upper Hessenberg form, then Francis double-shift QR, eigenvalues only. Complex
 * conjugate pairs come out as pairs without complex arithmetic; measured 1.3–2× faster than the
 * complex solver in `eigenvalues.ts` on 380 units (which the Bloch matrices, k ≠ 0, need).
 */

/** Eigenvalues of a real row-major n × n matrix. */
export function realEigenvalues(a: Float64Array, n: number): Spectrum {
  return hessenbergEigenvalues(realHessenberg(a, n).h, n);
}

/**
 * Eigenvalues of a real upper Hessenberg matrix (overwritten) by Francis double-shift QR steps
 * on the undeflated window, with an exceptional step every 10th iteration on one eigenvalue
 * (iteration cap per eigenvalue as LAPACK's: 30 per row of the window, at least 300).
 */
export function hessenbergEigenvalues(h: Float64Array, n: number): Spectrum {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const eps = 2.220446049250313e-16;
  let frobenius = 0;
  for (const x of h) frobenius += x * x;
  frobenius = Math.sqrt(frobenius);
  const at = (i: number, j: number) => h[i * n + j];
  let hi = n - 1;
  let iterations = 0;
  let offset = 0;
  while (hi >= 0) {
    let lo = hi;
    for (; lo > 0; lo--) {
      // Negligible relative to its diagonal neighbours or to ‖H‖_F (within QR's own backward error):
      // a block λ·I + noise (many units with the same time constant) is a fixed point of QR steps.
      const diag = Math.abs(at(lo - 1, lo - 1)) + Math.abs(at(lo, lo));
      if (Math.abs(at(lo, lo - 1)) <= eps * Math.max(diag, frobenius)) {
        h[lo * n + lo - 1] = 0;
        break;
      }
    }
    if (lo === hi) {
      re[hi] = at(hi, hi) + offset;
      hi--;
      iterations = 0;
      continue;
    }
    if (lo === hi - 1) {
      twoByTwo(at(lo, lo), at(lo, hi), at(hi, lo), at(hi, hi), re, im, lo);
      re[lo] += offset;
      re[hi] += offset;
      hi -= 2;
      iterations = 0;
      continue;
    }
    if (++iterations > 30 * Math.max(10, hi - lo + 1))
      throw new Error(`Error in hessenbergEigenvalues: QR did not converge for eigenvalue ${hi} of ${n}`);
    // Shifts as the sum s and product t of the two shifts (the trailing 2 × 2 block's eigenvalues).
    let s: number;
    let t: number;
    if (iterations % 10 === 0) {
      // Exceptional step (as EISPACK's hqr): subtract the last diagonal entry from the undeflated
      // part explicitly (added back to the eigenvalues found later), then shift off it. A cluster
      // λ·I + E (units with equal time constants) keeps its structure only at the scale of E,
      // which the implicit shifts s, t ≈ 2λ, λ² cannot resolve before this subtraction.
      const d = at(hi, hi);
      for (let i = 0; i <= hi; i++) h[i * n + i] -= d;
      offset += d;
      const w = Math.abs(at(hi, hi - 1)) + Math.abs(at(hi - 1, hi - 2));
      [s, t] = [1.5 * w, w * w];
    } else {
      s = at(hi - 1, hi - 1) + at(hi, hi);
      t = at(hi - 1, hi - 1) * at(hi, hi) - at(hi - 1, hi) * at(hi, hi - 1);
    }
    francisStep(h, n, lo, hi, s, t);
  }
  return { re, im };
}

/**
 * One implicit double-shift step on rows/columns lo…hi: chase the bulge of (H² − sH + tI)·e1 with
 * 3 × 3 reflectors. The bulge starts at the lowest row m where the subdiagonal entry above it is
 * small enough to be cut (two consecutive small subdiagonals): starting at lo, a tiny but
 * non-negligible subdiagonal on the way would absorb the bulge and the step would stall. With `q`
 * (n × n) the reflectors are also applied to q's columns (q ← q·P), as the implicitly restarted
 * Arnoldi method needs; eigenvalue-only callers pass none.
 */
export function francisStep(
  h: Float64Array,
  n: number,
  lo: number,
  hi: number,
  s: number,
  t: number,
  q?: Float64Array,
) {
  const at = (i: number, j: number) => h[i * n + j];
  let [x, y, z] = [0, 0, 0];
  let m = hi - 2;
  for (; m >= lo; m--) {
    x = at(m, m) * at(m, m) + at(m, m + 1) * at(m + 1, m) - s * at(m, m) + t;
    y = at(m + 1, m) * (at(m, m) + at(m + 1, m + 1) - s);
    z = at(m + 1, m) * at(m + 2, m + 1);
    if (m === lo) break;
    const cut = Math.abs(at(m, m - 1)) * (Math.abs(y) + Math.abs(z));
    const size = Math.abs(x) * (Math.abs(at(m - 1, m - 1)) + Math.abs(at(m, m)) + Math.abs(at(m + 1, m + 1)));
    if (cut <= 2.220446049250313e-16 * size) break;
  }
  for (let k = m; k <= hi - 1; k++) {
    const size = k < hi - 1 ? 3 : 2;
    if (size === 2) z = 0;
    const norm = Math.hypot(x, y, z);
    if (norm > 0) {
      const alpha = x >= 0 ? -norm : norm;
      const [v0, v1, v2] = [x - alpha, y, z];
      const beta = 2 / (v0 * v0 + v1 * v1 + v2 * v2);
      if (k === m && m > lo) {
        // The reflector maps (h[m][m−1], 0, 0) to h[m][m−1]·(x, y, z)/α; the cut drops the last two.
        h[m * n + m - 1] *= x / alpha;
      }
      for (let j = k === m ? k : k - 1; j <= hi; j++) {
        const f = beta * (v0 * at(k, j) + v1 * at(k + 1, j) + (size === 3 ? v2 * at(k + 2, j) : 0));
        h[k * n + j] -= f * v0;
        h[(k + 1) * n + j] -= f * v1;
        if (size === 3) h[(k + 2) * n + j] -= f * v2;
      }
      for (let i = lo; i <= Math.min(k + 3, hi); i++) {
        const row = i * n;
        const f = beta * (h[row + k] * v0 + h[row + k + 1] * v1 + (size === 3 ? h[row + k + 2] * v2 : 0));
        h[row + k] -= f * v0;
        h[row + k + 1] -= f * v1;
        if (size === 3) h[row + k + 2] -= f * v2;
      }
      if (q) {
        for (let i = 0; i < n; i++) {
          const row = i * n;
          const f = beta * (q[row + k] * v0 + q[row + k + 1] * v1 + (size === 3 ? q[row + k + 2] * v2 : 0));
          q[row + k] -= f * v0;
          q[row + k + 1] -= f * v1;
          if (size === 3) q[row + k + 2] -= f * v2;
        }
      }
    }
    if (k < hi - 1) {
      x = at(k + 1, k);
      y = at(k + 2, k);
      z = k < hi - 2 ? at(k + 3, k) : 0;
    }
  }
}

/** Eigenvalues of [[a, b], [c, d]] into re/im at i and i + 1 (a conjugate pair as +im, −im). */
function twoByTwo(a: number, b: number, c: number, d: number, re: Float64Array, im: Float64Array, i: number) {
  const p = (a - d) / 2;
  const disc = p * p + b * c;
  if (disc >= 0) {
    const z = p + (p >= 0 ? 1 : -1) * Math.sqrt(disc);
    re[i] = d + z;
    re[i + 1] = z !== 0 ? d - (b * c) / z : d;
  } else {
    const mid = (a + d) / 2;
    const w = Math.sqrt(-disc);
    [re[i], im[i], re[i + 1], im[i + 1]] = [mid, w, mid, -w];
  }
}
