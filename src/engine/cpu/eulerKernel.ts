/**
 * Explicit Euler steps for a batch of samples: V ← V + a ⊙ (−V + bias + W·relu(V) + drive).
 *
 * The synaptic sum is a flat scatter over the edges in flyvis's order (pair, offset, source id),
 * in which consecutive edges touch consecutive sources and targets: measured here, this flat loop
 * beats both a target-sorted gather and run-length loops (V8 pays per inner-loop entry), and it
 * keeps flyvis's float32 summation order. Each sample gets its own closure with its arrays as
 * consts (~2.5× faster than passing arrays as arguments); ReLU is a separate pass.
 */
export interface EulerKernel {
  /** Voltages per sample (nNodes each); callers read and write them between steps. */
  readonly states: Float32Array[];
  /** External drive per sample (stimulus at photoreceptors, noise). */
  readonly drives: Float32Array[];
  /** Advances every sample one step; returns false if a voltage left ±bound or became non-finite. */
  step(): boolean;
}

export interface KernelNetwork {
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Per-edge weight sign · count · strength, float32. */
  edgeWeight: Float32Array;
  /** Per-node dt / max(τ, dt). */
  rate: Float32Array;
  /** Per-node resting potential. */
  bias: Float32Array;
}

function sampleStep(
  net: KernelNetwork,
  state: Float32Array,
  drive: Float32Array,
  bound: number,
): () => boolean {
  const { edgeSource, edgeTarget, edgeWeight, rate, bias } = net;
  const nNodes = rate.length;
  const nEdges = edgeWeight.length;
  const relu = new Float32Array(nNodes);
  const synaptic = new Float32Array(nNodes);
  return () => {
    for (let i = 0; i < nNodes; i++) {
      const v = state[i];
      relu[i] = v > 0 ? v : 0;
    }
    synaptic.fill(0);
    for (let e = 0; e < nEdges; e++) synaptic[edgeTarget[e]] += edgeWeight[e] * relu[edgeSource[e]];
    let ok = true;
    for (let i = 0; i < nNodes; i++) {
      const v = state[i];
      const next = Math.fround(v + rate[i] * (bias[i] - v + synaptic[i] + drive[i]));
      state[i] = next;
      if (!(next <= bound && next >= -bound)) ok = false;
    }
    return ok;
  };
}

export function createEulerKernel(net: KernelNetwork, nSamples: number, bound: number): EulerKernel {
  const nNodes = net.rate.length;
  // Separate arrays per sample: closures over subarray views of one buffer ran ~4× slower.
  const states = Array.from({ length: nSamples }, () => new Float32Array(nNodes));
  const drives = Array.from({ length: nSamples }, () => new Float32Array(nNodes));
  const steps = states.map((state, b) => sampleStep(net, state, drives[b], bound));
  return {
    states,
    drives,
    step() {
      let ok = true;
      for (const s of steps) ok = s() && ok;
      return ok;
    },
  };
}
