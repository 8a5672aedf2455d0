import type { Connectome } from '../../connectome/parse.ts';
import { buildTables, type NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { prng } from '../../util/random.ts';

/**
 * Test fixture: a tiny connectome with strides (1, 1), (2, 1) and (1, 3), so its class period is
 * (2, 3) and every kind of class coupling occurs, with random parameters strong enough that some
 * units sit below 0 (the ReLU matters). No hull filling.
 */
export function tinyNetwork(extent: number, seed = 1): { tables: NetworkTables; params: Params } {
  const connectome: Connectome = {
    cellTypes: [
      { name: 'R', stride: [1, 1] },
      { name: 'L', stride: [2, 1] },
      { name: 'M', stride: [1, 1] },
      { name: 'N', stride: [1, 3] },
    ],
    pairs: [
      pair('R', 'L', 1, [
        [0, 0, 5],
        [1, 0, 2],
      ]),
      pair('L', 'M', 1, [
        [0, 0, 3],
        [0, 1, 1],
        [-1, 1, 2],
      ]),
      pair('M', 'R', -1, [[0, 0, 1]]),
      pair('M', 'N', 1, [
        [0, 0, 2],
        [1, -1, 1],
      ]),
      pair('N', 'M', -1, [
        [0, 0, 1],
        [2, 1, 3],
      ]),
      pair('M', 'M', 1, [[1, 0, 1]]),
      pair('L', 'L', -1, [[2, 0, 1]]),
      pair('N', 'L', 1, [[0, 1, 2]]),
    ],
    inputTypes: ['R'],
    outputTypes: ['M'],
  };
  const tables = buildTables(connectome, { extent, nSynFill: 0 });
  const rng = prng(seed);
  const nTypes = tables.cellTypes.length;
  const params: Params = {
    bias: Float32Array.from({ length: nTypes }, () => 0.5 * rng.normal()),
    tauS: Float32Array.from({ length: nTypes }, () => 0.02 + 0.1 * rng.uniform()),
    sign: Float32Array.from(tables.pairs, (p) => p.sign),
    synCountLog: Float32Array.from(tables.countGroups, (g) => Math.log(g.nSyn)),
    strength: Float32Array.from(tables.pairs, () => 0.05 + 0.1 * rng.uniform()),
  };
  return { tables, params };
}

function pair(source: string, target: string, sign: 1 | -1, offsets: [number, number, number][]) {
  return {
    source,
    target,
    sign,
    offsets: offsets.map(([du, dv, nSyn]) => ({ du, dv, nSyn })),
    nSynCertainty: 1,
  };
}
