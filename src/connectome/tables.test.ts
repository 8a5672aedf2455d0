import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realNetwork, referencePath, refNpy } from '../testing/reference.ts';
import { hullFillOffsets } from './hullFill.ts';

/** Index of the first entry where two same-length arrays differ, −1 if none (cheap on 1.5 M entries). */
function firstMismatch(ours: ArrayLike<number>, reference: ArrayLike<number | bigint>): number {
  if (ours.length !== reference.length) return Math.min(ours.length, reference.length);
  for (let i = 0; i < ours.length; i++) if (ours[i] !== Number(reference[i])) return i;
  return -1;
}

/** Per-edge or per-node values derived from the tables, compared entry by entry with a reference .npy. */
function expectSameAsReference(file: string, ours: ArrayLike<number>): void {
  const ref = refNpy('network', file).data;
  const i = firstMismatch(ours, ref);
  expect(i, `${file}: first mismatch at ${i}: ours ${ours[i]}, reference ${ref[i]}`).toBe(-1);
}

function readTsv(...parts: string[]): Record<string, string>[] {
  const [header, ...rows] = readFileSync(referencePath(...parts), 'utf8')
    .trim()
    .split('\n');
  const names = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, i) => [names[i], cell])));
}

describe('buildTables on the flyvis connectome (extent 15)', () => {
  it('has 45,669 nodes, 1,513,231 edges, 604 pairs and 2,355 synapse-count groups', async () => {
    const { tables } = await realNetwork();
    expect(tables.nNodes).toBe(45_669);
    expect(tables.edgeSource.length).toBe(1_513_231);
    expect(tables.pairs.length).toBe(604);
    expect(tables.countGroups.length).toBe(2_355);
    expect(tables.nHexals).toBe(721);
  });

  it('orders nodes, their columns, roles, central cells and photoreceptor inputs exactly as flyvis', async () => {
    const { tables } = await realNetwork();
    const roleCode = { input: 0, intermediate: 1, output: 2 } as const;
    expectSameAsReference('node_type_index.npy', tables.nodeType);
    expectSameAsReference('node_u.npy', tables.nodeU);
    expectSameAsReference('node_v.npy', tables.nodeV);
    expectSameAsReference(
      'node_role.npy',
      Array.from(tables.nodeType, (t) => roleCode[tables.roles[t]]),
    );
    expectSameAsReference('central_cells_index.npy', tables.centralIndex);
    expect(refNpy('network', 'input_index.npy').shape).toEqual([8, 721]);
    expectSameAsReference('input_index.npy', tables.inputIndex);
  });

  it('orders edges and their parameter indices exactly as flyvis', async () => {
    const { tables } = await realNetwork();
    const { edgePair, edgeCountGroup, pairs, countGroups } = tables;
    expectSameAsReference('edge_source.npy', tables.edgeSource);
    expectSameAsReference('edge_target.npy', tables.edgeTarget);
    expectSameAsReference(
      'edge_sign.npy',
      Array.from(edgePair, (p) => pairs[p].sign),
    );
    expectSameAsReference(
      'edge_n_syn.npy',
      Float32Array.from(edgeCountGroup, (g) => countGroups[g].nSyn),
    );
    expectSameAsReference(
      'edge_du.npy',
      Array.from(edgeCountGroup, (g) => countGroups[g].du),
    );
    expectSameAsReference(
      'edge_dv.npy',
      Array.from(edgeCountGroup, (g) => countGroups[g].dv),
    );
    expectSameAsReference('edge_syn_strength_index.npy', edgePair);
    expectSameAsReference('edge_sign_index.npy', edgePair);
    expectSameAsReference('edge_syn_count_index.npy', edgeCountGroup);
  });

  it('keys the synapse-count groups by (source type, target type, du, dv) in flyvis order', async () => {
    const { tables } = await realNetwork();
    const g = tables.countGroups;
    expectSameAsReference(
      'edges_syn_count_keys_source_type.npy',
      g.map((c) => tables.pairs[c.pair].source),
    );
    expectSameAsReference(
      'edges_syn_count_keys_target_type.npy',
      g.map((c) => tables.pairs[c.pair].target),
    );
    expectSameAsReference(
      'edges_syn_count_keys_du.npy',
      g.map((c) => c.du),
    );
    expectSameAsReference(
      'edges_syn_count_keys_dv.npy',
      g.map((c) => c.dv),
    );
    expectSameAsReference(
      'edge_type_source_type.npy',
      tables.pairs.map((p) => p.source),
    );
    expectSameAsReference(
      'edge_type_target_type.npy',
      tables.pairs.map((p) => p.target),
    );
  });

  it('matches tables/node_types.tsv: strides, node ranges, central nodes and roles', async () => {
    const { connectome, tables } = await realNetwork();
    const rows = readTsv('tables', 'node_types.tsv');
    expect(rows.length).toBe(tables.cellTypes.length);
    rows.forEach((row, t) => {
      const ours = {
        type: tables.cellTypes[t],
        stride: connectome.cellTypes[t].stride!.join(','),
        nNodes: tables.typeStart[t + 1] - tables.typeStart[t],
        first: tables.typeStart[t],
        last: tables.typeStart[t + 1] - 1,
        central: tables.centralIndex[t],
        role: tables.roles[t],
      };
      expect(ours).toEqual({
        type: row.type,
        stride: row['stride_u,stride_v'],
        nNodes: Number(row.n_nodes),
        first: Number(row.first_node_index),
        last: Number(row.last_node_index),
        central: Number(row.central_node_index),
        role: row.role,
      });
    });
  });

  it('matches tables/edge_type_pairs.tsv: signs, offset counts, edge counts and synapse sums per pair', async () => {
    const { connectome, tables } = await realNetwork();
    const rows = readTsv('tables', 'edge_type_pairs.tsv');
    const specs = new Map(connectome.pairs.map((p) => [`${p.source}→${p.target}`, p]));
    const nEdges = new Array<number>(tables.pairs.length).fill(0);
    const nSynSum = new Array<number>(tables.pairs.length).fill(0);
    tables.edgePair.forEach((p, e) => {
      nEdges[p] += 1;
      nSynSum[p] += tables.countGroups[tables.edgeCountGroup[e]].nSyn;
    });
    expect(rows.length).toBe(tables.pairs.length);
    rows.forEach((row, p) => {
      const pair = tables.pairs[p];
      const spec = specs.get(pair.key)!;
      const filled = hullFillOffsets(`${spec.source}->${spec.target}`, spec.offsets);
      const allOffsets = [...spec.offsets, ...filled];
      expect(pair.key).toBe(`${row.source_type}→${row.target_type}`);
      expect(pair.sign).toBe(Number(row.sign));
      expect(spec.offsets.length).toBe(Number(row.n_offsets_json));
      expect(allOffsets.length).toBe(Number(row.n_offsets_after_fill));
      expect(tables.countGroups.filter((g) => g.pair === p).length).toBe(Number(row.n_offsets_instantiated));
      expect(nEdges[p]).toBe(Number(row.n_edges));
      const total = allOffsets.reduce((s, o) => s + o.nSyn, 0);
      // The table prints 6 and 8 significant digits.
      expect(Math.abs(total / Number(row['rf_total_nsyn(sum over offsets)']) - 1)).toBeLessThan(1e-5);
      expect(Math.abs(nSynSum[p] / nEdges[p] / Number(row.mean_nsyn_per_edge) - 1)).toBeLessThan(1e-7);
    });
  });

  it('hull-fills exactly the 238 offsets of tables/fill_hull_added_offsets.json, in insertion order', async () => {
    const { connectome } = await realNetwork();
    const reference = JSON.parse(
      readFileSync(referencePath('tables', 'fill_hull_added_offsets.json'), 'utf8'),
    );
    const added: Record<string, number[][]> = {};
    for (const spec of connectome.pairs) {
      const key = `${spec.source}->${spec.target}`;
      const offsets = hullFillOffsets(key, spec.offsets);
      if (offsets.length > 0) added[key] = offsets.map((o) => [o.du, o.dv]);
      expect(offsets.every((o) => o.nSyn === 1)).toBe(true);
    }
    expect(Object.keys(added).sort()).toEqual(Object.keys(reference.added).sort());
    expect(added).toEqual(reference.added);
    expect(Object.values(added).flat().length).toBe(238);
  });
});
