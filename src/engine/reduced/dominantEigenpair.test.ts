import { describe, expect, it } from 'vitest';
import { prng } from '../../util/random.ts';
import { arnoldiEigenpair, type RealOperator } from './arnoldi.ts';
import { dominantEigenpair, type ComplexVector } from './dominantEigenpair.ts';
import { eigenvalues, spectralRadius } from './eigenvalues.ts';
import { complexMatrix, hessenberg, type ComplexMatrix } from './hessenberg.ts';
import { shiftedHessenbergLu, solveShiftedLu } from './hessenbergLu.ts';
import { realEigenvalues } from './realEigenvalues.ts';

const random = (n: number, seed: number, scale = 1) => {
  const rng = prng(seed);
  return Float64Array.from({ length: n }, () => scale * rng.normal());
};

/** uᵀ·M·r for complex vectors (bilinear, no conjugation). */
function form(m: ComplexMatrix, u: ComplexVector, r: ComplexVector): [number, number] {
  const { n } = m;
  let [re, im] = [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [ar, ai] = [m.re[i * n + j], m.im[i * n + j]];
      const [xr, xi] = [ar * r.re[j] - ai * r.im[j], ar * r.im[j] + ai * r.re[j]];
      re += u.re[i] * xr - u.im[i] * xi;
      im += u.re[i] * xi + u.im[i] * xr;
    }
  }
  return [re, im];
}

describe('shiftedHessenbergLu', () => {
  it('solves (H − zI)·x = b and (H − zI)ᵀ·x = b for a complex Hessenberg H (residual < 1e-12)', () => {
    const n = 20;
    const { h } = hessenberg(complexMatrix(n, random(n * n, 1), random(n * n, 2)));
    const [zr, zi] = [0.3, -0.7];
    const lu = shiftedHessenbergLu(n, h.re, h.im, zr, zi);
    const [br, bi] = [random(n, 3), random(n, 4)];
    for (const transposed of [false, true]) {
      const [xr, xi] = solveShiftedLu(lu, br, bi, transposed);
      for (let i = 0; i < n; i++) {
        let [sr, si] = [-zr * xr[i] + zi * xi[i], -zr * xi[i] - zi * xr[i]];
        for (let j = 0; j < n; j++) {
          const k = transposed ? j * n + i : i * n + j;
          sr += h.re[k] * xr[j] - h.im[k] * xi[j];
          si += h.re[k] * xi[j] + h.im[k] * xr[j];
        }
        expect(Math.hypot(sr - br[i], si - bi[i])).toBeLessThan(1e-12);
      }
    }
  });
});

describe('dominantEigenpair', () => {
  it('returns the largest-modulus eigenvalue with A·r = λr, uᵀA = λuᵀ and uᵀr = 1 (real and complex A)', () => {
    const n = 30;
    for (const a of [
      complexMatrix(n, random(n * n, 5)),
      complexMatrix(n, random(n * n, 6), random(n * n, 7)),
    ]) {
      const pair = dominantEigenpair(a);
      expect(pair.radius).toBeCloseTo(spectralRadius(eigenvalues(a)).radius, 12);
      expect(pair.residual).toBeLessThan(1e-13);
      let [pr, pi] = [0, 0];
      for (let i = 0; i < n; i++) {
        pr += pair.left.re[i] * pair.right.re[i] - pair.left.im[i] * pair.right.im[i];
        pi += pair.left.re[i] * pair.right.im[i] + pair.left.im[i] * pair.right.re[i];
      }
      expect(Math.hypot(pr - 1, pi)).toBeLessThan(1e-12);
      const [lr, li] = form(a, pair.left, pair.right);
      expect(Math.hypot(lr - pair.value.re, li - pair.value.im)).toBeLessThan(1e-12);
    }
  });

  it('gives dλ = uᵀ·dA·r: the eigenvalue moves as predicted when one entry of A changes', () => {
    const n = 30;
    // A weak random matrix plus a rotation by 1.2·e^{±0.5i} on units 0 and 1: a dominant complex pair.
    const a = complexMatrix(n, random(n * n, 8, 0.3 / Math.sqrt(n)));
    [a.re[0], a.re[1], a.re[n], a.re[n + 1]] = [
      1.2 * Math.cos(0.5),
      -1.2 * Math.sin(0.5),
      1.2 * Math.sin(0.5),
      1.2 * Math.cos(0.5),
    ];
    const pair = dominantEigenpair(a);
    // A real matrix's dominant eigenvalue here is one of a conjugate pair: Im λ > 0 is returned.
    expect(pair.value.im).toBeGreaterThan(0);
    const [i, j, h] = [3, 17, 1e-6];
    const moved = complexMatrix(n, a.re.slice());
    moved.re[i * n + j] += h;
    const after = dominantEigenpair(moved).value;
    const [ur, ui] = [pair.left.re[i], pair.left.im[i]];
    const [rr, ri] = [pair.right.re[j], pair.right.im[j]];
    const predicted = [ur * rr - ui * ri, ur * ri + ui * rr];
    expect(Math.abs((after.re - pair.value.re) / h - predicted[0])).toBeLessThan(1e-6);
    expect(Math.abs((after.im - pair.value.im) / h - predicted[1])).toBeLessThan(1e-6);
  });
});

/** A sparse random operator with a given diagonal, as Euler maps look (~5 % non-zeros). */
function sparseOperator(n: number, seed: number): { op: RealOperator; dense: Float64Array } {
  const rng = prng(seed);
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    dense[i * n + i] = 0.6;
    for (let j = 0; j < n; j++)
      if (rng.uniform() < 0.05) dense[i * n + j] += (0.4 * rng.normal()) / Math.sqrt(0.05 * n);
  }
  const op = {
    n,
    apply(x: Float64Array, y: Float64Array) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += dense[i * n + j] * x[j];
        y[i] = s;
      }
    },
  };
  return { op, dense };
}

describe('arnoldiEigenpair', () => {
  it('finds the eigenvalue of largest modulus and of largest real part as the dense solve does (to 1e-10), with restarts', () => {
    const n = 200;
    const { op, dense } = sparseOperator(n, 9);
    const all = realEigenvalues(dense, n);
    const { radius } = spectralRadius(all);
    const maxRe = Math.max(...all.re);
    const byModulus = arnoldiEigenpair(op, { which: 'modulus', basisSize: 20 });
    const byReal = arnoldiEigenpair(op, { which: 'real', basisSize: 20 });
    expect(byModulus.converged && byReal.converged).toBe(true);
    expect(byModulus.restarts).toBeGreaterThan(0);
    expect(Math.hypot(byModulus.value.re, byModulus.value.im)).toBeCloseTo(radius, 10);
    expect(byReal.value.re).toBeCloseTo(maxRe, 10);
    // The Ritz vector is an eigenvector: ‖A·x − θx‖ small.
    const { re, im } = byModulus.vector;
    const [ar, ai] = [new Float64Array(n), new Float64Array(n)];
    op.apply(re, ar);
    op.apply(im, ai);
    const { re: tr, im: ti } = byModulus.value;
    let worst = 0;
    for (let i = 0; i < n; i++)
      worst = Math.max(
        worst,
        Math.hypot(ar[i] - (tr * re[i] - ti * im[i]), ai[i] - (tr * im[i] + ti * re[i])),
      );
    expect(worst).toBeLessThan(1e-9);
  });
});
