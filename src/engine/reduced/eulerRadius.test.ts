import { describe, expect, it } from 'vitest';
import type { Params } from '../../network/params.ts';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { eulerDominantMode, eulerRadiusVJP, type EulerMode } from './eulerRadius.ts';
import { solveFixedPoint } from './fixedPoint.ts';
import type { Wavevector } from './linearize.ts';
import { spectralRadiusGradient } from './radiusGradient.ts';
import { buildReducedStructure, type ReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';

const dt = 0.02;

/** The grey fixed point the stability target linearises around (stable, else first found). */
function greyState(structure: ReducedStructure, params: Params): Float64Array {
  const r = solveFixedPoint(structure, params, { dt, randomStarts: 0 });
  if (r.status === 'not-found') throw new Error('test network has no fixed point');
  return (r.status === 'stable' ? r.fixedPoint : r.candidates[0]).state;
}

type Key = 'bias' | 'tauS' | 'strength';

/**
 * Largest |analytic − numeric| / (|numeric| + floor) over the given entries, with central
 * differences of ρ(params) taken by the float32 values actually stored.
 */
function worstError(
  rho: (p: Params) => number,
  params: Params,
  grad: Record<Key, Float64Array>,
  entries: [Key, number][],
  floor = 1e-6,
): number {
  let worst = 0;
  for (const [key, i] of entries) {
    const h = key === 'bias' ? 3e-5 : 1e-3 * Math.abs(params[key][i]);
    const [plus, minus] = [params[key].slice(), params[key].slice()];
    plus[i] += h;
    minus[i] -= h;
    const fd = (rho({ ...params, [key]: plus }) - rho({ ...params, [key]: minus })) / (plus[i] - minus[i]);
    worst = Math.max(worst, Math.abs(grad[key][i] - fd) / (Math.abs(fd) + floor));
  }
  return worst;
}

const allEntries = (params: Params): [Key, number][] => [
  ...Array.from(params.bias.keys(), (i): [Key, number] => ['bias', i]),
  ...Array.from(params.tauS.keys(), (i): [Key, number] => ['tauS', i]),
  ...Array.from(params.strength.keys(), (i): [Key, number] => ['strength', i]),
];

describe('eulerDominantMode on a tiny network', () => {
  // Seed 4: units above and below 0, a complex dominant pair at k = 0; seed 1: a silent slow unit dominates.
  const { tables, params } = tinyNetwork(4, 4);
  const structure = buildReducedStructure(tables);
  const state = greyState(structure, params);

  it('agrees with the dense solve at k = 0 and k ≠ 0 (radius to 1e-12, eigen-residuals < 1e-10)', () => {
    for (const k of [
      [0, 0],
      [0.7, 0.4],
    ] as Wavevector[]) {
      const sparse = eulerDominantMode(structure, params, state, dt, { k, gainHalfWidth: 0.3 });
      const dense = eulerDominantMode(structure, params, state, dt, {
        k,
        gainHalfWidth: 0.3,
        method: 'dense',
      });
      expect(sparse.method).toBe('sparse');
      expect(Math.abs(sparse.radius - dense.radius)).toBeLessThan(1e-12);
      expect(sparse.pair!.residual).toBeLessThan(1e-10);
      expect(dense.pair!.residual).toBeLessThan(1e-10);
    }
    const uniform = eulerDominantMode(structure, params, state, dt);
    expect(uniform.value.im).toBeGreaterThan(0);
    expect(uniform.modeShare.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("reports a silent unit's own decay 1 − dt/τ when it is the slowest mode, with ∂ρ/∂a = −1 there", () => {
    const tiny1 = tinyNetwork(4, 1);
    const s1 = buildReducedStructure(tiny1.tables);
    const mode = eulerDominantMode(s1, tiny1.params, greyState(s1, tiny1.params), dt);
    expect(mode.method).toBe('silent unit');
    const tau = tiny1.params.tauS[s1.unitType[mode.silentUnit]];
    expect(mode.radius).toBeCloseTo(1 - dt / tau, 6);
    expect(mode.modeShare[mode.silentUnit]).toBe(1);
    expect(eulerRadiusVJP(s1, tiny1.params, mode).rate[mode.silentUnit]).toBe(-1);
  });

  it('has a gradient that matches finite differences of re-solved fixed points for every bias, τ and strength (rel. 1e-4)', () => {
    for (const k of [
      [0, 0],
      [0.7, 0.4],
    ] as Wavevector[]) {
      const options = { k, gainHalfWidth: 0.3 };
      const mode = eulerDominantMode(structure, params, state, dt, options);
      const grad = spectralRadiusGradient(structure, tables, params, mode, state);
      const rho = (p: Params) => eulerDominantMode(structure, p, greyState(structure, p), dt, options).radius;
      expect(worstError(rho, params, grad, allEntries(params))).toBeLessThan(1e-4);
      expect(grad.bias.some((g) => g !== 0)).toBe(true);
    }
  });

  it('gives the same gradient for either member of a complex-conjugate dominant pair', () => {
    const mode = eulerDominantMode(structure, params, state, dt, { gainHalfWidth: 0.3 });
    const conj = (v: { re: Float64Array; im: Float64Array }) => ({ re: v.re, im: v.im.map((x) => -x) });
    const pair = mode.pair!;
    const value = { re: mode.value.re, im: -mode.value.im };
    const other: EulerMode = {
      ...mode,
      value,
      pair: { ...pair, value, right: conj(pair.right), left: conj(pair.left) },
    };
    const [a, b] = [eulerRadiusVJP(structure, params, mode), eulerRadiusVJP(structure, params, other)];
    for (const key of ['rate', 'group', 'state'] as const)
      a[key].forEach((x, i) => expect(Math.abs(x - b[key][i])).toBeLessThan(1e-14));
  });
});

describe('eulerDominantMode on the real network (dt 1/50)', () => {
  it('finds strong_seed1 growing as a 1.8 Hz oscillation, ρ = 1.0322 as the dense solve, and its τ/strength gradient', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('strong_seed1');
    const state = greyState(structure, params);
    const mode = eulerDominantMode(structure, params, state, dt);
    const dense = eulerDominantMode(structure, params, state, dt, { method: 'dense' });
    expect(Math.abs(mode.radius - dense.radius)).toBeLessThan(1e-12);
    // Measured (docs/reduced-engine.md): λ = 1.0062 ± 0.2303i, ρ = 1.0322.
    expect(mode.radius).toBeCloseTo(1.0322, 4);
    expect(Math.atan2(mode.value.im, mode.value.re) / (2 * Math.PI * dt)).toBeCloseTo(1.8, 1);
    // The state held fixed (the exact gain has no slope): τ and strengths act on A directly.
    const grad = spectralRadiusGradient(structure, tables, params, mode);
    const rho = (p: Params) => eulerDominantMode(structure, p, state, dt).radius;
    const top = (key: Key) =>
      Array.from(grad[key].keys())
        .sort((x, y) => Math.abs(grad[key][y]) - Math.abs(grad[key][x]))
        .slice(0, 3)
        .map((i): [Key, number] => [key, i]);
    expect(worstError(rho, params, grad, [...top('tauS'), ...top('strength')])).toBeLessThan(1e-4);
  });

  it('agrees with the dense solve on the default network, where 1 − a = 0.6 is a many-fold eigenvalue', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('default');
    const state = greyState(structure, params);
    const mode = eulerDominantMode(structure, params, state, dt);
    const dense = eulerDominantMode(structure, params, state, dt, { method: 'dense' });
    expect(mode.method).toBe('sparse');
    expect(Math.abs(mode.radius - dense.radius)).toBeLessThan(1e-12);
    expect(mode.radius).toBeCloseTo(0.681, 3);
  });
});
