import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { paramGradients, type ParamGrads } from '../grads/paramGradients.ts';
import { eulerRadiusVJP, type EulerMode } from './eulerRadius.ts';
import { fixedPointVJP } from './fixedPointVJP.ts';
import type { ReducedStructure } from './structure.ts';

/**
 * dρ/d(bias, τ, strength) of a mode's spectral radius ρ = |λ|. Explicitly A depends on τ (through
 * a = dt/max(τ, dt)) and on strengths (W); through the state it depends only by the gain's slope,
 * so when `state` is a fixed point V* = b + W·relu(V*) + x the cotangent ∂ρ/∂V* is pulled back to
 * biases and strengths by the fixed point's adjoint (`fixedPointVJP`). With the exact ReLU gain the
 * slope is 0 and biases get no gradient; pass `fixedPoint = undefined` to hold a state (e.g. a
 * simulated one) fixed.
 */
export function spectralRadiusGradient(
  structure: ReducedStructure,
  tables: Pick<NetworkTables, 'cellTypes' | 'pairs' | 'countGroups'>,
  params: Params,
  mode: EulerMode,
  fixedPoint?: ArrayLike<number>,
): ParamGrads {
  const grad = eulerRadiusVJP(structure, params, mode);
  const result = paramGradients(structure.unitType, tables, params, mode.dt, {
    gradBias: new Float64Array(structure.nUnits),
    gradRate: grad.rate,
    gradGroup: grad.group,
  });
  if (fixedPoint && grad.state.some((g) => g !== 0)) {
    const through = fixedPointVJP(structure, params, fixedPoint, grad.state);
    through.bias.forEach((g, t) => (result.bias[t] += g));
    through.strength.forEach((g, p) => (result.strength[p] += g));
  }
  return result;
}
