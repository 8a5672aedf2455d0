import { describe, expect, it, vi } from 'vitest';
import { eulerDominantMode } from '../engine/reduced/eulerRadius.ts';
import { reducedSteadyState } from '../engine/reduced/simulate.ts';
import { buildReducedStructure } from '../engine/reduced/structure.ts';
import { tinyNetwork } from '../engine/reduced/tinyNetwork.fixture.ts';
import { stability } from './stability.ts';

// A network whose fixed-point search fails: bounded ReLU dynamics always have a fixed point, so in
// practice this happens when Newton diverges from every start; here the search is replaced.
vi.mock('../engine/reduced/fixedPoint.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../engine/reduced/fixedPoint.ts')>()),
  solveFixedPoint: () => ({ status: 'not-found', bestResidual: 0.25, candidates: [] }),
}));

describe('stability target without a fixed point', () => {
  it('linearises around the simulated grey state, says so, and holds that state fixed in the gradient', () => {
    const { tables, params } = tinyNetwork(4, 4);
    const options = stability.schema.parse({ margin: 0.5, gainHalfWidth: 0.3 });
    const result = stability.evaluate(undefined, options, {
      cellTypes: tables.cellTypes,
      inputTypes: tables.inputTypes,
      pairTargets: Int32Array.from(tables.pairs, (p) => p.target),
      params,
      initialParams: params,
      tables,
    });
    expect(result.summary!.operatingPoint).toBe(
      'simulated grey after 3 s (no fixed point found; best residual 2.5e-1)',
    );
    const structure = buildReducedStructure(tables);
    const state = reducedSteadyState({ structure, params, tPre: 3, dt: 0.02 });
    const mode = eulerDominantMode(structure, params, state, 0.02, { gainHalfWidth: 0.3 });
    expect(result.summary!.spectralRadius).toBe(mode.radius);
    expect(result.value).toBeGreaterThan(0);
    expect(result.dParams!.bias!.every((g) => g === 0)).toBe(true);
    expect(result.dParams!.tauS!.some((g) => g !== 0)).toBe(true);
  });
});
