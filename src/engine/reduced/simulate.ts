import type { Params } from '../../network/params.ts';
import { DivergenceError } from '../divergence.ts';
import type { ReducedStructure } from './structure.ts';
import { reducedWeights, unitBiasAndRate } from './weights.ts';

export interface ReducedSimulateInput {
  structure: ReducedStructure;
  params: Params;
  /** nSamples × nFrames luminance of the whole field per frame, sample-major (0.5 = grey). */
  luminance: Float32Array;
  nSamples: number;
  nFrames: number;
  /** Time step in seconds; one Euler step per frame. */
  dt: number;
  /** Initial reduced state: nSamples × nUnits, or nUnits shared by all samples. Default: the bias state. */
  initialState?: Float32Array;
  /** A voltage beyond ±bound (or non-finite) stops the run with a DivergenceError. @default 1e4 */
  divergenceBound?: number;
}

export interface ReducedSimulateResult {
  /** nSamples × nFrames × nTypes voltages of each type's central unit; frame k is the state after input frame k. */
  central: Float32Array;
  /** nSamples × nUnits reduced state after the last frame. */
  finalState: Float32Array;
}

/**
 * Euler steps of the reduced network with flyvis's semantics (MODEL_SPEC §3): float32 state,
 * V ← V + a·(b − V + Σ w·relu(V_pre) + x) with a = dt / max(τ, dt), the synaptic sum in float64
 * (rounded once to float32, like the lattice engine), x = luminance on the photoreceptor units.
 */
export function simulateReduced(input: ReducedSimulateInput): ReducedSimulateResult {
  const { structure: s, params, luminance, nSamples, nFrames, dt, divergenceBound: bound = 1e4 } = input;
  const n = s.nUnits;
  const nTypes = s.cellTypes.length;
  const fail = (what: string) => new Error(`Error in simulateReduced: ${what}`);
  if (luminance.length !== nSamples * nFrames)
    throw fail(
      `luminance must have nSamples × nFrames = ${nSamples * nFrames} values, got ${luminance.length}`,
    );
  if (!(dt > 0)) throw fail(`dt must be positive, got ${dt}`);
  const init = input.initialState;
  if (init && init.length !== n && init.length !== nSamples * n) {
    throw fail(
      `initialState must have nUnits = ${n} or nSamples × nUnits = ${nSamples * n} values, got ${init.length}`,
    );
  }

  const stepper = reducedStepper(s, params, dt, bound);
  const central = new Float32Array(nSamples * nFrames * nTypes);
  const finalState = new Float32Array(nSamples * n);
  const state = new Float32Array(n);

  for (let b = 0; b < nSamples; b++) {
    if (!init) state.set(stepper.bias);
    else state.set(init.length === n ? init : init.subarray(b * n, (b + 1) * n));
    for (let k = 0; k < nFrames; k++) {
      if (!stepper.step(state, state, luminance[b * nFrames + k])) throw divergence(s, state, bound, k, dt);
      for (let t = 0; t < nTypes; t++) central[(b * nFrames + k) * nTypes + t] = state[s.centralUnit[t]];
    }
    finalState.set(state, b * n);
  }
  return { central, finalState };
}

export interface ReducedStepper {
  weight: Float64Array;
  bias: Float32Array;
  rate: Float32Array;
  isInput: Uint8Array;
  /** One Euler step from `state` into `next` (may be the same array) with luminance x; false if a value left ±bound. */
  step(state: Float32Array, next: Float32Array, x: number): boolean;
}

/** The reduced network's Euler step at dt, shared by the simulation and its adjoint. */
export function reducedStepper(
  s: ReducedStructure,
  params: Params,
  dt: number,
  bound: number,
): ReducedStepper {
  const weight = reducedWeights(s, params);
  const { bias, rate } = unitBiasAndRate(s, params, dt);
  const n = s.nUnits;
  const isInput = new Uint8Array(n);
  for (const i of s.inputUnits) isInput[i] = 1;
  const { rowStart, entrySource } = s;
  const relu = new Float64Array(n);
  const step = (state: Float32Array, next: Float32Array, x: number) => {
    for (let i = 0; i < n; i++) relu[i] = state[i] > 0 ? state[i] : 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) sum += weight[e] * relu[entrySource[e]];
      const v = state[i];
      const value = Math.fround(v + rate[i] * (bias[i] - v + Math.fround(sum) + (isInput[i] ? x : 0)));
      next[i] = value;
      if (!(value <= bound && value >= -bound)) ok = false;
    }
    return ok;
  };
  return { weight, bias, rate, isInput, step };
}

export function divergence(
  s: ReducedStructure,
  state: Float32Array,
  bound: number,
  step: number,
  dt: number,
): DivergenceError {
  const types = new Set<number>();
  state.forEach((v, i) => {
    if (!(v <= bound && v >= -bound)) types.add(s.unitType[i]);
  });
  return new DivergenceError(
    step,
    (step + 1) * dt,
    [...types].sort((a, b) => a - b).map((t) => s.cellTypes[t]),
    bound,
  );
}

export interface ReducedSteadyStateInput {
  structure: ReducedStructure;
  params: Params;
  /** Duration of the constant stimulus in seconds; int(tPre / dt) frames as flyvis counts them. */
  tPre: number;
  dt: number;
  /** @default 0.5 (grey) */
  value?: number;
  /** Reduced state to start from (nUnits). Default: the bias state. */
  initialState?: Float32Array;
  /** @default 1e4 */
  divergenceBound?: number;
}

/** flyvis `steady_state` on the reduced network: the state after int(tPre/dt) frames of a constant field. */
export function reducedSteadyState(input: ReducedSteadyStateInput): Float32Array {
  const { structure, params, tPre, dt, value = 0.5, initialState, divergenceBound } = input;
  const nFrames = Math.trunc(tPre / dt);
  if (nFrames <= 0)
    return initialState ? initialState.slice() : Float32Array.from(structure.unitType, (t) => params.bias[t]);
  const luminance = new Float32Array(nFrames).fill(value);
  return simulateReduced({
    structure,
    params,
    luminance,
    nSamples: 1,
    nFrames,
    dt,
    initialState,
    divergenceBound,
  }).finalState;
}
