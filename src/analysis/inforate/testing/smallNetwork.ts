import { prng } from '../../../util/random.ts';
import type { DiscreteLinearSystem } from '../linear.ts';

/**
 * Test support: a small dense network with the flyvis dynamics and the DESIGN noise model,
 *   V ← V + a·(−V + b + W·relu(V) + g·s_k + η),  a = dt/max(τ, dt),
 * η = input noise (units with g ≠ 0, independent per unit) + intrinsic noise (every unit), each
 * N(0, σ²/dt) per step. Used to check the estimators before the engines exist.
 */
export interface SmallNetwork {
  n: number;
  /** s */
  tau: Float64Array;
  bias: Float64Array;
  /** n × n, row-major, target × source, applied to relu(V_source). */
  W: Float64Array;
  /** Stimulus gain per unit (the photoreceptors' 1, others 0). */
  stimulusGain: Float64Array;
}

export interface NoiseLevels {
  /** Spectral level of the input noise, a.u./√Hz. */
  inputStd: number;
  /** Spectral level of the intrinsic noise, a.u./√Hz: one for every unit, or one per unit. */
  intrinsicStd: number | Float64Array;
}

const perUnit = (x: number | Float64Array, n: number) =>
  typeof x === 'number' ? new Float64Array(n).fill(x) : x;
const relu = (v: number) => (v > 0 ? v : 0);
const stepFactor = (net: SmallNetwork, dt: number) => net.tau.map((tau) => dt / Math.max(tau, dt));

/** The fixed point V* = b + W·relu(V*) + g·s̄, by iterating the Euler map (it does not depend on τ). */
export function fixedPoint(net: SmallNetwork, meanStimulus: number, steps = 20_000): Float64Array {
  const { n, W, bias, stimulusGain } = net;
  let v = Float64Array.from(bias);
  for (let k = 0; k < steps; k++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let drive = bias[i] + stimulusGain[i] * meanStimulus;
      for (let j = 0; j < n; j++) drive += W[i * n + j] * relu(v[j]);
      next[i] = v[i] + 0.5 * (drive - v[i]);
    }
    v = next;
  }
  return v;
}

/**
 * nRepeats runs of the same stimulus (burn-in + T frames) with independent noise, from the fixed
 * point of the mean stimulus. Returns per unit an nRepeats × T array of the last T frames.
 */
export function simulateRepeats(
  net: SmallNetwork,
  stimulus: Float64Array,
  opts: NoiseLevels & { dt: number; nRepeats: number; burnIn: number; seed: number },
): Float64Array[] {
  const { n, W, bias, stimulusGain } = net;
  const { dt, nRepeats, burnIn, seed } = opts;
  const a = stepFactor(net, dt);
  const T = stimulus.length - burnIn;
  const mean = stimulus.reduce((s, x) => s + x, 0) / stimulus.length;
  const start = fixedPoint(net, mean);
  const out = Array.from({ length: n }, () => new Float64Array(nRepeats * T));
  const rng = prng(seed);
  const inputStep = opts.inputStd / Math.sqrt(dt);
  const intrinsicStep = perUnit(opts.intrinsicStd, n).map((s) => s / Math.sqrt(dt));
  const v = new Float64Array(n);
  const next = new Float64Array(n);
  for (let r = 0; r < nRepeats; r++) {
    v.set(start);
    for (let k = 0; k < stimulus.length; k++) {
      for (let i = 0; i < n; i++) {
        let drive = bias[i] + intrinsicStep[i] * rng.normal();
        if (stimulusGain[i] !== 0) drive += stimulusGain[i] * (stimulus[k] + inputStep * rng.normal());
        for (let j = 0; j < n; j++) drive += W[i * n + j] * relu(v[j]);
        next[i] = v[i] + a[i] * (drive - v[i]);
      }
      v.set(next);
      if (k >= burnIn) for (let i = 0; i < n; i++) out[i][r * T + k - burnIn] = v[i];
    }
  }
  return out;
}

/**
 * The Euler map linearised at the fixed point, A = I + diag(a)·(−I + W·D), D = diag(V* > 0), with
 * the stimulus, one input-noise source per stimulated unit and one intrinsic source per unit; every
 * unit is an output.
 */
export function linearise(
  net: SmallNetwork,
  dt: number,
  meanStimulus: number,
  noise: NoiseLevels,
): DiscreteLinearSystem {
  const { n, W, stimulusGain } = net;
  const a = stepFactor(net, dt);
  const active = fixedPoint(net, meanStimulus).map((v) => (v > 0 ? 1 : 0));
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) A[i * n + j] = a[i] * W[i * n + j] * active[j] + (i === j ? 1 - a[i] : 0);
  }
  const stimulated = [...Array(n).keys()].filter((i) => stimulusGain[i] !== 0);
  const nNoise = stimulated.length + n;
  const intrinsic = perUnit(noise.intrinsicStd, n);
  const noiseInput = new Float64Array(n * nNoise);
  const noiseStd = new Float64Array(nNoise);
  stimulated.forEach((i, s) => {
    noiseInput[i * nNoise + s] = a[i] * stimulusGain[i];
    noiseStd[s] = noise.inputStd;
  });
  for (let i = 0; i < n; i++) {
    noiseInput[i * nNoise + stimulated.length + i] = a[i];
    noiseStd[stimulated.length + i] = intrinsic[i];
  }
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) C[i * n + i] = 1;
  return { nStates: n, A, stimulusInput: a.map((ai, i) => ai * stimulusGain[i]), noiseInput, noiseStd, C };
}

/** A white stimulus: mean + std·N(0, 1) per frame, seeded. */
export function whiteStimulus(length: number, mean: number, std: number, seed: number): Float64Array {
  const rng = prng(seed);
  return Float64Array.from({ length }, () => mean + std * rng.normal());
}
