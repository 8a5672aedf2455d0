import { describe, expect, it } from 'vitest';
import { parseConnectome } from '../connectome/parse.ts';
import { buildTables } from '../connectome/tables.ts';
import { syntheticConnectomeJson } from '../testing/syntheticConnectome.ts';
import { initParams } from './params.ts';
import { spread, summarizeNetwork } from './summary.ts';

describe('spread', () => {
  it('gives min, median and max, averaging the middle pair for an even count', () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spread(Float32Array.of(4, 1, 3, 2))).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(spread([])).toEqual({ min: NaN, median: NaN, max: NaN });
  });
});

describe('summarizeNetwork on the synthetic connectome at extent 2', () => {
  const tables = buildTables(parseConnectome(syntheticConnectomeJson(), 'synthetic'), {
    extent: 2,
    parameterExtent: 2,
  });
  const params = initParams(tables);
  const s = summarizeNetwork(tables, params, { connectome: 'synthetic.json', params: 'default (seed 0)' });

  it('counts nodes, edges, pairs, groups and parameters (see tables.small.test.ts for the hand count)', () => {
    expect(s.counts).toEqual({
      nodes: 42,
      edges: 103,
      excitatoryEdges: 19 + 5 + 1,
      inhibitoryEdges: 75 + 3,
      cellTypes: 4,
      pairs: 5,
      excitatoryPairs: 3,
      inhibitoryPairs: 2,
      countGroups: 13,
      freeParams: 4 + 4 + 5,
      fixedParams: 5 + 13,
    });
    expect([s.connectome, s.extent, s.paramSource]).toEqual(['synthetic.json', 2, 'default (seed 0)']);
  });

  it('gives each cell type its nodes, in- and out-edges, pairs and parameters', () => {
    const rows = s.cellTypes.map((c) => [
      c.name,
      c.role,
      c.nodes,
      c.inEdges,
      c.outEdges,
      c.inPairs,
      c.outPairs,
    ]);
    expect(rows).toEqual([
      ['A', 'input', 19, 75 + 1, 19 + 5, 2, 2],
      ['B', 'output', 19, 19, 75, 1, 1],
      ['W', 'intermediate', 3, 5, 3, 1, 1],
      ['C', 'intermediate', 1, 3, 1, 1, 1],
    ]);
    expect(s.cellTypes.map((c) => c.bias)).toEqual(Array.from(params.bias));
  });

  it('sums roles over their cell types and reports parameter spreads', () => {
    expect(s.roles).toEqual([
      { role: 'input', cellTypes: 1, nodes: 19, inEdges: 76, outEdges: 24 },
      { role: 'intermediate', cellTypes: 2, nodes: 4, inEdges: 8, outEdges: 4 },
      { role: 'output', cellTypes: 1, nodes: 19, inEdges: 19, outEdges: 75 },
    ]);
    const tau = Math.fround(0.05);
    expect(s.parameters.tauS).toEqual({ min: tau, median: tau, max: tau });
    expect(s.parameters.strength).toEqual(spread(params.strength));
    expect(s.parameters.synCount.max).toBeCloseTo(6, 5);
  });
});
