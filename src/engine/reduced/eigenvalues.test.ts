import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { prng } from '../../util/random.ts';
import { luFactor, luSolve, luSolveTransposed } from './denseLu.ts';
import { eigenvalues, spectralRadius } from './eigenvalues.ts';
import { complexMatrix, hessenberg, solveShiftedHessenberg } from './hessenberg.ts';

const random = (n: number, seed: number) => {
  const rng = prng(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
};

/** Largest distance from each eigenvalue of `a` to the nearest one of `b`. */
function spectrumDistance(
  a: { re: ArrayLike<number>; im: ArrayLike<number> },
  b: { re: ArrayLike<number>; im: ArrayLike<number> },
) {
  let worst = 0;
  for (let i = 0; i < a.re.length; i++) {
    let best = Infinity;
    for (let j = 0; j < b.re.length; j++)
      best = Math.min(best, Math.hypot(a.re[i] - b.re[j], a.im[i] - b.im[j]));
    worst = Math.max(worst, best);
  }
  return worst;
}

describe('eigenvalues', () => {
  it('agrees with ml-matrix on a random real 40 × 40 matrix', () => {
    const n = 40;
    const re = random(n * n, 1);
    const ours = eigenvalues(complexMatrix(n, re));
    const ref = new EigenvalueDecomposition(Matrix.from1DArray(n, n, re));
    const theirs = { re: ref.realEigenvalues, im: ref.imaginaryEigenvalues };
    expect(spectrumDistance(ours, theirs)).toBeLessThan(1e-10);
    expect(spectrumDistance(theirs, ours)).toBeLessThan(1e-10);
  });

  it('finds the eigenvalues of a complex matrix among those of its real 2n × 2n form', () => {
    const n = 25;
    const a = complexMatrix(n, random(n * n, 2), random(n * n, 3));
    const ours = eigenvalues(a);
    const big = new Matrix(2 * n, 2 * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        big.set(i, j, a.re[i * n + j]);
        big.set(i, j + n, -a.im[i * n + j]);
        big.set(i + n, j, a.im[i * n + j]);
        big.set(i + n, j + n, a.re[i * n + j]);
      }
    }
    const ref = new EigenvalueDecomposition(big);
    expect(spectrumDistance(ours, { re: ref.realEigenvalues, im: ref.imaginaryEigenvalues })).toBeLessThan(
      1e-10,
    );
    // The trace is the sum of the eigenvalues.
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a.im[i * n + i];
    expect(ours.im.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 9);
  });

  it('returns the diagonal of a triangular matrix and its largest modulus', () => {
    const a = complexMatrix(3, Float64Array.from([0.5, 1, 2, 0, -0.9, 3, 0, 0, 0.2]));
    const s = eigenvalues(a);
    expect([...s.re].sort((x, y) => x - y)).toEqual([-0.9, 0.2, 0.5]);
    expect(spectralRadius(s).radius).toBe(0.9);
  });
});

describe('hessenberg', () => {
  it('gives A = Q·H·Q* with H upper Hessenberg, and solves (z·I − H)·y = r', () => {
    const n = 12;
    const a = complexMatrix(n, random(n * n, 4), random(n * n, 5));
    const { h, q } = hessenberg(a, true);
    for (let i = 2; i < n; i++)
      for (let j = 0; j < i - 1; j++) expect(h.re[i * n + j] === 0 && h.im[i * n + j] === 0).toBe(true);
    // A·Q = Q·H
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < n; k++) {
          re += a.re[i * n + k] * q!.re[k * n + j] - a.im[i * n + k] * q!.im[k * n + j];
          re -= q!.re[i * n + k] * h.re[k * n + j] - q!.im[i * n + k] * h.im[k * n + j];
          im += a.re[i * n + k] * q!.im[k * n + j] + a.im[i * n + k] * q!.re[k * n + j];
          im -= q!.re[i * n + k] * h.im[k * n + j] + q!.im[i * n + k] * h.re[k * n + j];
        }
        expect(Math.hypot(re, im)).toBeLessThan(1e-12);
      }
    }
    const [rr, ri] = [random(n, 6), random(n, 7)];
    const [yr, yi] = solveShiftedHessenberg(h, 0.3, -0.8, rr, ri);
    for (let i = 0; i < n; i++) {
      let sr = 0.3 * yr[i] + 0.8 * yi[i];
      let si = 0.3 * yi[i] - 0.8 * yr[i];
      for (let j = 0; j < n; j++) {
        sr -= h.re[i * n + j] * yr[j] - h.im[i * n + j] * yi[j];
        si -= h.re[i * n + j] * yi[j] + h.im[i * n + j] * yr[j];
      }
      expect(Math.hypot(sr - rr[i], si - ri[i])).toBeLessThan(1e-12);
    }
  });
});

describe('luFactor', () => {
  it('solves A·x = b and Aᵀ·x = b', () => {
    const n = 30;
    const a = random(n * n, 8);
    const b = random(n, 9);
    const lu = luFactor(a, n)!;
    const x = luSolve(lu, b);
    const xt = luSolveTransposed(lu, b);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let st = 0;
      for (let j = 0; j < n; j++) {
        s += a[i * n + j] * x[j];
        st += a[j * n + i] * xt[j];
      }
      expect(s).toBeCloseTo(b[i], 10);
      expect(st).toBeCloseTo(b[i], 10);
    }
  });

  it('reports a singular matrix as undefined', () => {
    expect(luFactor(Float64Array.from([1, 2, 2, 4]), 2)).toBeUndefined();
  });
});
