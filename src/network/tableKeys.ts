import type { NetworkTables } from '../connectome/tables.ts';

/** The names that label each parameter vector's entries: what a parameter file must agree on with the connectome. */
export interface ParamLabels {
  /** One per cell type (bias, tauS), e.g. `T4a`. */
  cellTypes: string[];
  /** One per pair (sign, strength), e.g. `Mi1→T4a`. */
  pairs: string[];
  /** One per synapse-count group (synCountLog), e.g. `Mi1→T4a(0,1)` = (du, dv). */
  countGroups: string[];
}

export function countGroupLabel(source: string, target: string, du: number, dv: number): string {
  return `${source}→${target}(${du},${dv})`;
}

export function paramLabels(tables: NetworkTables): ParamLabels {
  const pairs = tables.pairs.map((p) => p.key);
  return {
    cellTypes: [...tables.cellTypes],
    pairs,
    countGroups: tables.countGroups.map((g) => `${pairs[g.pair]}(${g.du},${g.dv})`),
  };
}

/**
 * Throws unless a file's labels equal the connectome's, entry for entry and in order; the error names
 * the field, the first differing position and both values.
 */
export function checkLabels(tables: NetworkTables, labels: ParamLabels, source: string): void {
  const expected = paramLabels(tables);
  for (const field of ['cellTypes', 'pairs', 'countGroups'] as const) {
    const want = expected[field];
    const got = labels[field];
    const i = want.findIndex((w, k) => k < got.length && got[k] !== w);
    if (got.length === want.length && i < 0) continue;
    const where =
      i < 0
        ? `has ${got.length} entries, but this connectome has ${want.length}`
        : `${field}[${i}] is '${got[i]}', but this connectome has '${want[i]}' there`;
    throw new Error(`Error in ${source}: ${field} do not match the connectome: ${where}`);
  }
}
