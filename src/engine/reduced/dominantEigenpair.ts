import { eigenvalues, spectralRadius, type Spectrum } from './eigenvalues.ts';
import { hessenberg, type ComplexMatrix } from './hessenberg.ts';
import { hessenbergEigenvector } from './hessenbergLu.ts';
import { hessenbergEigenvalues } from './realEigenvalues.ts';
import { realHessenberg } from './realHessenberg.ts';

/** A complex vector as parallel real and imaginary parts. */
export interface ComplexVector {
  re: Float64Array;
  im: Float64Array;
}

/**
 * The eigenvalue λ of largest modulus with its right eigenvector r (A·r = λ·r, ‖r‖ = 1) and left
 * eigenvector, stored as u = conj(l) (uᵀ·A = λ·uᵀ) and scaled so that uᵀ·r = 1. Then first-order
 * perturbation theory reads dλ = uᵀ·dA·r, and for ρ = |λ|: dρ = Re(conj(λ)·uᵀ·dA·r)/|λ|.
 */
export interface DominantEigenpair {
  value: { re: number; im: number };
  radius: number;
  right: ComplexVector;
  left: ComplexVector;
  /** ‖u‖·‖r‖ = 1/|cos ∠(l, r)|: how sensitive λ is to perturbations of A (1 for normal matrices). */
  condition: number;
  /** max(‖A·r − λ·r‖, ‖Aᵀ·u − λ·u‖/‖u‖) / max|A_ij|. */
  residual: number;
  /** All eigenvalues, when the method computed them (the dense one does). */
  eigenvalues?: Spectrum;
}

/**
 * Dense dominant eigenpair: Hessenberg reduction A = Q·H·Q* (real arithmetic when A is real),
 * all eigenvalues by QR, then inverse iteration on H for the right (H·y = λy) and left
 * (Hᵀ·x = λx) vectors, r = Q·y and u = conj(Q)·x. O(n³); the reference for the sparse path.
 * Of a complex-conjugate pair the member with Im λ ≥ 0 is returned (ρ and its gradient are the
 * same for both).
 */
export function dominantEigenpair(a: ComplexMatrix): DominantEigenpair {
  const { n } = a;
  const real = a.im.every((x) => x === 0);
  let hr: Float64Array;
  let hi: Float64Array | undefined;
  let qr: Float64Array;
  let qi: Float64Array | undefined;
  let spectrum: Spectrum;
  if (real) {
    const form = realHessenberg(a.re, n, true);
    [hr, qr] = [form.h, form.q!];
    spectrum = hessenbergEigenvalues(hr.slice(), n);
  } else {
    const form = hessenberg(a, true);
    [hr, hi, qr, qi] = [form.h.re, form.h.im, form.q!.re, form.q!.im];
    spectrum = eigenvalues(form.h);
  }
  const { radius, index } = spectralRadius(spectrum);
  const lr = spectrum.re[index];
  const li = real ? Math.abs(spectrum.im[index]) : spectrum.im[index];
  const y = hessenbergEigenvector(n, hr, hi, lr, li, false);
  const x = hessenbergEigenvector(n, hr, hi, lr, li, true);
  const right = multiply(n, qr, qi, y, false);
  const left = multiply(n, qr, qi, x, true);
  return finishPair(a, { re: lr, im: li }, radius, right, left, spectrum);
}

/** Q·v, or conj(Q)·v. */
function multiply(
  n: number,
  qr: Float64Array,
  qi: Float64Array | undefined,
  [vr, vi]: [Float64Array, Float64Array],
  conjugate: boolean,
): ComplexVector {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const s = conjugate ? -1 : 1;
  for (let i = 0; i < n; i++) {
    let [sr, si] = [0, 0];
    for (let j = 0; j < n; j++) {
      const [ar, ai] = [qr[i * n + j], qi ? s * qi[i * n + j] : 0];
      sr += ar * vr[j] - ai * vi[j];
      si += ar * vi[j] + ai * vr[j];
    }
    re[i] = sr;
    im[i] = si;
  }
  return { re, im };
}

/**
 * Normalises r to unit norm and u to uᵀ·r = 1, and measures the residuals against A. Shared by
 * the dense and the sparse (Arnoldi) paths.
 */
export function finishPair(
  a:
    | ComplexMatrix
    | { n: number; apply: (x: ComplexVector, transposed: boolean) => ComplexVector; scale: number },
  value: { re: number; im: number },
  radius: number,
  right: ComplexVector,
  left: ComplexVector,
  spectrum?: Spectrum,
): DominantEigenpair {
  const n = a.n;
  const apply = 'apply' in a ? a.apply : (x: ComplexVector, t: boolean) => denseApply(a, x, t);
  const scale = 'apply' in a ? a.scale : maxAbsEntry(a);
  scaleVector(right, 1 / norm(right));
  // uᵀ·r (bilinear) → 1.
  let [pr, pi] = [0, 0];
  for (let i = 0; i < n; i++) {
    pr += left.re[i] * right.re[i] - left.im[i] * right.im[i];
    pi += left.re[i] * right.im[i] + left.im[i] * right.re[i];
  }
  const d = pr * pr + pi * pi;
  for (let i = 0; i < n; i++) {
    const [ur, ui] = [left.re[i], left.im[i]];
    left.re[i] = (ur * pr + ui * pi) / d;
    left.im[i] = (ui * pr - ur * pi) / d;
  }
  const uNorm = norm(left);
  const residualOf = (v: ComplexVector, transposed: boolean) => {
    const av = apply(v, transposed);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const rr = av.re[i] - (value.re * v.re[i] - value.im * v.im[i]);
      const ri = av.im[i] - (value.re * v.im[i] + value.im * v.re[i]);
      s += rr * rr + ri * ri;
    }
    return Math.sqrt(s);
  };
  const residual = Math.max(residualOf(right, false), residualOf(left, true) / uNorm) / (scale || 1);
  return { value, radius, right, left, condition: uNorm, residual, eigenvalues: spectrum };
}

function denseApply(a: ComplexMatrix, x: ComplexVector, transposed: boolean): ComplexVector {
  const { n } = a;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = transposed ? j * n + i : i * n + j;
      re[i] += a.re[k] * x.re[j] - a.im[k] * x.im[j];
      im[i] += a.re[k] * x.im[j] + a.im[k] * x.re[j];
    }
  }
  return { re, im };
}

function maxAbsEntry(a: ComplexMatrix): number {
  let m = 0;
  for (let k = 0; k < a.re.length; k++) m = Math.max(m, Math.hypot(a.re[k], a.im[k]));
  return m;
}

function norm(v: ComplexVector): number {
  let s = 0;
  for (let i = 0; i < v.re.length; i++) s += v.re[i] * v.re[i] + v.im[i] * v.im[i];
  return Math.sqrt(s);
}

function scaleVector(v: ComplexVector, f: number): void {
  for (let i = 0; i < v.re.length; i++) {
    v.re[i] *= f;
    v.im[i] *= f;
  }
}
