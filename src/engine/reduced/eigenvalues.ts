import { hessenberg, type ComplexMatrix } from './hessenberg.ts';

/** Eigenvalues as parallel arrays of real and imaginary parts. */
export interface Spectrum {
  re: Float64Array;
  im: Float64Array;
}

/**
 * Eigenvalues (no eigenvectors) of a complex matrix: Hessenberg reduction, then single-shift QR
 * with Wilkinson shifts and deflation, working only inside the undeflated window. Measured ~10×
 * faster than ml-matrix's EigenvalueDecomposition on 380 × 380, which always builds eigenvectors,
 * and it handles the complex Bloch matrices, which ml-matrix cannot.
 */
export function eigenvalues(a: ComplexMatrix): Spectrum {
  const { n } = a;
  const { h } = hessenberg(a);
  const hr = h.re;
  const hi = h.im;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const cr = new Float64Array(n);
  const ci = new Float64Array(n);
  const cs = new Float64Array(n);
  const eps = 2.220446049250313e-16;
  let end = n - 1;
  let iterations = 0;
  while (end >= 0) {
    // Deflate: find the start of the unreduced block ending at `end`.
    let lo = end;
    while (lo > 0) {
      const sub = Math.hypot(hr[lo * n + lo - 1], hi[lo * n + lo - 1]);
      const diag =
        Math.hypot(hr[lo * n + lo], hi[lo * n + lo]) +
        Math.hypot(hr[(lo - 1) * n + lo - 1], hi[(lo - 1) * n + lo - 1]);
      if (sub <= eps * diag || sub < 1e-300) {
        hr[lo * n + lo - 1] = hi[lo * n + lo - 1] = 0;
        break;
      }
      lo--;
    }
    if (lo === end) {
      re[end] = hr[end * n + end];
      im[end] = hi[end * n + end];
      end--;
      iterations = 0;
      continue;
    }
    if (++iterations > 60)
      throw new Error(`Error in eigenvalues: QR did not converge for eigenvalue ${end} of ${n}`);
    const [mr, mi] =
      iterations % 11 === 10 ? exceptionalShift(hr, hi, n, end) : wilkinsonShift(hr, hi, n, end);
    for (let k = lo; k <= end; k++) {
      hr[k * n + k] -= mr;
      hi[k * n + k] -= mi;
    }
    // H − μI = QR by Givens rotations G_k (zeroing H[k+1][k]); then H ← RQ + μI.
    for (let k = lo; k < end; k++) {
      const ar = hr[k * n + k];
      const ai = hi[k * n + k];
      const br = hr[(k + 1) * n + k];
      const bi = hi[(k + 1) * n + k];
      const absA = Math.hypot(ar, ai);
      const rho = Math.hypot(absA, Math.hypot(br, bi));
      // G = [[c, s], [−conj(s), c]] with c real: c = |a|/ρ, s = (a/|a|)·conj(b)/ρ.
      let c = 0;
      let sr = 1;
      let si = 0;
      if (absA > 0) {
        c = absA / rho;
        const pr = ar / absA;
        const pi = ai / absA;
        sr = (pr * br + pi * bi) / rho;
        si = (pi * br - pr * bi) / rho;
      }
      cs[k] = c;
      cr[k] = sr;
      ci[k] = si;
      for (let j = k; j <= end; j++) {
        const xr = hr[k * n + j];
        const xi = hi[k * n + j];
        const yr = hr[(k + 1) * n + j];
        const yi = hi[(k + 1) * n + j];
        hr[k * n + j] = c * xr + sr * yr - si * yi;
        hi[k * n + j] = c * xi + sr * yi + si * yr;
        hr[(k + 1) * n + j] = -(sr * xr + si * xi) + c * yr;
        hi[(k + 1) * n + j] = -(sr * xi - si * xr) + c * yi;
      }
    }
    for (let k = lo; k < end; k++) {
      // Columns k, k+1 times G_k* = [[c, −s], [conj(s), c]].
      const c = cs[k];
      const sr = cr[k];
      const si = ci[k];
      for (let r = lo; r <= Math.min(k + 1, end); r++) {
        const xr = hr[r * n + k];
        const xi = hi[r * n + k];
        const yr = hr[r * n + k + 1];
        const yi = hi[r * n + k + 1];
        hr[r * n + k] = xr * c + yr * sr + yi * si;
        hi[r * n + k] = xi * c + yi * sr - yr * si;
        hr[r * n + k + 1] = -(xr * sr - xi * si) + yr * c;
        hi[r * n + k + 1] = -(xr * si + xi * sr) + yi * c;
      }
    }
    for (let k = lo; k <= end; k++) {
      hr[k * n + k] += mr;
      hi[k * n + k] += mi;
    }
  }
  return { re, im };
}

/** Eigenvalue of the trailing 2 × 2 block closest to its last diagonal entry. */
function wilkinsonShift(hr: Float64Array, hi: Float64Array, n: number, end: number): [number, number] {
  const i = end - 1;
  const [ar, ai, br, bi] = [hr[i * n + i], hi[i * n + i], hr[i * n + end], hi[i * n + end]];
  const [cr, ci, dr, di] = [hr[end * n + i], hi[end * n + i], hr[end * n + end], hi[end * n + end]];
  // μ = d + δ − sign·sqrt(δ² + bc), δ = (a − d)/2, choosing the root nearer d.
  const hr2 = (ar - dr) / 2;
  const hi2 = (ai - di) / 2;
  const discR = hr2 * hr2 - hi2 * hi2 + (br * cr - bi * ci);
  const discI = 2 * hr2 * hi2 + (br * ci + bi * cr);
  const mod = Math.hypot(discR, discI);
  let sqR = Math.sqrt((mod + discR) / 2);
  let sqI = (discI < 0 ? -1 : 1) * Math.sqrt(Math.max(0, (mod - discR) / 2));
  if (hr2 * sqR + hi2 * sqI < 0) {
    sqR = -sqR;
    sqI = -sqI;
  }
  return [dr + hr2 - sqR, di + hi2 - sqI];
}

/** A shift off the current estimate, to break the rare cycles of the Wilkinson shift. */
function exceptionalShift(hr: Float64Array, hi: Float64Array, n: number, end: number): [number, number] {
  const sub = Math.hypot(hr[end * n + end - 1], hi[end * n + end - 1]);
  return [hr[end * n + end] + 0.75 * sub, hi[end * n + end]];
}

/** Largest modulus of a spectrum, and its index. */
export function spectralRadius(s: Spectrum): { radius: number; index: number } {
  let radius = -Infinity;
  let index = -1;
  for (let k = 0; k < s.re.length; k++) {
    const m = Math.hypot(s.re[k], s.im[k]);
    if (m > radius) [radius, index] = [m, k];
  }
  return { radius, index };
}
