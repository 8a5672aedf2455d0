import type { NetworkTables } from '../connectome/tables.ts';
import { cloneParams, validateParams, type Params } from '../network/params.ts';
import { DivergenceError } from './divergence.ts';
import { createKernelCache } from './kernelCache.ts';
import { newParamsId, tablesId } from './parallel/ids.ts';
import { threadsFor } from './parallel/pool.ts';
import { simulateParallel } from './parallel/simulateParallel.ts';
import { simulateBlock, type BlockJob } from './simulateBlock.ts';
import type { SimulateInput, SimulateResult } from './types.ts';
import { nodeBiases } from './weights.ts';

export interface LatticeEngineOptions {
  /**
   * Threads for batches (nSamples ≥ 2): samples are split into fixed contiguous blocks, one per
   * thread (this one and pool workers), and every sample's result is bit-identical to a
   * one-thread run. Unset, batches below MIN_PARALLEL_EDGE_STEPS (parallel/pool.ts) stay here.
   * @default min(2, os.availableParallelism())
   */
  threads?: number;
}

export interface SteadyStateOptions {
  /** Seconds of constant luminance; frames = int(tPre/dt) as in flyvis. @default 1 */
  tPre?: number;
  dt: number;
  /** @default 0.5 */
  value?: number;
  /** @default 1 */
  nSamples?: number;
  initialState?: Float32Array;
}

export interface FadeInOptions {
  /** Seconds of fade-in; frames = int(tFadeIn/dt). */
  tFadeIn: number;
  dt: number;
  /** nSamples × nHexals first movie frames to fade in to, from grey 0.5. */
  firstFrames: Float32Array;
  nSamples: number;
  initialState?: Float32Array;
}

/** The lattice engine: all nodes, float32 explicit Euler exactly as flyvis (MODEL_SPEC §3). */
export interface LatticeEngine {
  readonly tables: NetworkTables;
  readonly params: Params;
  simulate(input: SimulateInput): SimulateResult;
  steadyState(options: SteadyStateOptions): Float32Array;
  fadeIn(options: FadeInOptions): Float32Array;
  /** nSamples copies of the bias state (V = b for every node), sample-major. */
  biasState(nSamples?: number): Float32Array;
}

/** Frame count of a duration, truncated like Python's int() (with a guard for float round-off). */
export function framesIn(seconds: number, dt: number): number {
  return Math.max(0, Math.trunc(seconds / dt + 1e-9));
}

export function createLatticeEngine(
  tables: NetworkTables,
  params: Params,
  options: LatticeEngineOptions = {},
): LatticeEngine {
  validateParams(tables, params);
  threadsFor(options.threads, 0); // checks the option now rather than at the first batch
  // Taken once: worker threads rebuild the kernels from this copy, so they match this thread's.
  const fixed = cloneParams(params);
  const bias = nodeBiases(tables, fixed);
  const nNodes = tables.nNodes;
  const nHex = tables.nHexals;
  const kernels = createKernelCache(tables, fixed);
  const identity = { tables, tablesId: tablesId(tables), params: fixed, paramsId: newParamsId() };

  const biasState = (nSamples = 1) => {
    const out = new Float32Array(nSamples * nNodes);
    for (let b = 0; b < nSamples; b++) out.set(bias, b * nNodes);
    return out;
  };

  function simulate(input: SimulateInput): SimulateResult {
    const { stimulus, nSamples: B, nFrames: T, dt } = input;
    const bound = input.divergenceBound ?? 1e4;
    check(dt > 0 && Number.isFinite(dt), () => `dt must be a positive number of seconds, but got ${dt}`);
    check(
      Number.isInteger(B) && B >= 1 && Number.isInteger(T) && T >= 0,
      () => `bad sizes nSamples=${B}, nFrames=${T}`,
    );
    check(
      stimulus.length === B * T * nHex,
      () =>
        `stimulus must have nSamples × nFrames × nHexals = ${B} × ${T} × ${nHex} values, but has ${stimulus.length}`,
    );
    const recordNodes = recordedNodes(input.record);
    const job: BlockJob = {
      stimulus,
      nSamples: B,
      nFrames: T,
      dt,
      initialState: initialStates(input.initialState, B),
      recordNodes,
      noise: input.noise,
      firstSample: 0,
      bound,
    };
    const kernelFor = kernels(dt, bound);
    const threads = Math.min(B, threadsFor(options.threads, B * T * tables.edgeSource.length));
    const { central, recorded, finalState, divergence } =
      threads > 1
        ? simulateParallel(identity, kernelFor, job, threads)
        : simulateBlock(tables, kernelFor, job);
    if (divergence) {
      const types = divergence.typeIds.map((t) => tables.cellTypes[t]);
      throw new DivergenceError(divergence.step, (divergence.step + 1) * dt, types, bound);
    }
    return { central, recorded, recordedNodes: recordNodes, finalState };
  }

  function recordedNodes(record: SimulateInput['record']): Int32Array | undefined {
    if (!record || record === 'central') return undefined;
    if (record === 'full') return Int32Array.from({ length: nNodes }, (_, i) => i);
    const ids: number[] = [];
    for (const name of record.types) {
      const t = tables.cellTypes.indexOf(name);
      check(t >= 0, () => `unknown cell type '${name}' in record.types`);
      for (let i = tables.typeStart[t]; i < tables.typeStart[t + 1]; i++) ids.push(i);
    }
    return Int32Array.from(ids);
  }

  function initialStates(initial: Float32Array | undefined, B: number): Float32Array {
    if (!initial) return biasState(B);
    if (initial.length === B * nNodes) return initial;
    check(
      initial.length === nNodes,
      () =>
        `initialState must have nNodes (${nNodes}) or nSamples × nNodes (${B * nNodes}) values, but has ${initial.length}`,
    );
    const out = new Float32Array(B * nNodes);
    for (let b = 0; b < B; b++) out.set(initial, b * nNodes);
    return out;
  }

  function movie(B: number, T: number, value: (b: number, f: number, h: number) => number): Float32Array {
    const out = new Float32Array(B * T * nHex);
    for (let b = 0; b < B; b++) {
      for (let f = 0; f < T; f++) for (let h = 0; h < nHex; h++) out[(b * T + f) * nHex + h] = value(b, f, h);
    }
    return out;
  }

  function steadyState(o: SteadyStateOptions): Float32Array {
    const B = o.nSamples ?? 1;
    const T = framesIn(o.tPre ?? 1, o.dt);
    if (T === 0) return initialStates(o.initialState, B).slice();
    const value = o.value ?? 0.5;
    const stimulus = movie(B, T, () => value);
    return simulate({ stimulus, nSamples: B, nFrames: T, dt: o.dt, initialState: o.initialState }).finalState;
  }

  function fadeIn(o: FadeInOptions): Float32Array {
    const B = o.nSamples;
    const T = framesIn(o.tFadeIn, o.dt);
    check(o.firstFrames.length === B * nHex, () => `firstFrames must have nSamples × ${nHex} values`);
    if (T === 0) return initialStates(o.initialState, B).slice();
    // Frame j is 0.5 + c_j·(F − 0.5) with c_j = j/(T−1): a linear ramp including both ends.
    const ramp = (f: number) => (T === 1 ? 1 : f / (T - 1));
    const stimulus = movie(B, T, (b, f, h) => 0.5 + ramp(f) * (o.firstFrames[b * nHex + h] - 0.5));
    return simulate({ stimulus, nSamples: B, nFrames: T, dt: o.dt, initialState: o.initialState }).finalState;
  }

  return { tables, params, simulate, steadyState, fadeIn, biasState };
}

function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(`Error in lattice engine: ${message()}`);
}
