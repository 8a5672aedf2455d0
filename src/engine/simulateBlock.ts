import type { NetworkTables } from '../connectome/tables.ts';
import { MAX_KERNEL_SAMPLES, readSample, writeSample, type EulerKernel } from './cpu/eulerKernel.ts';
import { noiseSource } from './noise.ts';
import type { NoiseSpec } from './types.ts';

/** A run of consecutive samples, the unit of work of one thread. */
export interface BlockJob {
  /** nSamples × nFrames × nHexals luminance values. */
  stimulus: Float32Array;
  nSamples: number;
  nFrames: number;
  dt: number;
  /** nSamples × nNodes. */
  initialState: Float32Array;
  recordNodes?: Int32Array;
  noise?: NoiseSpec;
  /** Index of the block's first sample in the whole batch (seeds its noise streams). */
  firstSample: number;
  bound: number;
}

export interface BlockResult {
  central: Float32Array;
  recorded?: Float32Array;
  finalState: Float32Array;
  /** The earliest step at which a sample diverged, and the type ids beyond the bound then. */
  divergence?: Divergence;
}

export interface Divergence {
  step: number;
  typeIds: number[];
}

/** A kernel for `nSamples` samples at the job's dt and bound (callers cache them). */
export type KernelFor = (nSamples: number) => EulerKernel;

/** Batch sizes of the kernels that run `n` samples: balanced, at most MAX_KERNEL_SAMPLES each. */
export function kernelGroups(n: number): number[] {
  const count = Math.ceil(n / MAX_KERNEL_SAMPLES);
  return Array.from({ length: count }, (_, g) => Math.floor(n / count) + (g < n % count ? 1 : 0));
}

/**
 * Simulates a block of samples group by group. Divergence is reported as in a frame-by-frame run
 * of the whole block: the earliest step at which any sample leaves the bound, with the types of
 * all samples beyond it at that step.
 */
export function simulateBlock(tables: NetworkTables, kernelFor: KernelFor, job: BlockJob): BlockResult {
  const { nSamples: B, nFrames: T, stimulus } = job;
  const { nNodes, nHexals: nHex, inputIndex, centralIndex } = tables;
  const nTypes = tables.cellTypes.length;
  const nInputs = tables.inputTypes.length;
  const rec = job.recordNodes;
  const central = new Float32Array(B * T * nTypes);
  const recorded = rec ? new Float32Array(B * T * rec.length) : undefined;
  const finalState = new Float32Array(B * nNodes);
  let divergence: Divergence | undefined;
  let first = 0;
  for (const G of kernelGroups(B)) {
    const kernel = kernelFor(G);
    const { state, drive } = kernel;
    for (let j = 0; j < G; j++) {
      writeSample(state, G, j, job.initialState.subarray((first + j) * nNodes, (first + j + 1) * nNodes));
    }
    drive.fill(0);
    const noise = Array.from({ length: G }, (_, j) =>
      noiseSource(job.noise, job.dt, tables, job.firstSample + first + j),
    );
    const lastStep = () => (divergence ? Math.min(T - 1, divergence.step) : T - 1);
    for (let f = 0; f <= lastStep(); f++) {
      if (noise[0]) drive.fill(0); // noise reaches every node; clear last step's
      for (let j = 0; j < G; j++) {
        const frame = ((first + j) * T + f) * nHex;
        for (let r = 0; r < nInputs; r++) {
          for (let h = 0; h < nHex; h++) drive[inputIndex[r * nHex + h] * G + j] = stimulus[frame + h];
        }
        noise[j]?.(drive, j, G);
      }
      if (!kernel.step()) {
        divergence = earlier(divergence, {
          step: f,
          typeIds: typesBeyond(state, tables.nodeType, job.bound),
        });
        break;
      }
      for (let j = 0; j < G; j++) {
        const b = first + j;
        const out = (b * T + f) * nTypes;
        for (let t = 0; t < nTypes; t++) central[out + t] = state[centralIndex[t] * G + j];
        if (rec && recorded) {
          const o = (b * T + f) * rec.length;
          for (let i = 0; i < rec.length; i++) recorded[o + i] = state[rec[i] * G + j];
        }
      }
    }
    for (let j = 0; j < G; j++) {
      readSample(state, G, j, finalState.subarray((first + j) * nNodes, (first + j + 1) * nNodes));
    }
    first += G;
  }
  return { central, recorded, finalState, divergence };
}

/** The earlier of two divergences; at the same step, the union of their types. */
export function earlier(a: Divergence | undefined, b: Divergence | undefined): Divergence | undefined {
  if (!a || !b) return a ?? b;
  if (a.step !== b.step) return a.step < b.step ? a : b;
  return { step: a.step, typeIds: [...new Set([...a.typeIds, ...b.typeIds])].sort((x, y) => x - y) };
}

/** Type ids with any node beyond ±bound (or non-finite) in an interleaved state. */
function typesBeyond(state: Float32Array, nodeType: Int16Array, bound: number): number[] {
  const nSamples = state.length / nodeType.length;
  const hit = new Set<number>();
  for (let k = 0; k < state.length; k++) {
    const v = state[k];
    if (!(v <= bound && v >= -bound)) hit.add(nodeType[Math.floor(k / nSamples)]);
  }
  return [...hit].sort((a, b) => a - b);
}
