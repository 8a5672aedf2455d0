import { describe, expect, it } from 'vitest';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { buildReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';
import { groupWeightsF32, reducedWeights } from './weights.ts';

describe('buildReducedStructure', () => {
  it('reduces the flyvis network to 6 classes per stride-1 type and one unit per Lawf type (380 units)', async () => {
    const { tables } = await realNetwork();
    const s = buildReducedStructure(tables);
    expect(s.classPeriod).toEqual([3, 2]);
    expect(s.exact).toBe(true);
    expect(s.nUnits).toBe(63 * 6 + 2);
    for (const name of ['Lawf1', 'Lawf2']) {
      expect(s.unitType.filter((t) => tables.cellTypes[t] === name).length).toBe(1);
    }
    // Central units are in the class of (0, 0); inputs are the 8 photoreceptor types × 6 classes.
    expect([...s.centralUnit].every((u, t) => s.unitType[u] === t && s.unitClass[u] === 0)).toBe(true);
    expect(s.inputUnits.length).toBe(48);
  });

  it('counts every offset once per target class whose source class exists', async () => {
    const { tables } = await realNetwork();
    const s = buildReducedStructure(tables);
    const w = groupWeightsF32(s, loadReferenceParams('default'));
    const entry = reducedWeights(s, loadReferenceParams('default'));
    // Per pair: Σ over the target's units of its entries = Σ_groups w_g × (number of target classes
    // whose source class exists); for stride-1 pairs that is all 6, for Lawf sources exactly 1.
    const lawf = new Set(['Lawf1', 'Lawf2'].map((n) => tables.cellTypes.indexOf(n)));
    const perPair = new Float64Array(tables.pairs.length);
    s.entryPair.forEach((p, e) => (perPair[p] += entry[e]));
    const expected = new Float64Array(tables.pairs.length);
    tables.countGroups.forEach((g, gi) => {
      const { source, target } = tables.pairs[g.pair];
      expected[g.pair] += w[gi] * (lawf.has(source) ? 1 : lawf.has(target) ? 1 : 6);
    });
    for (let p = 0; p < perPair.length; p++) expect(perPair[p]).toBeCloseTo(expected[p], 12);
  });

  it('flags the naive one-unit-per-type collapse as inexact', async () => {
    const { tables } = await realNetwork();
    const naive = buildReducedStructure(tables, { classPeriod: [1, 1] });
    expect(naive.nUnits).toBe(65);
    expect(naive.exact).toBe(false);
    expect(naive.entrySource.length).toBe(tables.pairs.length);
  });

  it('derives the class period from any strides (here (2, 1) and (1, 3) → (2, 3))', () => {
    const { tables } = tinyNetwork(6);
    const s = buildReducedStructure(tables);
    expect(s.classPeriod).toEqual([2, 3]);
    expect(s.exact).toBe(true);
    // R and M in all 6 classes, L (u even) in 3, N (v ≡ 0 mod 3) in 2.
    expect(s.nUnits).toBe(6 + 3 + 6 + 2);
    expect(buildReducedStructure(tables, { classPeriod: [4, 3] }).exact).toBe(true);
    expect(buildReducedStructure(tables, { classPeriod: [2, 1] }).exact).toBe(false);
  });

  it('rejects a class period that is not two positive integers', () => {
    const { tables } = tinyNetwork(3);
    expect(() => buildReducedStructure(tables, { classPeriod: [0, 2] })).toThrow(
      /classPeriod must be two positive integers, got \[0,2\]/,
    );
  });
});
