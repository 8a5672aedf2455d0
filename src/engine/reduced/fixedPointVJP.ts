import type { Params } from '../../network/params.ts';
import { luFactor, luSolveTransposed } from './denseLu.ts';
import type { ReducedStructure } from './structure.ts';
import { denseWeights, reducedWeights } from './weights.ts';

export interface FixedPointGradients {
  /** ∂L/∂bias per cell type. */
  bias: Float64Array;
  /** ∂L/∂strength per pair. */
  strength: Float64Array;
  /** ∂L/∂(luminance on the photoreceptors). */
  input: number;
  /** ∂L/∂τ is zero: the fixed point does not depend on time constants. */
}

/**
 * Adjoint of the fixed point V* = b + W·relu(V*) + x by the implicit function theorem: with
 * F(V, θ) = V − b − W·relu(V) − x = 0, the derivative of V* is (I − W·D)⁻¹·∂(b + W·relu(V*) + x)/∂θ, so for a
 * cotangent g = ∂L/∂V* (per reduced unit) solve (I − W·D)ᵀ·λ = g once and contract λ with the
 * parameter derivatives (D = diag(V* > 0); strength enters through w = sign·n_syn·strength).
 * Valid where no unit sits exactly at 0 (the ReLU kink).
 */
export function fixedPointVJP(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  gState: ArrayLike<number>,
): FixedPointGradients {
  const n = structure.nUnits;
  const fail = (what: string) => new Error(`Error in fixedPointVJP: ${what}`);
  if (state.length !== n) throw fail(`state must have nUnits = ${n} values, got ${state.length}`);
  if (gState.length !== n) throw fail(`gState must have nUnits = ${n} values, got ${gState.length}`);
  const w = denseWeights(structure, reducedWeights(structure, params));
  const jac = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) jac[i * n + j] = (i === j ? 1 : 0) - (state[j] > 0 ? w[i * n + j] : 0);
  }
  const lu = luFactor(jac, n);
  if (!lu)
    throw fail(
      'I − W·D is singular at this state (a zero eigenvalue: the fixed point is not locally unique)',
    );
  const lambda = luSolveTransposed(lu, gState);

  const bias = new Float64Array(params.bias.length);
  for (let i = 0; i < n; i++) bias[structure.unitType[i]] += lambda[i];
  let input = 0;
  for (const i of structure.inputUnits) input += lambda[i];
  // ∂w_entry/∂strength_p = sign_p · Σ n_syn over the entry's groups (float32 n_syn, as in the weights).
  const strength = new Float64Array(params.strength.length);
  for (let target = 0; target < n; target++) {
    for (let e = structure.rowStart[target]; e < structure.rowStart[target + 1]; e++) {
      const pre = state[structure.entrySource[e]];
      if (!(pre > 0)) continue;
      let count = 0;
      for (let k = structure.termStart[e]; k < structure.termStart[e + 1]; k++)
        count += Math.fround(Math.exp(params.synCountLog[structure.termGroup[k]]));
      const p = structure.entryPair[e];
      strength[p] += lambda[target] * params.sign[p] * count * pre;
    }
  }
  return { bias, strength, input };
}
