import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { prng } from '../../util/random.ts';
import { eigenvalues } from './eigenvalues.ts';
import { complexMatrix } from './hessenberg.ts';
import { realEigenvalues } from './realEigenvalues.ts';
import { realHessenberg } from './realHessenberg.ts';

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

describe('realHessenberg', () => {
  it('reduces A to upper Hessenberg H with an orthogonal Q and A = Q·H·Qᵀ (to 1e-13)', () => {
    const n = 12;
    const a = random(n * n, 1);
    const { h, q } = realHessenberg(a, n, true);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i > j + 1) expect(h[i * n + j]).toBe(0);
        let qhq = 0;
        let qtq = 0;
        for (let k = 0; k < n; k++) {
          qtq += q![k * n + i] * q![k * n + j];
          for (let l = 0; l < n; l++) qhq += q![i * n + k] * h[k * n + l] * q![j * n + l];
        }
        worst = Math.max(worst, Math.abs(qhq - a[i * n + j]), Math.abs(qtq - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('realEigenvalues', () => {
  it('agrees with ml-matrix and with the complex solver on random real matrices (1 to 60 rows)', () => {
    for (const [n, seed] of [
      [1, 2],
      [2, 3],
      [3, 4],
      [7, 5],
      [60, 6],
    ]) {
      const a = random(n * n, seed);
      const ours = realEigenvalues(a, n);
      const ref = new EigenvalueDecomposition(Matrix.from1DArray(n, n, Array.from(a)));
      const theirs = { re: ref.realEigenvalues, im: ref.imaginaryEigenvalues };
      expect(spectrumDistance(ours, theirs)).toBeLessThan(1e-10);
      expect(spectrumDistance(theirs, ours)).toBeLessThan(1e-10);
      expect(spectrumDistance(ours, eigenvalues(complexMatrix(n, a.slice())))).toBeLessThan(1e-10);
    }
  });

  it('returns complex eigenvalues as conjugate pairs', () => {
    const n = 30;
    const { re, im } = realEigenvalues(random(n * n, 7), n);
    const sorted = (sign: number) =>
      Array.from(re.keys())
        .filter((i) => sign * im[i] > 0)
        .map((i) => [re[i], Math.abs(im[i])])
        .sort((x, y) => x[0] - y[0]);
    expect(sorted(1).length).toBeGreaterThan(0);
    expect(sorted(1)).toEqual(sorted(-1));
  });

  it('converges on equal time constants: 1 − a repeated 100 times, in 2-unit feed-forward chains', () => {
    // Units with equal τ that feed forward give a defective eigenvalue 1 − a; QR steps stalled on
    // such blocks (rounding noise around λ·I) before the exceptional step subtracted λ explicitly.
    // Layout: 50 chains (2i → 2i+1), then 40 randomly coupled units receiving from everything;
    // rows and columns permuted at random.
    const [nChain, nBlock] = [100, 40];
    const n = nChain + nBlock;
    const rng = prng(8);
    const dense = new Float64Array(n * n);
    for (let i = 0; i < nChain; i++) dense[i * n + i] = 0.6;
    for (let i = 1; i < nChain; i += 2) dense[i * n + i - 1] = 0.3;
    for (let i = nChain; i < n; i++) for (let j = 0; j < n; j++) dense[i * n + j] = 0.1 * rng.normal();
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = dense[order[i] * n + order[j]];
    const ours = realEigenvalues(a, n);
    let atChain = 0;
    for (let i = 0; i < n; i++) if (Math.hypot(ours.re[i] - 0.6, ours.im[i]) < 1e-6) atChain++;
    // Each 2 × 2 Jordan block moves by ~√ε·‖A‖ ≈ 1e-8 under rounding.
    expect(atChain).toBe(nChain);
    const block = new Float64Array(nBlock * nBlock);
    for (let i = 0; i < nBlock; i++)
      for (let j = 0; j < nBlock; j++) block[i * nBlock + j] = dense[(nChain + i) * n + nChain + j];
    const rest = eigenvalues(complexMatrix(nBlock, block));
    const others = {
      re: ours.re.filter((_, i) => Math.hypot(ours.re[i] - 0.6, ours.im[i]) >= 1e-6),
      im: ours.im.filter((_, i) => Math.hypot(ours.re[i] - 0.6, ours.im[i]) >= 1e-6),
    };
    expect(spectrumDistance(others, rest)).toBeLessThan(1e-10);
  });
});
