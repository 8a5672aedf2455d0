import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';

/** Gradients w.r.t. the free parameters, in flyvis order. */
export interface ParamGrads {
  bias: Float64Array;
  tauS: Float64Array;
  strength: Float64Array;
}

export interface NodeAndGroupGrads {
  /** dL/d(node bias). */
  gradBias: Float64Array;
  /** dL/d(node rate a = dt/max(τ, dt)). */
  gradRate: Float64Array;
  /** dL/d(group weight sign · count · strength). */
  gradGroup: Float64Array;
}

/**
 * Reduces node- (or reduced-unit-) and group-level gradients to the tied parameters (per type,
 * per pair); `nodeType` gives the cell type of each node or unit.
 */
export function paramGradients(
  nodeType: Int16Array,
  tables: Pick<NetworkTables, 'cellTypes' | 'pairs' | 'countGroups'>,
  params: Params,
  dt: number,
  g: NodeAndGroupGrads,
): ParamGrads {
  const nTypes = tables.cellTypes.length;
  const bias = new Float64Array(nTypes);
  const tauS = new Float64Array(nTypes);
  for (let i = 0; i < nodeType.length; i++) {
    const t = nodeType[i];
    bias[t] += g.gradBias[i];
    tauS[t] += g.gradRate[i];
  }
  for (let t = 0; t < nTypes; t++) {
    const tau = params.tauS[t];
    // a = dt/τ for τ > dt; flyvis floors τ at dt, where the rate no longer depends on τ.
    tauS[t] = tau > dt ? (tauS[t] * -dt) / (tau * tau) : 0;
  }
  const strength = new Float64Array(tables.pairs.length);
  tables.countGroups.forEach((grp, k) => {
    strength[grp.pair] += g.gradGroup[k] * params.sign[grp.pair] * Math.exp(params.synCountLog[k]);
  });
  return { bias, tauS, strength };
}
