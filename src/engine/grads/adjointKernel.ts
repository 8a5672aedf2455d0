import { compileKernel, notInlined, warmUp } from '../cpu/compileKernel.ts';
import type { KernelNetwork } from '../cpu/eulerKernel.ts';

/**
 * The reverse of one Euler step V' = V + a ⊙ (b − V + W·relu(V) + x) for one sample. Given the
 * adjoint λ' = dL/dV' (in `lambda`) and the states before and after the step, it accumulates
 * dL/db per node (a ⊙ λ'), dL/da per node (λ' ⊙ (V' − V)/a, the step's drive recovered from the
 * states so no synaptic sum is stored), dL/dw per count group (Σ_e (a λ')[target]·relu(V)[source])
 * and replaces `lambda` with dL/dV = λ' − a ⊙ λ' + relu'(V) ⊙ Wᵀ(a ⊙ λ'). One pass over the edges,
 * like the forward step. `drive` receives a ⊙ λ' = dL/dx for the input gradient. Compiled on
 * its own like the forward kernel (compileKernel), once per network (kernelRegistry).
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

type Factory = (
  arrays: Omit<AdjointKernel, 'step'> & { relu: Float32Array; back: Float64Array },
  net: KernelNetwork,
  edgeGroup: Int32Array,
) => { step: () => void; setSmall: (small: boolean) => void };

function kernelSource(nNodes: number, nEdges: number): string {
  return `
const { before, after, lambda, drive, relu, back, gradGroup, gradBias, gradRate } = arrays;
const { edgeSource, edgeTarget, edgeWeight, rate } = net;
let nodeEnd = ${nNodes};
let edgeEnd = ${nEdges};
const step = () => {
  const nodes = nodeEnd;
  const edges = edgeEnd;
  for (let i = 0; i < nodes; i++) {
    const v = before[i];
    relu[i] = v > 0 ? v : 0;
    const a = rate[i];
    const c = a * lambda[i];
    drive[i] = c;
    gradBias[i] += c;
    gradRate[i] += (lambda[i] * (after[i] - v)) / a;
    back[i] = 0;
  }
  // Edges of a count group are contiguous: sum a group's terms in a register and store once
  // per group (adding to gradGroup[g] edge by edge chains every edge on the previous store).
  let group = edges > 0 ? edgeGroup[0] : 0;
  let sum = 0;
  for (let e = 0; e < edges; e++) {
    const c = drive[edgeTarget[e]];
    const s = edgeSource[e];
    const g = edgeGroup[e];
    if (g !== group) {
      gradGroup[group] += sum;
      sum = 0;
      group = g;
    }
    sum += c * relu[s];
    back[s] += edgeWeight[e] * c;
  }
  if (edges > 0) gradGroup[group] += sum;
  for (let i = 0; i < nodes; i++) lambda[i] += before[i] > 0 ? back[i] - drive[i] : -drive[i];
};
const setSmall = (small) => {
  nodeEnd = small ? Math.min(${nNodes}, 16) : ${nNodes};
  edgeEnd = small ? Math.min(${nEdges}, 64) : ${nEdges};
};
return { step, setSmall };`;
}

export function createAdjointKernel(
  net: KernelNetwork,
  edgeGroup: Int32Array,
  nGroups: number,
): AdjointKernel {
  const nNodes = net.rate.length;
  const arrays = {
    before: new Float32Array(nNodes),
    after: new Float32Array(nNodes),
    lambda: new Float64Array(nNodes),
    drive: new Float64Array(nNodes),
    relu: new Float32Array(nNodes),
    back: new Float64Array(nNodes),
    gradGroup: new Float64Array(nGroups),
    gradBias: new Float64Array(nNodes),
    gradRate: new Float64Array(nNodes),
  };
  const factory = compileKernel<Parameters<Factory>, ReturnType<Factory>>(
    'adjoint',
    ['arrays', 'net', 'edgeGroup'],
    kernelSource(nNodes, net.edgeWeight.length),
  );
  const { step, setSmall } = factory(arrays, net, edgeGroup);
  warmUp(step, setSmall);
  for (const a of Object.values(arrays)) a.fill(0);
  const { relu: _relu, back: _back, ...exposed } = arrays;
  return { ...exposed, step: notInlined(step) };
}
