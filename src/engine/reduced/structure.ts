import { hexLattice } from '../../connectome/hex.ts';
import type { NetworkTables } from '../../connectome/tables.ts';

/**
 * The reduced network for spatially uniform stimuli: one unit per (cell type, column class) that
 * exists, where the class of column (u, v) is (u mod Pu, v mod Pv). On an infinite lattice a
 * uniform stimulus keeps the state periodic with period P = lcm of the types' strides, so the
 * units evolve exactly like the lattice's columns (DESIGN "Engines" 2). Weights are recomputed
 * from parameters per call; this structure (which count groups feed which unit pair) is built once.
 */
export interface ReducedStructure {
  cellTypes: string[];
  /** Class period (Pu, Pv). */
  classPeriod: [number, number];
  /**
   * True when every type's nodes are exactly the lattice columns of its classes, so the
   * reduction equals the infinite lattice; false e.g. for the naive period (1, 1) with Lawf types.
   */
  exact: boolean;
  nUnits: number;
  nPairs: number;
  unitType: Int16Array;
  /** Class index cu·Pv + cv of each unit. */
  unitClass: Int16Array;
  /** Unit of each type's (0, 0) column: the central readout. */
  centralUnit: Int32Array;
  /** Units of the input (photoreceptor) types, which receive the luminance. */
  inputUnits: Int32Array;
  /** Entries (target unit ← source unit) grouped by target: entries of unit i are rowStart[i] … rowStart[i+1]−1. */
  rowStart: Int32Array;
  entrySource: Int32Array;
  /** Pair (strength parameter) of each entry; one pair per (source type, target type). */
  entryPair: Int32Array;
  /** Count groups summed into entry e are termGroup[termStart[e]] … termGroup[termStart[e+1]−1]. */
  termStart: Int32Array;
  termGroup: Int32Array;
  /** Pair of each count group. */
  groupPair: Int32Array;
  /** Offset (du, dv) of each count group, for the lattice's Fourier (Bloch) form. */
  groupDu: Int16Array;
  groupDv: Int16Array;
}

export interface ReducedOptions {
  /**
   * Class period (Pu, Pv). Default: the lcm of the types' strides (exact). Any other period is an
   * approximation (`exact` says so); (1, 1) gives the naive one-unit-per-type collapse.
   */
  classPeriod?: [number, number];
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

/** Stride of a type along u and v: the gcd of its columns' coordinate differences (1 for a single column). */
function typeStride(tables: NetworkTables, t: number): [number, number] {
  let su = 0;
  let sv = 0;
  const first = tables.typeStart[t];
  for (let i = first; i < tables.typeStart[t + 1]; i++) {
    su = gcd(su, tables.nodeU[i] - tables.nodeU[first]);
    sv = gcd(sv, tables.nodeV[i] - tables.nodeV[first]);
  }
  return [su || 1, sv || 1];
}

export function buildReducedStructure(tables: NetworkTables, options: ReducedOptions = {}): ReducedStructure {
  const nTypes = tables.cellTypes.length;
  const strides = tables.cellTypes.map((_, t) => typeStride(tables, t));
  const period =
    options.classPeriod ??
    strides.reduce<[number, number]>((p, s) => [lcm(p[0], s[0]), lcm(p[1], s[1])], [1, 1]);
  const [pu, pv] = period;
  if (!(Number.isInteger(pu) && Number.isInteger(pv) && pu > 0 && pv > 0)) {
    throw new Error(
      `Error in buildReducedStructure: classPeriod must be two positive integers, got [${period}]`,
    );
  }
  const nClasses = pu * pv;
  const classOf = (u: number, v: number) => mod(u, pu) * pv + mod(v, pv);

  // Classes occupied by each type, and whether its nodes fill those classes on the lattice.
  const lattice = hexLattice(tables.extent);
  const columnsPerClass = new Int32Array(nClasses);
  for (let k = 0; k < lattice.u.length; k++) columnsPerClass[classOf(lattice.u[k], lattice.v[k])]++;
  const unitOf = new Int32Array(nTypes * nClasses).fill(-1);
  const unitType: number[] = [];
  const unitClass: number[] = [];
  let exact = true;
  for (let t = 0; t < nTypes; t++) {
    const nodesPerClass = new Int32Array(nClasses);
    for (let i = tables.typeStart[t]; i < tables.typeStart[t + 1]; i++)
      nodesPerClass[classOf(tables.nodeU[i], tables.nodeV[i])]++;
    for (let c = 0; c < nClasses; c++) {
      if (nodesPerClass[c] === 0) continue;
      exact &&= nodesPerClass[c] === columnsPerClass[c];
      unitOf[t * nClasses + c] = unitType.length;
      unitType.push(t);
      unitClass.push(c);
    }
  }
  const nUnits = unitType.length;

  // Terms: count group g (offset d, pair s→t) feeds unit (t, c) from unit (s, c − d) where both exist.
  const terms: { target: number; source: number; pair: number; group: number }[] = [];
  tables.countGroups.forEach((g, gi) => {
    const { source: s, target: t } = tables.pairs[g.pair];
    for (let c = 0; c < nClasses; c++) {
      const target = unitOf[t * nClasses + c];
      if (target < 0) continue;
      const cu = Math.floor(c / pv);
      const cv = c % pv;
      const source = unitOf[s * nClasses + classOf(cu - g.du, cv - g.dv)];
      if (source >= 0) terms.push({ target, source, pair: g.pair, group: gi });
    }
  });
  terms.sort((a, b) => a.target - b.target || a.source - b.source || a.group - b.group);

  const rowStart = new Int32Array(nUnits + 1);
  const entrySource: number[] = [];
  const entryPair: number[] = [];
  const termStart: number[] = [];
  const termGroup = Int32Array.from(terms, (x) => x.group);
  terms.forEach((x, k) => {
    const prev = terms[k - 1];
    if (k > 0 && prev.target === x.target && prev.source === x.source) return;
    termStart.push(k);
    entrySource.push(x.source);
    entryPair.push(x.pair);
    rowStart[x.target + 1] = entrySource.length;
  });
  termStart.push(terms.length);
  for (let i = 0; i < nUnits; i++) rowStart[i + 1] = Math.max(rowStart[i + 1], rowStart[i]);

  const inputTypes = new Set(tables.inputTypes.map((n) => tables.cellTypes.indexOf(n)));
  return {
    cellTypes: tables.cellTypes,
    classPeriod: [pu, pv],
    exact,
    nUnits,
    nPairs: tables.pairs.length,
    unitType: Int16Array.from(unitType),
    unitClass: Int16Array.from(unitClass),
    centralUnit: Int32Array.from(
      tables.centralIndex,
      (node, t) => unitOf[t * nClasses + classOf(tables.nodeU[node], tables.nodeV[node])],
    ),
    inputUnits: Int32Array.from(unitType.flatMap((t, i) => (inputTypes.has(t) ? [i] : []))),
    rowStart,
    entrySource: Int32Array.from(entrySource),
    entryPair: Int32Array.from(entryPair),
    termStart: Int32Array.from(termStart),
    termGroup,
    groupPair: Int32Array.from(tables.countGroups, (g) => g.pair),
    groupDu: Int16Array.from(tables.countGroups, (g) => g.du),
    groupDv: Int16Array.from(tables.countGroups, (g) => g.dv),
  };
}
