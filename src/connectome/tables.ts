import { hexCount, hexDistance, hexLattice } from './hex.ts';
import { hullFillOffsets } from './hullFill.ts';
import type { Connectome } from './parse.ts';

export type Role = 'input' | 'intermediate' | 'output';

/** One (source type, target type) pair that instantiates at least one edge: a strength parameter. */
export interface Pair {
  source: number;
  target: number;
  sign: 1 | -1;
  /** `T4a→T5a` style key, used in parameter names. */
  key: string;
}

/** One (pair, du, dv) offset that instantiates at least one edge: a synapse-count parameter. */
export interface CountGroup {
  pair: number;
  du: number;
  dv: number;
  nSyn: number;
}

/**
 * The compiled network: nodes and edges exactly as flyvis builds them (MODEL_SPEC §1.3–1.5).
 * Node ids are contiguous per cell type; edges are grouped by pair, then offset, then source id.
 */
export interface NetworkTables {
  extent: number;
  cellTypes: string[];
  roles: Role[];
  inputTypes: string[];
  outputTypes: string[];
  nNodes: number;
  /** Number of hex columns of the input lattice (721 at extent 15). */
  nHexals: number;
  nodeType: Int16Array;
  nodeU: Int16Array;
  nodeV: Int16Array;
  /** typeStart[t] … typeStart[t+1]−1 are the node ids of type t. */
  typeStart: Int32Array;
  /** Node id of each type's (0, 0) column. */
  centralIndex: Int32Array;
  /** inputIndex[r·nHexals + h] = node id of photoreceptor type r at hexal h. */
  inputIndex: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgePair: Int32Array;
  edgeCountGroup: Int32Array;
  pairs: Pair[];
  countGroups: CountGroup[];
}

export interface BuildOptions {
  /** Lattice radius; flyvis uses 15. */
  extent?: number;
  /**
   * Lattice radius on which pairs and count groups are defined: a group exists if its offset
   * instantiates an edge there. Keeping it at flyvis's 15 makes parameter vectors the same for
   * every extent, so a network trained on a small lattice runs on the full one. @default max(15, extent)
   */
  parameterExtent?: number;
  /** Synapse count given to hull-filled offsets; 0 disables filling. flyvis uses 1. */
  nSynFill?: number;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

type Stride = [number, number] | null;
const onStride = (stride: Stride, u: number, v: number) =>
  stride ? mod(u, stride[0]) === 0 && mod(v, stride[1]) === 0 : u === 0 && v === 0;

/** Whether an offset connects at least one source column to a target column on a lattice of this extent. */
function instantiates(
  source: Stride,
  target: Stride,
  o: { du: number; dv: number },
  extent: number,
): boolean {
  const lattice = hexLattice(extent);
  for (let k = 0; k < lattice.u.length; k++) {
    const [uu, vv] = [lattice.u[k], lattice.v[k]];
    const [tu, tv] = [uu + o.du, vv + o.dv];
    if (onStride(source, uu, vv) && hexDistance(tu, tv) <= extent && onStride(target, tu, tv)) return true;
  }
  return false;
}

/** Compiles a connectome into node and edge tables on a lattice of the given extent. */
export function buildTables(connectome: Connectome, options: BuildOptions = {}): NetworkTables {
  const extent = options.extent ?? 15;
  const parameterExtent = options.parameterExtent ?? Math.max(15, extent);
  if (parameterExtent < extent) {
    throw new Error(
      `Error in buildTables: parameterExtent (${parameterExtent}) must be ≥ extent (${extent})`,
    );
  }
  const nSynFill = options.nSynFill ?? 1;
  const lattice = hexLattice(extent);
  const nHex = hexCount(extent);
  const width = 2 * extent + 1;
  const cellTypes = connectome.cellTypes.map((c) => c.name);
  const typeIndex = new Map(cellTypes.map((n, i) => [n, i]));
  const inputs = new Set(connectome.inputTypes);
  const outputs = new Set(connectome.outputTypes);
  const roles: Role[] = cellTypes.map((n) =>
    inputs.has(n) ? 'input' : outputs.has(n) ? 'output' : 'intermediate',
  );

  // Nodes: per type, the lattice columns on its stride; grid[t][(u+R)·width + v+R] = node id or −1.
  const u: number[] = [];
  const v: number[] = [];
  const type: number[] = [];
  const typeStart = new Int32Array(cellTypes.length + 1);
  const grids = connectome.cellTypes.map((spec, t) => {
    typeStart[t] = u.length;
    const grid = new Int32Array(width * width).fill(-1);
    for (let k = 0; k < nHex; k++) {
      const uu = lattice.u[k];
      const vv = lattice.v[k];
      if (!onStride(spec.stride, uu, vv)) continue;
      grid[(uu + extent) * width + vv + extent] = u.length;
      u.push(uu);
      v.push(vv);
      type.push(t);
    }
    return grid;
  });
  typeStart[cellTypes.length] = u.length;
  const nodeAt = (t: number, uu: number, vv: number) =>
    Math.abs(uu) > extent || Math.abs(vv) > extent ? -1 : grids[t][(uu + extent) * width + vv + extent];

  const centralIndex = Int32Array.from(cellTypes, (_, t) => nodeAt(t, 0, 0));
  const inputIndex = new Int32Array(connectome.inputTypes.length * nHex);
  connectome.inputTypes.forEach((name, r) => {
    const t = typeIndex.get(name)!;
    for (let k = 0; k < nHex; k++) inputIndex[r * nHex + k] = nodeAt(t, lattice.u[k], lattice.v[k]);
  });

  // Edges, in flyvis order: pair (file order) → offset (listed, then hull-filled) → source node id.
  const src: number[] = [];
  const tar: number[] = [];
  const edgePairs: number[] = [];
  const edgeGroups: number[] = [];
  const pairs: Pair[] = [];
  const countGroups: CountGroup[] = [];
  for (const spec of connectome.pairs) {
    const s = typeIndex.get(spec.source)!;
    const t = typeIndex.get(spec.target)!;
    const key = `${spec.source}->${spec.target}`;
    const offsets = [...spec.offsets, ...hullFillOffsets(key, spec.offsets, nSynFill)];
    const pairId = pairs.length;
    let pairHasGroups = false;
    for (const o of offsets) {
      if (!instantiates(connectome.cellTypes[s].stride, connectome.cellTypes[t].stride, o, parameterExtent))
        continue;
      const groupId = countGroups.length;
      countGroups.push({ pair: pairId, du: o.du, dv: o.dv, nSyn: o.nSyn });
      pairHasGroups = true;
      for (let i = typeStart[s]; i < typeStart[s + 1]; i++) {
        const j = nodeAt(t, u[i] + o.du, v[i] + o.dv);
        if (j < 0) continue;
        src.push(i);
        tar.push(j);
        edgePairs.push(pairId);
        edgeGroups.push(groupId);
      }
    }
    if (pairHasGroups)
      pairs.push({ source: s, target: t, sign: spec.sign, key: `${spec.source}→${spec.target}` });
  }

  return {
    extent,
    cellTypes,
    roles,
    inputTypes: connectome.inputTypes,
    outputTypes: connectome.outputTypes,
    nNodes: u.length,
    nHexals: nHex,
    nodeType: Int16Array.from(type),
    nodeU: Int16Array.from(u),
    nodeV: Int16Array.from(v),
    typeStart,
    centralIndex,
    inputIndex,
    edgeSource: Int32Array.from(src),
    edgeTarget: Int32Array.from(tar),
    edgePair: Int32Array.from(edgePairs),
    edgeCountGroup: Int32Array.from(edgeGroups),
    pairs,
    countGroups,
  };
}
