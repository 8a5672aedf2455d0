import type { KernelNetwork } from '../cpu/eulerKernel.ts';

/**
 * The reverse of one Euler step V' = V + a ⊙ (b − V + W·relu(V) + x) for one sample. Given the
 * adjoint λ' = dL/dV' (in `lambda`) and the states before and after the step, it accumulates
 * dL/db per node (a ⊙ λ'), dL/da per node (λ' ⊙ (V' − V)/a, the step's drive recovered from the
 * states so no synaptic sum is stored), dL/dw per count group (Σ_e (a λ')[target]·relu(V)[source])
 * and replaces `lambda` with dL/dV = λ' − a ⊙ λ' + relu'(V) ⊙ Wᵀ(a ⊙ λ'). One pass over the edges,
 * like the forward step. `drive` receives a ⊙ λ' = dL/dx for the input gradient.
 */
export interface AdjointKernel {
  readonly before: Float32Array;
  readonly after: Float32Array;
  readonly lambda: Float64Array;
  /** a ⊙ λ' of the last step: the gradient w.r.t. that step's external drive. */
  readonly drive: Float64Array;
  readonly gradGroup: Float64Array;
  readonly gradBias: Float64Array;
  readonly gradRate: Float64Array;
  step(): void;
}

export function createAdjointKernel(
  net: KernelNetwork,
  edgeGroup: Int32Array,
  nGroups: number,
): AdjointKernel {
  const { edgeSource, edgeTarget, edgeWeight, rate } = net;
  const nNodes = rate.length;
  const nEdges = edgeWeight.length;
  const before = new Float32Array(nNodes);
  const after = new Float32Array(nNodes);
  const lambda = new Float64Array(nNodes);
  const drive = new Float64Array(nNodes);
  const relu = new Float32Array(nNodes);
  const back = new Float64Array(nNodes);
  const gradGroup = new Float64Array(nGroups);
  const gradBias = new Float64Array(nNodes);
  const gradRate = new Float64Array(nNodes);

  const step = () => {
    for (let i = 0; i < nNodes; i++) {
      const v = before[i];
      relu[i] = v > 0 ? v : 0;
      const a = rate[i];
      const c = a * lambda[i];
      drive[i] = c;
      gradBias[i] += c;
      gradRate[i] += (lambda[i] * (after[i] - v)) / a;
      back[i] = 0;
    }
    for (let e = 0; e < nEdges; e++) {
      const c = drive[edgeTarget[e]];
      const s = edgeSource[e];
      gradGroup[edgeGroup[e]] += c * relu[s];
      back[s] += edgeWeight[e] * c;
    }
    for (let i = 0; i < nNodes; i++) lambda[i] += before[i] > 0 ? back[i] - drive[i] : -drive[i];
  };

  return { before, after, lambda, drive, gradGroup, gradBias, gradRate, step };
}
