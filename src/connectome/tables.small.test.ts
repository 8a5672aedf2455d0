import { describe, expect, it } from 'vitest';
import { initParams } from '../network/params.ts';
import { realNetwork } from '../testing/reference.ts';
import { syntheticConnectomeJson } from '../testing/syntheticConnectome.ts';
import { hexDistance, hexLattice } from './hex.ts';
import { hullFillOffsets } from './hullFill.ts';
import { parseConnectome } from './parse.ts';
import { buildTables } from './tables.ts';

describe('buildTables on a synthetic connectome at extent 2 (19 columns)', () => {
  const tables = buildTables(parseConnectome(syntheticConnectomeJson(), 'synthetic'), {
    extent: 2,
    parameterExtent: 2,
  });
  const edgesOf = (key: string) => {
    const p = tables.pairs.findIndex((q) => q.key === key);
    return [...tables.edgePair.keys()].filter((e) => tables.edgePair[e] === p);
  };

  it('places 19 + 19 + 3 + 1 nodes: W only at u = 0 and even v, C only at (0, 0)', () => {
    expect(tables.nNodes).toBe(42);
    expect(Array.from(tables.typeStart)).toEqual([0, 19, 38, 41, 42]);
    const w = [38, 39, 40].map((i) => [tables.nodeU[i], tables.nodeV[i]]);
    expect(w).toEqual([
      [0, -2],
      [0, 0],
      [0, 2],
    ]);
    // (0, 0) is the 10th column: rows u = −2 and −1 hold 3 + 4 columns, then (0,−2), (0,−1), (0,0).
    expect(Array.from(tables.centralIndex)).toEqual([9, 28, 39, 41]);
    expect(Array.from(tables.inputIndex)).toEqual([...Array(19).keys()]);
    expect(tables.roles).toEqual(['input', 'output', 'intermediate', 'intermediate']);
  });

  it('drops the pair whose offset never lands on the sub-lattice and the group that leaves the lattice', () => {
    expect(tables.pairs.map((p) => p.key)).toEqual(['A→B', 'B→A', 'A→W', 'W→C', 'C→A']);
    // A→B 1, B→A 3 listed + 3 filled, A→W 2, W→C 3, C→A 1 of 2.
    expect(tables.countGroups.length).toBe(13);
    expect(tables.countGroups.filter((g) => g.pair === 4).map((g) => [g.du, g.dv])).toEqual([[0, 0]]);
  });

  it('hull-fills the triangle with (0,1), (1,0) and the boundary point (1,1), in scan order, n_syn 1', () => {
    const fill = hullFillOffsets('B->A', [
      { du: 0, dv: 0, nSyn: 1 },
      { du: 2, dv: 0, nSyn: 1 },
      { du: 0, dv: 2, nSyn: 1 },
    ]);
    expect(fill).toEqual([
      { du: 0, dv: 1, nSyn: 1 },
      { du: 1, dv: 0, nSyn: 1 },
      { du: 1, dv: 1, nSyn: 1 },
    ]);
    const groups = tables.countGroups.filter((g) => g.pair === 1).map((g) => `${g.du},${g.dv}`);
    expect(groups).toEqual(['0,0', '2,0', '0,2', '0,1', '1,0', '1,1']);
  });

  it('counts edges by hand: 19 + 75 + 5 + 3 + 1 = 103', () => {
    expect(tables.edgeSource.length).toBe(103);
    expect(edgesOf('A→B').length).toBe(19);
    // Columns whose shifted copy stays inside: (0,0) 19; unit shifts (0,1), (1,0) 14 each;
    // (2,0), (0,2) 9 each; (1,1) 10 (rows of 2, 3, 3, 2).
    expect(edgesOf('B→A').length).toBe(19 + 14 + 14 + 9 + 9 + 10);
    // (0,0): the 3 A columns under W; (0,1): from (0,−1) and (0,1) only, (0,−3) is outside.
    expect(edgesOf('A→W').map((e) => [tables.edgeSource[e], tables.edgeTarget[e]])).toEqual([
      [7, 38],
      [9, 39],
      [11, 40],
      [8, 39],
      [10, 40],
    ]);
    // Offsets (0,0), (0,2), (0,−2) from W(0,0), W(0,−2), W(0,2) onto C.
    expect(edgesOf('W→C').map((e) => [tables.edgeSource[e], tables.edgeTarget[e]])).toEqual([
      [39, 41],
      [38, 41],
      [40, 41],
    ]);
    expect(edgesOf('C→A').map((e) => [tables.edgeSource[e], tables.edgeTarget[e]])).toEqual([[41, 9]]);
  });

  it('initialises each strength as 0.01 / mean n_syn over the pair’s surviving edges', () => {
    const p = initParams(tables);
    // A→W: 3 edges with 3 synapses, 2 with 1 → mean 11/5.
    expect(Array.from(p.strength)).toEqual(
      [0.01 / 2, 0.01, 0.01 / (11 / 5), 0.01 / 5, 0.01].map(Math.fround),
    );
    expect(Array.from(p.sign)).toEqual([1, -1, 1, -1, 1]);
  });
});

describe('buildTables on the flyvis connectome at extent 1', () => {
  it('has 7 columns per stride-1 type and only (0, 0) for Lawf1 and Lawf2', async () => {
    const { connectome } = await realNetwork();
    const tables = buildTables(connectome, { extent: 1 });
    const sizes = tables.cellTypes.map((_, t) => tables.typeStart[t + 1] - tables.typeStart[t]);
    const lawf = ['Lawf1', 'Lawf2'].map((n) => tables.cellTypes.indexOf(n));
    expect(sizes.filter((n, t) => !lawf.includes(t)).every((n) => n === 7)).toBe(true);
    expect(lawf.map((t) => sizes[t])).toEqual([1, 1]);
    expect(tables.nNodes).toBe(63 * 7 + 2);
    expect(
      lawf.map((t) => [tables.nodeU[tables.centralIndex[t]], tables.nodeV[tables.centralIndex[t]]]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(tables.inputIndex.length).toBe(8 * 7);
  });

  it('has exactly the edges a brute-force enumeration of columns and offsets finds', async () => {
    const { connectome } = await realNetwork();
    const tables = buildTables(connectome, { extent: 1 });
    const lattice = hexLattice(1);
    const onType = (name: string, u: number, v: number) =>
      hexDistance(u, v) <= 1 && (name.startsWith('Lawf') ? u === 0 && v === 0 : true);
    let expected = 0;
    for (const pair of connectome.pairs) {
      const offsets = [...pair.offsets, ...hullFillOffsets(`${pair.source}->${pair.target}`, pair.offsets)];
      for (const o of offsets) {
        for (let k = 0; k < lattice.u.length; k++) {
          const [u, v] = [lattice.u[k], lattice.v[k]];
          if (onType(pair.source, u, v) && onType(pair.target, u + o.du, v + o.dv)) expected++;
        }
      }
    }
    expect(tables.edgeSource.length).toBe(expected);
    for (let e = 0; e < tables.edgeSource.length; e++) {
      const g = tables.countGroups[tables.edgeCountGroup[e]];
      const [s, t] = [tables.edgeSource[e], tables.edgeTarget[e]];
      if (tables.nodeU[t] - tables.nodeU[s] !== g.du || tables.nodeV[t] - tables.nodeV[s] !== g.dv) {
        throw new Error(`edge ${e} does not follow its offset (${g.du}, ${g.dv})`);
      }
    }
  });
});
