import { compileKernel, lanes, notInlined, warmUp } from './compileKernel.ts';

/**
 * Explicit Euler steps for a small batch of samples: V ← V + a ⊙ (−V + bias + W·relu(V) + drive).
 *
 * The synaptic sum is a flat scatter over the edges in flyvis's order (pair, offset, source id),
 * in which consecutive edges touch consecutive sources and targets: measured here, this flat loop
 * beats a target-sorted gather and run-length loops (V8 pays per inner-loop entry), and it keeps
 * flyvis's float32 summation order per target (a loop per count group, with one weight per
 * group, ran 2.7× slower). Samples are interleaved (node-major, sample-minor) and unrolled, so
 * each edge's indices and weight are read once for the whole batch: at extent 15 a sample in a
 * batch of 4 costs 0.7–0.8× of a sample alone (docs/benchmarks.md). Every sample does exactly
 * the float32 operations it would do alone, so results do not depend on the batch.
 * ReLU is a separate pass. Each kernel is compiled on its own (compileKernel), once per network
 * and batch size (kernelRegistry).
 */
export interface EulerKernel {
  readonly nSamples: number;
  /** Voltages, node-major and sample-minor: node i of sample b is state[i·nSamples + b]. */
  readonly state: Float32Array;
  /** External drive (stimulus at photoreceptors, noise), same layout; callers write it before each step. */
  readonly drive: Float32Array;
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

/** Largest batch one kernel unrolls; larger batches run as several kernels (8 was fastest measured). */
export const MAX_KERNEL_SAMPLES = 8;

interface KernelArrays {
  state: Float32Array;
  drive: Float32Array;
  relu: Float32Array;
  synaptic: Float32Array;
}

type Factory = (
  arrays: KernelArrays,
  net: KernelNetwork,
  bound: number,
) => { step: () => boolean; setSmall: (small: boolean) => void };

function kernelSource(nNodes: number, nEdges: number, B: number): string {
  // Everything the step reads is a const of the factory: V8 folds those into the code, also
  // where it inlines the step into a caller (parameters are mutable and would not be folded).
  return `
const { state, drive, relu, synaptic } = arrays;
const { edgeSource, edgeTarget, edgeWeight, rate, bias } = net;
const bound = boundValue;
let nodeEnd = ${nNodes};
let edgeEnd = ${nEdges};
const step = () => {
  const nodes = nodeEnd;
  const edges = edgeEnd;
  for (let k = 0; k < nodes * ${B}; k++) {
    const v = state[k];
    relu[k] = v > 0 ? v : 0;
  }
  synaptic.fill(0, 0, nodes * ${B});
  for (let e = 0; e < edges; e++) {
    const t = edgeTarget[e] * ${B};
    const s = edgeSource[e] * ${B};
    const w = edgeWeight[e];
    ${lanes(B, (b) => `synaptic[t + ${b}] += w * relu[s + ${b}];`)}
  }
  let ok = true;
  for (let i = 0; i < nodes; i++) {
    const a = rate[i];
    const c = bias[i];
    const k = i * ${B};
    ${lanes(
      B,
      (b) => `{
      const v = state[k + ${b}];
      const next = Math.fround(v + a * (c - v + synaptic[k + ${b}] + drive[k + ${b}]));
      state[k + ${b}] = next;
      if (!(next <= bound && next >= -bound)) ok = false;
    }`,
    )}
  }
  return ok;
};
const setSmall = (small) => {
  nodeEnd = small ? Math.min(${nNodes}, 16) : ${nNodes};
  edgeEnd = small ? Math.min(${nEdges}, 64) : ${nEdges};
};
return { step, setSmall };`;
}

export function createEulerKernel(net: KernelNetwork, nSamples: number, bound: number): EulerKernel {
  if (!(Number.isInteger(nSamples) && nSamples >= 1 && nSamples <= MAX_KERNEL_SAMPLES)) {
    throw new Error(
      `Error in createEulerKernel: nSamples must be an integer in 1…${MAX_KERNEL_SAMPLES}, got ${nSamples}`,
    );
  }
  const nNodes = net.rate.length;
  const n = nNodes * nSamples;
  const state = new Float32Array(n);
  const drive = new Float32Array(n);
  const relu = new Float32Array(n);
  const synaptic = new Float32Array(n);
  const factory = compileKernel<Parameters<Factory>, ReturnType<Factory>>(
    `euler×${nSamples}`,
    ['arrays', 'net', 'boundValue'],
    kernelSource(nNodes, net.edgeWeight.length, nSamples),
  );
  const { step, setSmall } = factory({ state, drive, relu, synaptic }, net, bound);
  warmUp(step, setSmall);
  for (const a of [state, drive, relu, synaptic]) a.fill(0);
  return { nSamples, state, drive, step: notInlined(step) };
}

/** Copies sample b of an interleaved array (nNodes × nSamples) into `out` (nNodes). */
export function readSample(interleaved: Float32Array, nSamples: number, b: number, out: Float32Array): void {
  for (let i = 0, k = b; i < out.length; i++, k += nSamples) out[i] = interleaved[k];
}

/** Writes `values` (nNodes) as sample b of an interleaved array (nNodes × nSamples). */
export function writeSample(
  interleaved: Float32Array,
  nSamples: number,
  b: number,
  values: ArrayLike<number>,
): void {
  for (let i = 0, k = b; i < values.length; i++, k += nSamples) interleaved[k] = values[i];
}
