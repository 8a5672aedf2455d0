import type { NetworkTables } from '../../connectome/tables.ts';
import { validateParams, type Params } from '../../network/params.ts';
import { DivergenceError } from '../divergence.ts';
import { gradParallel } from '../parallel/gradParallel.ts';
import { newParamsId, tablesId } from '../parallel/ids.ts';
import { threadsFor } from '../parallel/pool.ts';
import type { SimulateInput } from '../types.ts';
import { createGradBlock, type GradBlockJob } from './gradBlock.ts';
import type { ParamGrads } from './paramGradients.ts';

/** A scalar loss of the central traces (nSamples × nFrames × nTypes) and its gradient. */
export type CentralLoss = (central: Float32Array) => { value: number; grad: Float32Array };

export interface GradOptions {
  /** Also return dL/dstimulus (nSamples × nFrames × nHexals). @default false */
  stimulusGrad?: boolean;
  /**
   * Threads: samples are split into fixed contiguous blocks, each sample differentiated on its own
   * and the gradients added in sample order, so the result does not depend on this number.
   * @default min(2, os.availableParallelism()) when the batch is large enough, else 1
   */
  threads?: number;
  /**
   * Bytes of stored states allowed; beyond it states are kept every ~√T steps and recomputed
   * segment by segment in the backward pass (one extra forward). @default 512 MiB
   */
  memoryBudgetBytes?: number;
}

export interface LatticeGradResult {
  value: number;
  central: Float32Array;
  grads: ParamGrads;
  stimulus?: Float32Array;
  /** Steps between stored states (1 = all stored, no recomputation). */
  checkpointEvery: number;
}

/**
 * Runs the lattice engine forward, evaluates the loss on the central traces and backpropagates
 * through time to biases, time constants, synapse strengths and optionally the stimulus. A given
 * initial state is a constant (as flyvis treats its steady state); without one the run starts
 * from the bias state, which the bias gradient includes. Noise is not supported here.
 */
export function latticeValueAndGrad(
  tables: NetworkTables,
  params: Params,
  input: SimulateInput,
  loss: CentralLoss,
  options: GradOptions = {},
): LatticeGradResult {
  validateParams(tables, params);
  const { stimulus, nSamples: B, nFrames: T, dt } = input;
  if (input.noise) throw new Error('Error in latticeValueAndGrad: noise is not supported in gradients');
  const bound = input.divergenceBound ?? 1e4;
  const n = tables.nNodes;
  const nHex = tables.nHexals;
  if (stimulus.length !== B * T * nHex) {
    throw new Error(
      `Error in latticeValueAndGrad: stimulus must have ${B * T * nHex} values, got ${stimulus.length}`,
    );
  }
  const init = input.initialState;
  if (init && init.length !== n && init.length !== B * n) {
    throw new Error(
      `Error in latticeValueAndGrad: initialState must have ${n} or ${B * n} values, got ${init.length}`,
    );
  }
  const budget = options.memoryBudgetBytes ?? 512 * 2 ** 20;
  const K = B * (T + 1) * n * 4 <= budget ? 1 : Math.max(1, Math.ceil(Math.sqrt(T)));
  // Forward and backward: about three forward passes of work.
  const threads = Math.min(B, threadsFor(options.threads, 3 * B * T * tables.edgeSource.length));
  const initialState = init?.length === n ? repeat(init, B) : init;
  const job: GradBlockJob = {
    stimulus,
    nSamples: B,
    nFrames: T,
    dt,
    initialState,
    bound,
    checkpointEvery: K,
    stimulusGrad: options.stimulusGrad ?? false,
    firstSample: 0,
  };
  const session =
    threads > 1
      ? gradParallel({ tables, tablesId: tablesId(tables), params, paramsId: newParamsId() }, job, threads)
      : createGradBlock(tables, params, job);
  const { central, divergence } = session.forward();
  if (divergence) {
    const { step, cellTypes } = divergence;
    throw new DivergenceError(step, (step + 1) * dt, cellTypes, bound);
  }
  const { value, grad: dCentral } = loss(central);
  const { perSample, stimulus: stimulusGrad } = session.backward(dCentral);
  return { value, central, grads: sumInOrder(perSample), stimulus: stimulusGrad, checkpointEvery: K };
}

/** Σ over samples, added in sample order (the same sum whatever the split into threads). */
function sumInOrder(perSample: ParamGrads[]): ParamGrads {
  const [first, ...rest] = perSample;
  const sum = { bias: first.bias.slice(), tauS: first.tauS.slice(), strength: first.strength.slice() };
  for (const g of rest) {
    for (const key of ['bias', 'tauS', 'strength'] as const) {
      for (let i = 0; i < sum[key].length; i++) sum[key][i] += g[key][i];
    }
  }
  return sum;
}

function repeat(state: Float32Array, times: number): Float32Array {
  const out = new Float32Array(state.length * times);
  for (let b = 0; b < times; b++) out.set(state, b * state.length);
  return out;
}
