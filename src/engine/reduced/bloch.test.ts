import { describe, expect, it } from 'vitest';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { prng } from '../../util/random.ts';
import { latticeSpectralRadius } from './bloch.ts';
import { eulerSpectrum, type Wavevector } from './linearize.ts';
import { buildReducedStructure, type ReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';

/** Each eigenvalue of `a` has a partner in `b` within tol, used at most once. */
function sameMultiset(
  a: { re: Float64Array; im: Float64Array },
  b: { re: Float64Array; im: Float64Array },
  tol: number,
) {
  expect(a.re.length).toBe(b.re.length);
  const used = new Uint8Array(b.re.length);
  for (let i = 0; i < a.re.length; i++) {
    let best = -1;
    for (let j = 0; j < b.re.length; j++) {
      if (used[j]) continue;
      if (
        best < 0 ||
        Math.hypot(a.re[i] - b.re[j], a.im[i] - b.im[j]) <
          Math.hypot(a.re[i] - b.re[best], a.im[i] - b.im[best])
      )
        best = j;
    }
    expect(Math.hypot(a.re[i] - b.re[best], a.im[i] - b.im[best])).toBeLessThan(tol);
    used[best] = 1;
  }
}

/** A state depending on (type, u mod 2, v mod 3) only, laid out for a structure of any compatible period. */
function periodicState(structure: ReducedStructure, seed: number): Float64Array {
  const rng = prng(seed);
  const values = Array.from({ length: 4 * 6 }, () => rng.normal());
  const [, pv] = structure.classPeriod;
  return Float64Array.from(structure.unitType, (t, i) => {
    const c = structure.unitClass[i];
    const [cu, cv] = [Math.floor(c / pv), c % pv];
    return values[t * 6 + (cu % 2) * 3 + (cv % 3)];
  });
}

describe('Bloch form of the lattice linearisation', () => {
  it('folds consistently: the spectrum at k on a doubled class lattice is that of k and k + (π/2, 0) on the original', () => {
    const { tables, params } = tinyNetwork(6);
    const fine = buildReducedStructure(tables);
    const doubled = buildReducedStructure(tables, { classPeriod: [4, 3] });
    expect(doubled.nUnits).toBe(2 * fine.nUnits);
    const k: Wavevector = [0.3, -0.7];
    const left = eulerSpectrum(doubled, params, periodicState(doubled, 5), 0.01, k);
    const a = eulerSpectrum(fine, params, periodicState(fine, 5), 0.01, k);
    const b = eulerSpectrum(fine, params, periodicState(fine, 5), 0.01, [k[0] + Math.PI / 2, k[1]]);
    expect(left.nActive).toBe(2 * a.nActive);
    expect(a.nActive).toBeLessThan(fine.nUnits); // some units below 0: their modes are 1 − a
    const union = {
      re: Float64Array.of(...a.eigenvalues.re, ...b.eigenvalues.re),
      im: Float64Array.of(...a.eigenvalues.im, ...b.eigenvalues.im),
    };
    sameMultiset(left.eigenvalues, union, 1e-10);
  });

  it('gives conjugate spectra at k and −k, so the grid solves only one of each pair', () => {
    const { tables, params } = tinyNetwork(6);
    const s = buildReducedStructure(tables);
    const state = periodicState(s, 6);
    const plus = eulerSpectrum(s, params, state, 0.01, [0.4, 1.1]);
    const minus = eulerSpectrum(s, params, state, 0.01, [-0.4, -1.1]);
    sameMultiset(
      plus.eigenvalues,
      { re: minus.eigenvalues.re, im: minus.eigenvalues.im.map((x) => -x) },
      1e-10,
    );
  });
});

describe('latticeSpectralRadius', () => {
  it('finds the default network stable at grey in every sampled mode', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const r = latticeSpectralRadius(structure, loadReferenceParams('default'), 1 / 50, {
      kGrid: [2, 1],
      fixedPoint: { randomStarts: 0 },
    });
    expect(r.operatingPoint).toBe('stable');
    // Measured on a 4 × 6 grid: max 0.6810 at k = 0 (the uniform mode is the least damped).
    expect(r.radius).toBeLessThan(1);
    expect(r.uniformRadius).toBeCloseTo(0.681, 3);
  });

  it('finds strong_seed1 unstable, most strongly in a non-uniform mode', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const r = latticeSpectralRadius(structure, loadReferenceParams('strong_seed1'), 1 / 50, {
      kGrid: [4, 1],
      fixedPoint: { randomStarts: 0 },
    });
    expect(r.operatingPoint).toBe('unstable');
    // Measured: uniform 1.0322; 1.0547 at k = (π/6, 0), a pattern with a 12-column period along u.
    expect(r.uniformRadius).toBeGreaterThan(1.02);
    expect(r.radius).toBeGreaterThan(r.uniformRadius);
    expect(r.k[0]).toBeCloseTo(Math.PI / 6, 12);
  });
});
