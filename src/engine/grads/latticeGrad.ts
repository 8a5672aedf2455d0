import type { NetworkTables } from '../../connectome/tables.ts';
import { validateParams, type Params } from '../../network/params.ts';
import { createEulerKernel } from '../cpu/eulerKernel.ts';
import { DivergenceError, divergedTypes } from '../divergence.ts';
import type { SimulateInput } from '../types.ts';
import { kernelNetwork } from '../weights.ts';
import { createAdjointKernel } from './adjointKernel.ts';
import { paramGradients, type ParamGrads } from './paramGradients.ts';

/** A scalar loss of the central traces (nSamples × nFrames × nTypes) and its gradient. */
export type CentralLoss = (central: Float32Array) => { value: number; grad: Float32Array };

export interface GradOptions {
  /** Also return dL/dstimulus (nSamples × nFrames × nHexals). @default false */
  stimulusGrad?: boolean;
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
  const nTypes = tables.cellTypes.length;
  const nIn = tables.inputTypes.length;
  if (stimulus.length !== B * T * nHex) {
    throw new Error(
      `Error in latticeValueAndGrad: stimulus must have ${B * T * nHex} values, got ${stimulus.length}`,
    );
  }
  const budget = options.memoryBudgetBytes ?? 512 * 2 ** 20;
  const K = B * (T + 1) * n * 4 <= budget ? 1 : Math.max(1, Math.ceil(Math.sqrt(T)));
  const nCheckpoints = Math.floor(T / K) + 1;

  const net = kernelNetwork(tables, params, dt);
  const kernel = createEulerKernel(net, 1, bound);
  const [state] = kernel.states;
  const [drive] = kernel.drives;
  const setDrive = (b: number, f: number) => {
    const frame = (b * T + f) * nHex;
    for (let r = 0; r < nIn; r++)
      for (let h = 0; h < nHex; h++) drive[tables.inputIndex[r * nHex + h]] = stimulus[frame + h];
  };
  const initial = (b: number) =>
    input.initialState
      ? input.initialState.subarray(
          input.initialState.length === n ? 0 : b * n,
          input.initialState.length === n ? n : (b + 1) * n,
        )
      : net.bias;

  // Forward: central traces and stored states (every K steps) per sample.
  const central = new Float32Array(B * T * nTypes);
  const stored = Array.from({ length: B }, () => new Float32Array(nCheckpoints * n));
  for (let b = 0; b < B; b++) {
    state.set(initial(b));
    stored[b].set(state, 0);
    for (let f = 0; f < T; f++) {
      setDrive(b, f);
      if (!kernel.step()) {
        throw new DivergenceError(
          f,
          (f + 1) * dt,
          divergedTypes([state], tables.nodeType, tables.cellTypes, bound),
          bound,
        );
      }
      for (let t = 0; t < nTypes; t++) central[(b * T + f) * nTypes + t] = state[tables.centralIndex[t]];
      if ((f + 1) % K === 0) stored[b].set(state, ((f + 1) / K) * n);
    }
  }

  const { value, grad: dCentral } = loss(central);
  const adjoint = createAdjointKernel(net, tables.edgeCountGroup, tables.countGroups.length);
  const stimulusGrad = options.stimulusGrad ? new Float32Array(B * T * nHex) : undefined;
  const segment = new Float32Array((K + 1) * n);
  for (let b = 0; b < B; b++) {
    adjoint.lambda.fill(0);
    for (let start = Math.floor((T - 1) / K) * K; start >= 0; start -= K) {
      const end = Math.min(T, start + K);
      // States start … end of this segment, recomputed from the stored one.
      state.set(stored[b].subarray((start / K) * n, (start / K + 1) * n));
      segment.set(state, 0);
      for (let f = start; f < end; f++) {
        setDrive(b, f);
        kernel.step();
        segment.set(state, (f - start + 1) * n);
      }
      for (let f = end - 1; f >= start; f--) {
        adjoint.before.set(segment.subarray((f - start) * n, (f - start + 1) * n));
        adjoint.after.set(segment.subarray((f - start + 1) * n, (f - start + 2) * n));
        for (let t = 0; t < nTypes; t++)
          adjoint.lambda[tables.centralIndex[t]] += dCentral[(b * T + f) * nTypes + t];
        adjoint.step();
        if (stimulusGrad) {
          for (let h = 0; h < nHex; h++) {
            let g = 0;
            for (let r = 0; r < nIn; r++) g += adjoint.drive[tables.inputIndex[r * nHex + h]];
            stimulusGrad[(b * T + f) * nHex + h] = g;
          }
        }
      }
    }
    // Starting from the bias state makes V₀ = b: the remaining adjoint flows into the biases.
    if (!input.initialState) for (let i = 0; i < n; i++) adjoint.gradBias[i] += adjoint.lambda[i];
  }
  const grads = paramGradients(tables.nodeType, tables, params, dt, adjoint);
  return { value, central, grads, stimulus: stimulusGrad, checkpointEvery: K };
}
