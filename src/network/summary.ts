import type { NetworkTables, Role } from '../connectome/tables.ts';
import { FREE_PARAMS, PARAM_NAMES, paramLengths, type Params } from './params.ts';

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface CellTypeSummary {
  name: string;
  role: Role;
  nodes: number;
  inEdges: number;
  outEdges: number;
  /** Source types projecting onto this type (pairs with this target). */
  inPairs: number;
  outPairs: number;
  bias: number;
  tauS: number;
}

export interface RoleSummary {
  role: Role;
  cellTypes: number;
  nodes: number;
  inEdges: number;
  outEdges: number;
}

/** What `flyaux network` prints: sizes, roles, per-type wiring and parameter statistics. */
export interface NetworkSummary {
  connectome: string;
  extent: number;
  paramSource: string;
  counts: {
    nodes: number;
    edges: number;
    excitatoryEdges: number;
    inhibitoryEdges: number;
    cellTypes: number;
    pairs: number;
    excitatoryPairs: number;
    inhibitoryPairs: number;
    countGroups: number;
    freeParams: number;
    fixedParams: number;
  };
  roles: RoleSummary[];
  parameters: { bias: Spread; tauS: Spread; strength: Spread; synCount: Spread };
  cellTypes: CellTypeSummary[];
}

export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { min: NaN, median: NaN, max: NaN };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { min: sorted[0], median, max: sorted[n - 1] };
}

export function summarizeNetwork(
  tables: NetworkTables,
  params: Params,
  sources: { connectome: string; params: string },
): NetworkSummary {
  const nTypes = tables.cellTypes.length;
  const inEdges = new Array<number>(nTypes).fill(0);
  const outEdges = new Array<number>(nTypes).fill(0);
  let excitatoryEdges = 0;
  for (let e = 0; e < tables.edgeSource.length; e++) {
    const pair = tables.pairs[tables.edgePair[e]];
    inEdges[pair.target]++;
    outEdges[pair.source]++;
    if (pair.sign > 0) excitatoryEdges++;
  }
  const cellTypes = tables.cellTypes.map((name, t): CellTypeSummary => ({
    name,
    role: tables.roles[t],
    nodes: tables.typeStart[t + 1] - tables.typeStart[t],
    inEdges: inEdges[t],
    outEdges: outEdges[t],
    inPairs: tables.pairs.filter((p) => p.target === t).length,
    outPairs: tables.pairs.filter((p) => p.source === t).length,
    bias: params.bias[t],
    tauS: params.tauS[t],
  }));
  const roles = (['input', 'intermediate', 'output'] as const).map((role): RoleSummary => {
    const members = cellTypes.filter((c) => c.role === role);
    const total = (key: 'nodes' | 'inEdges' | 'outEdges') => members.reduce((s, c) => s + c[key], 0);
    return {
      role,
      cellTypes: members.length,
      nodes: total('nodes'),
      inEdges: total('inEdges'),
      outEdges: total('outEdges'),
    };
  });
  const n = paramLengths(tables);
  const freeParams = FREE_PARAMS.reduce((s, name) => s + n[name], 0);
  const excitatoryPairs = tables.pairs.filter((p) => p.sign > 0).length;
  return {
    connectome: sources.connectome,
    extent: tables.extent,
    paramSource: sources.params,
    counts: {
      nodes: tables.nNodes,
      edges: tables.edgeSource.length,
      excitatoryEdges,
      inhibitoryEdges: tables.edgeSource.length - excitatoryEdges,
      cellTypes: nTypes,
      pairs: tables.pairs.length,
      excitatoryPairs,
      inhibitoryPairs: tables.pairs.length - excitatoryPairs,
      countGroups: tables.countGroups.length,
      freeParams,
      fixedParams: PARAM_NAMES.reduce((s, name) => s + n[name], 0) - freeParams,
    },
    roles,
    parameters: {
      bias: spread(params.bias),
      tauS: spread(params.tauS),
      strength: spread(params.strength),
      synCount: spread(params.synCountLog.map(Math.exp)),
    },
    cellTypes,
  };
}
