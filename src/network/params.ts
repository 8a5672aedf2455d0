import { prng } from '../util/random.ts';
import type { NetworkTables } from '../connectome/tables.ts';

/**
 * The five flyvis parameter vectors, in flyvis order (MODEL_SPEC §2.1): per cell type
 * (bias, tauS), per pair (sign, strength) and per offset group (synCountLog = ln n_syn).
 * Free parameters: bias, tauS, strength. Dynamics use weight = sign · exp(synCountLog) · strength.
 */
export interface Params {
  /** Resting potential per cell type (a.u.). flyvis `nodes_bias`. */
  bias: Float32Array;
  /** Time constant per cell type in seconds. flyvis `nodes_time_const`. */
  tauS: Float32Array;
  /** ±1 per pair. flyvis `edges_sign`. */
  sign: Float32Array;
  /** ln(mean synapse count) per offset group. flyvis `edges_syn_count`. */
  synCountLog: Float32Array;
  /** Non-negative scale per pair. flyvis `edges_syn_strength`. */
  strength: Float32Array;
}

export const PARAM_NAMES = ['bias', 'tauS', 'sign', 'synCountLog', 'strength'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
/** The learnable vectors. */
export const FREE_PARAMS = ['bias', 'tauS', 'strength'] as const satisfies readonly ParamName[];
export type FreeParamName = (typeof FREE_PARAMS)[number];

/** flyvis state_dict keys of each vector, for checkpoints and `.npz` export. */
export const FLYVIS_KEYS: Record<ParamName, string> = {
  bias: 'nodes_bias',
  tauS: 'nodes_time_const',
  sign: 'edges_sign',
  synCountLog: 'edges_syn_count',
  strength: 'edges_syn_strength',
};

export function paramLengths(tables: NetworkTables): Record<ParamName, number> {
  const nTypes = tables.cellTypes.length;
  const nPairs = tables.pairs.length;
  return { bias: nTypes, tauS: nTypes, sign: nPairs, synCountLog: tables.countGroups.length, strength: nPairs };
}

export interface InitOptions {
  /** Seed of flyaux's bias generator. @default 0 */
  seed?: number;
  /** @default 0.5 */
  biasMean?: number;
  /** @default 0.05 */
  biasStd?: number;
  /** @default 0.05 (s) */
  tauS?: number;
}

/**
 * flyaux's default network: flyvis's distributions (bias ~ Normal(0.5, 0.05), τ = 0.05 s,
 * strength = 0.01 / mean n_syn over the pair's edges) with biases from flyaux's seeded generator.
 */
export function initParams(tables: NetworkTables, options: InitOptions = {}): Params {
  const { seed = 0, biasMean = 0.5, biasStd = 0.05, tauS = 0.05 } = options;
  const n = paramLengths(tables);
  const rng = prng(seed);
  const bias = Float32Array.from({ length: n.bias }, () => biasMean + biasStd * rng.normal());
  const sign = Float32Array.from(tables.pairs, (p) => p.sign);
  const synCountLog = Float32Array.from(tables.countGroups, (g) => Math.log(g.nSyn));
  // Mean n_syn over the pair's instantiated edges (border-truncated offsets weigh less).
  const sum = new Float64Array(n.strength);
  const count = new Float64Array(n.strength);
  const groupNSyn = Float32Array.from(tables.countGroups, (g) => g.nSyn);
  for (let e = 0; e < tables.edgePair.length; e++) {
    const p = tables.edgePair[e];
    sum[p] += groupNSyn[tables.edgeCountGroup[e]];
    count[p] += 1;
  }
  const strength = Float32Array.from(sum, (s, p) => Math.max(0, 0.01 / (s / count[p])));
  return { bias, tauS: new Float32Array(n.tauS).fill(tauS), sign, synCountLog, strength };
}

export function cloneParams(p: Params): Params {
  return {
    bias: p.bias.slice(),
    tauS: p.tauS.slice(),
    sign: p.sign.slice(),
    synCountLog: p.synCountLog.slice(),
    strength: p.strength.slice(),
  };
}

/** Throws if a vector has the wrong length or a non-finite value, naming the parameter key. */
export function validateParams(tables: NetworkTables, p: Params, source = 'parameters'): void {
  const n = paramLengths(tables);
  for (const name of PARAM_NAMES) {
    const vec = p[name];
    if (!vec || vec.length !== n[name]) {
      throw new Error(`invalid ${source}: '${name}' must have ${n[name]} values for this connectome, but has ${vec?.length}`);
    }
    const bad = vec.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) throw new Error(`invalid ${source}: ${paramKey(tables, name, bad)} is ${vec[bad]}`);
  }
}

/** Human-readable key of one parameter value, e.g. `T4a.bias`, `Mi1→T4a.strength`, `L1→Mi1(0,1).synCountLog`. */
export function paramKey(tables: NetworkTables, name: ParamName, i: number): string {
  if (name === 'bias' || name === 'tauS') return `${tables.cellTypes[i]}.${name}`;
  if (name === 'synCountLog') {
    const g = tables.countGroups[i];
    return `${tables.pairs[g.pair].key}(${g.du},${g.dv}).${name}`;
  }
  return `${tables.pairs[i].key}.${name}`;
}
