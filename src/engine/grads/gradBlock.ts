import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { divergedTypes } from '../divergence.ts';
import { networkKernels } from '../kernelRegistry.ts';
import { kernelNetwork } from '../weights.ts';
import { paramGradients, type ParamGrads } from './paramGradients.ts';

/** The samples one thread differentiates: forward, then (after the loss) backward. */
export interface GradBlockJob {
  /** nSamples × nFrames × nHexals. */
  stimulus: Float32Array;
  nSamples: number;
  nFrames: number;
  dt: number;
  /** nSamples × nNodes constant initial states; undefined: start from the bias state (a parameter). */
  initialState?: Float32Array;
  bound: number;
  /** Steps between stored states (1: all stored, nothing recomputed). */
  checkpointEvery: number;
  stimulusGrad: boolean;
  /** Index of the block's first sample in the whole batch. */
  firstSample: number;
}

export interface GradForward {
  /** nSamples × nFrames × nTypes. */
  central: Float32Array;
  /** The block's first sample that diverged (global index), at which step, and its types beyond the bound. */
  divergence?: { sample: number; step: number; cellTypes: string[] };
}

export interface GradBackward {
  /** Parameter gradients of each sample, in sample order. */
  perSample: ParamGrads[];
  /** nSamples × nFrames × nHexals, when asked for. */
  stimulus?: Float32Array;
}

/**
 * Backpropagation through time for a block of samples, one sample at a time. The forward pass
 * keeps every K-th state; the backward pass walks the segments from the last, recomputing each
 * segment's states from its stored start when K > 1. Each sample's gradients are kept apart so
 * the caller can add them in sample order, whatever the split into blocks.
 */
export interface GradSession {
  forward(): GradForward;
  /** dCentral: dL/dcentral of this block's samples (nSamples × nFrames × nTypes). */
  backward(dCentral: Float32Array): GradBackward;
}

export function createGradBlock(tables: NetworkTables, params: Params, job: GradBlockJob): GradSession {
  const { nSamples: B, nFrames: T, checkpointEvery: K, stimulus } = job;
  const { nNodes: n, nHexals: nHex, inputIndex, centralIndex } = tables;
  const nTypes = tables.cellTypes.length;
  const nIn = tables.inputTypes.length;
  const net = kernelNetwork(tables, params, job.dt);
  const kernels = networkKernels(tables);
  const kernel = kernels.euler(1, job.bound);
  const { state, drive } = kernel;
  const stored = Array.from({ length: B }, () => new Float32Array((Math.floor(T / K) + 1) * n));
  const setDrive = (b: number, f: number) => {
    const frame = (b * T + f) * nHex;
    for (let r = 0; r < nIn; r++)
      for (let h = 0; h < nHex; h++) drive[inputIndex[r * nHex + h]] = stimulus[frame + h];
  };
  const initial = (b: number) =>
    job.initialState ? job.initialState.subarray(b * n, (b + 1) * n) : net.bias;

  function forward(): GradForward {
    kernels.load(net);
    const central = new Float32Array(B * T * nTypes);
    for (let b = 0; b < B; b++) {
      state.set(initial(b));
      stored[b].set(state, 0);
      for (let f = 0; f < T; f++) {
        setDrive(b, f);
        if (!kernel.step()) {
          const cellTypes = divergedTypes([state], tables.nodeType, tables.cellTypes, job.bound);
          return { central, divergence: { sample: job.firstSample + b, step: f, cellTypes } };
        }
        for (let t = 0; t < nTypes; t++) central[(b * T + f) * nTypes + t] = state[centralIndex[t]];
        if ((f + 1) % K === 0) stored[b].set(state, ((f + 1) / K) * n);
      }
    }
    return { central };
  }

  function backward(dCentral: Float32Array): GradBackward {
    kernels.load(net);
    const adjoint = kernels.adjoint();
    const stimulusGrad = job.stimulusGrad ? new Float32Array(B * T * nHex) : undefined;
    // With K = 1 the stored states are the segment; otherwise one segment is recomputed at a time.
    const segment = K === 1 ? undefined : new Float32Array((K + 1) * n);
    const perSample: ParamGrads[] = [];
    for (let b = 0; b < B; b++) {
      for (const a of [adjoint.lambda, adjoint.gradBias, adjoint.gradRate, adjoint.gradGroup]) a.fill(0);
      for (let start = Math.floor((T - 1) / K) * K; start >= 0; start -= K) {
        const end = Math.min(T, start + K);
        const states = segment ?? stored[b].subarray(start * n, (end + 1) * n);
        if (segment) {
          state.set(stored[b].subarray((start / K) * n, (start / K + 1) * n));
          segment.set(state, 0);
          for (let f = start; f < end; f++) {
            setDrive(b, f);
            kernel.step();
            segment.set(state, (f - start + 1) * n);
          }
        }
        for (let f = end - 1; f >= start; f--) {
          adjoint.before.set(states.subarray((f - start) * n, (f - start + 1) * n));
          adjoint.after.set(states.subarray((f - start + 1) * n, (f - start + 2) * n));
          for (let t = 0; t < nTypes; t++)
            adjoint.lambda[centralIndex[t]] += dCentral[(b * T + f) * nTypes + t];
          adjoint.step();
          if (stimulusGrad) {
            for (let h = 0; h < nHex; h++) {
              let g = 0;
              for (let r = 0; r < nIn; r++) g += adjoint.drive[inputIndex[r * nHex + h]];
              stimulusGrad[(b * T + f) * nHex + h] = g;
            }
          }
        }
      }
      // Starting from the bias state makes V₀ = b: the remaining adjoint flows into the biases.
      if (!job.initialState) for (let i = 0; i < n; i++) adjoint.gradBias[i] += adjoint.lambda[i];
      perSample.push(paramGradients(tables.nodeType, tables, params, job.dt, adjoint));
    }
    return { perSample, stimulus: stimulusGrad };
  }

  return { forward, backward };
}
