import type { NetworkTables } from '../connectome/tables.ts';
import type { Params } from '../network/params.ts';
import type { KernelNetwork } from './cpu/eulerKernel.ts';

/** Per-pair-and-group factor sign · exp(synCountLog) in float32, as flyvis computes it. */
export function groupWeights(tables: NetworkTables, params: Params): Float32Array {
  return Float32Array.from(tables.countGroups, (g, i) => {
    const count = Math.fround(Math.exp(params.synCountLog[i]));
    return Math.fround(Math.fround(params.sign[g.pair] * count) * params.strength[g.pair]);
  });
}

/** Effective per-node rate dt / max(τ, dt) (flyvis floors τ at dt inside the dynamics). */
export function nodeRates(tables: NetworkTables, params: Params, dt: number): Float32Array {
  const perType = Float32Array.from(params.tauS, (tau) => Math.fround(dt / Math.max(tau, dt)));
  return Float32Array.from(tables.nodeType, (t) => perType[t]);
}

export function nodeBiases(tables: NetworkTables, params: Params): Float32Array {
  return Float32Array.from(tables.nodeType, (t) => params.bias[t]);
}

/** Per-edge weights in the edge table's order. */
export function edgeWeights(tables: NetworkTables, params: Params): Float32Array {
  const perGroup = groupWeights(tables, params);
  const group = tables.edgeCountGroup;
  // A plain loop: Float32Array.from with a callback took ~0.1–0.3 s for 1.5 M edges.
  const out = new Float32Array(group.length);
  for (let e = 0; e < group.length; e++) out[e] = perGroup[group[e]];
  return out;
}

/** Everything one Euler step needs, at time step dt. */
export function kernelNetwork(tables: NetworkTables, params: Params, dt: number): KernelNetwork {
  return {
    edgeSource: tables.edgeSource,
    edgeTarget: tables.edgeTarget,
    edgeWeight: edgeWeights(tables, params),
    rate: nodeRates(tables, params, dt),
    bias: nodeBiases(tables, params),
  };
}
