import { describe, expect, it } from 'vitest';
import type { Params } from '../../network/params.ts';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { prng } from '../../util/random.ts';
import { findFixedPoint, fixedPointSystem } from './findFixedPoint.ts';
import { solveFixedPoint } from './fixedPoint.ts';
import { fixedPointVJP } from './fixedPointVJP.ts';
import { reducedSteadyState } from './simulate.ts';
import { buildReducedStructure, type ReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('solveFixedPoint', () => {
  it('finds the default network stable at grey, where a 5 s grey run ends', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('default');
    const result = solveFixedPoint(structure, params, { randomStarts: 0, dt: 1 / 50 });
    expect(result.status).toBe('stable');
    if (result.status !== 'stable') return;
    expect(result.fixedPoint.start).toBe('bias');
    expect(result.fixedPoint.residual).toBeLessThan(1e-12);
    // Measured: spectral radius 0.6810 at dt 1/50, abscissa −15.95 /s; the run ends 1.5e-7 from V*.
    expect(result.fixedPoint.spectralRadius).toBeCloseTo(0.681, 3);
    expect(result.fixedPoint.abscissa).toBeCloseTo(-15.95, 1);
    const grey = reducedSteadyState({ structure, params, tPre: 5, dt: 1 / 50 });
    expect(maxAbsDiff(result.fixedPoint.state, grey)).toBeLessThan(1e-6);
  });

  it('reports strong_seed1 as unstable rather than returning a number', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const result = solveFixedPoint(structure, loadReferenceParams('strong_seed1'), {
      randomStarts: 0,
      dt: 1 / 50,
    });
    expect(result.status).toBe('unstable');
    // Measured: the fixed point near the simulated grey state has Euler spectral radius 1.0322.
    const near = result.candidates.find((c) => c.start === 'simulated')!;
    expect(near.spectralRadius).toBeGreaterThan(1.02);
    expect(near.spectralRadius).toBeLessThan(1.05);
    expect(near.abscissa).toBeGreaterThan(0);
  });

  it("says 'not-found' for a self-exciting unit with gain 2 and a positive bias (no solution exists)", () => {
    // V = b + 2·relu(V) with b > 0: V > 0 gives V = −b, V ≤ 0 gives V = b; neither is consistent.
    const { tables, params } = tinyNetwork(4);
    const structure = buildReducedStructure(tables);
    const m = tables.cellTypes.indexOf('M');
    const selfLoop = tables.pairs.findIndex((p) => p.key === 'M→M');
    const strength = params.strength.map((_, p) => (p === selfLoop ? 2 : 0));
    const bias = params.bias.map((b, t) => (t === m ? 0.3 : b));
    const result = solveFixedPoint(structure, { ...params, strength, bias }, { randomStarts: 3, dt: 0.01 });
    expect(result.status).toBe('not-found');
  });

  it('names the expected length of a wrong start', () => {
    const { tables, params } = tinyNetwork(4);
    const structure = buildReducedStructure(tables);
    expect(() => solveFixedPoint(structure, params, { starts: [new Float64Array(3)] })).toThrow(
      `Error in solveFixedPoint: starts[0] must have nUnits = ${structure.nUnits} values, got 3`,
    );
  });
});

/** L(V*) = Σ_t g_t · V*_central(t), with V* re-solved by Newton from `near`. */
function centralLoss(
  structure: ReducedStructure,
  params: Params,
  near: Float64Array,
  g: Float64Array,
): number {
  const { state, converged } = findFixedPoint(fixedPointSystem(structure, params, 0.5), near, {
    dampedSteps: 0,
    tol: 1e-13,
  });
  expect(converged).toBe(true);
  return [...structure.centralUnit].reduce((s, u, t) => s + g[t] * state[u], 0);
}

function checkVjp(
  structure: ReducedStructure,
  params: Params,
  pairsToCheck: number[],
  typesToCheck: number[],
) {
  const system = fixedPointSystem(structure, params, 0.5);
  const bias0 = Float64Array.from(structure.unitType, (t) => params.bias[t]);
  const { state, converged } = findFixedPoint(system, bias0);
  expect(converged).toBe(true);
  const rng = prng(3);
  const g = Float64Array.from(structure.cellTypes, () => rng.normal());
  const gState = new Float64Array(structure.nUnits);
  structure.centralUnit.forEach((u, t) => (gState[u] = g[t]));
  const grads = fixedPointVJP(structure, params, state, gState);
  // Central differences on the float32 parameters, divided by the step actually taken.
  const fd = (name: 'bias' | 'strength', i: number) => {
    const h = name === 'bias' ? 1e-3 : 1e-2 * params.strength[i];
    const plus = { ...params, [name]: params[name].slice() };
    const minus = { ...params, [name]: params[name].slice() };
    plus[name][i] += h;
    minus[name][i] -= h;
    return (
      (centralLoss(structure, plus, state, g) - centralLoss(structure, minus, state, g)) /
      (plus[name][i] - minus[name][i])
    );
  };
  for (const t of typesToCheck) expect(grads.bias[t]).toBeCloseTo(fd('bias', t), 4);
  for (const p of pairsToCheck) {
    const want = fd('strength', p);
    expect(Math.abs(grads.strength[p] - want)).toBeLessThanOrEqual(1e-3 * Math.abs(want) + 1e-3);
  }
  return grads;
}

describe('fixedPointVJP', () => {
  it('matches finite differences of V* for biases and strengths (default network, all units above 0)', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('default');
    const pick = (n: string) => tables.pairs.findIndex((p) => p.key === n);
    const pairs = ['R1→L1', 'L1→Mi1', 'Mi1→T4a', 'Lawf2→Am', 'Tm3→T4a'].map(pick);
    expect(pairs.every((p) => p >= 0)).toBe(true);
    checkVjp(structure, params, pairs, [0, 8, 13, 20, 35]);
  });

  it('matches finite differences where units sit below 0 and the ReLU cuts their output', () => {
    const { tables, params } = tinyNetwork(5);
    const structure = buildReducedStructure(tables);
    const system = fixedPointSystem(structure, params, 0.5);
    const { state } = findFixedPoint(
      system,
      Float64Array.from(structure.unitType, (t) => params.bias[t]),
    );
    expect(state.some((v) => v < 0)).toBe(true);
    const grads = checkVjp(
      structure,
      params,
      tables.pairs.map((_, p) => p),
      tables.cellTypes.map((_, t) => t),
    );
    expect(grads.strength.some((x) => x !== 0)).toBe(true);
  });
});
