import { arnoldiEigenpair, type ArnoldiOptions, type RitzPair } from './arnoldi.ts';
import { finishPair, type ComplexVector, type DominantEigenpair } from './dominantEigenpair.ts';
import type { ActiveEulerOperator } from './eulerOperator.ts';

/**
 * Right and left dominant vectors by two Arnoldi runs (on A and Aᵀ, or their real embeddings for
 * k ≠ 0). Undefined when either did not converge or they found different eigenvalues (two of
 * almost equal modulus): the caller then solves densely.
 */
export function sparseDominantPair(
  op: ActiveEulerOperator,
  options?: ArnoldiOptions,
): DominantEigenpair | undefined {
  const right = decode(op, arnoldiEigenpair(op, options));
  const left = decode(op, arnoldiEigenpair({ n: op.n, apply: op.applyTransposed }, options), right?.value);
  if (!right || !left) return undefined;
  const size = Math.hypot(right.value.re, right.value.im);
  const gap = Math.hypot(right.value.re - left.value.re, right.value.im - left.value.im);
  if (gap > 1e-8 * Math.max(size, 1e-300)) return undefined;
  // Two-sided Rayleigh quotient uᵀAr / uᵀr: second-order accurate in the vectors' errors.
  const ar = op.applyComplex(right.vector, false);
  const [num, den] = [bilinear(left.vector, ar), bilinear(left.vector, right.vector)];
  const d = den[0] ** 2 + den[1] ** 2;
  const value = { re: (num[0] * den[0] + num[1] * den[1]) / d, im: (num[1] * den[0] - num[0] * den[1]) / d };
  if (!op.complex) value.im = Math.abs(value.im);
  const matrix = { n: op.size, apply: op.applyComplex, scale: op.scale };
  return finishPair(matrix, value, Math.hypot(value.re, value.im), right.vector, left.vector);
}

/**
 * An eigenpair of A(k) from a Ritz pair of the operator (see `ActiveEulerOperator` for the
 * embedding): the larger of the two parts, or the part for the eigenvalue `want` (when spec A(k)
 * holds both θ and conj θ, as at k ≡ −k, the left vector must be the one for the right's eigenvalue).
 */
function decode(
  op: ActiveEulerOperator,
  ritz: RitzPair,
  want?: { re: number; im: number },
): { value: { re: number; im: number }; vector: ComplexVector } | undefined {
  if (!ritz.converged) return undefined;
  if (!op.complex) return ritz;
  const n = op.size;
  const { re, im } = ritz.vector;
  // p = x[0…n), q = x[n…2n), both complex; p + iq and p − iq.
  const plus = { re: new Float64Array(n), im: new Float64Array(n) };
  const minus = { re: new Float64Array(n), im: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    plus.re[i] = re[i] - im[n + i];
    plus.im[i] = im[i] + re[n + i];
    minus.re[i] = re[i] + im[n + i];
    minus.im[i] = -(im[i] - re[n + i]);
  }
  const norm = (v: ComplexVector) => v.re.reduce((s, x, i) => s + x * x + v.im[i] ** 2, 0);
  const [np, nm] = [norm(plus), norm(minus)];
  // minus holds conj(p − iq): an eigenvector of A(k) for conj(θ).
  const conjugate = { re: ritz.value.re, im: -ritz.value.im };
  const usePlus = want
    ? np > 1e-12 * (np + nm) &&
      Math.hypot(want.re - ritz.value.re, want.im - ritz.value.im) <=
        Math.hypot(want.re - conjugate.re, want.im - conjugate.im)
    : np >= nm;
  if (usePlus) return { value: ritz.value, vector: plus };
  return nm > 1e-12 * (np + nm) ? { value: conjugate, vector: minus } : undefined;
}

const bilinear = (a: ComplexVector, b: ComplexVector): [number, number] => {
  let [re, im] = [0, 0];
  for (let i = 0; i < a.re.length; i++) {
    re += a.re[i] * b.re[i] - a.im[i] * b.im[i];
    im += a.re[i] * b.im[i] + a.im[i] * b.re[i];
  }
  return [re, im];
};
