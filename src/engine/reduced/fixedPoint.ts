import type { Params } from '../../network/params.ts';
import { prng } from '../../util/random.ts';
import { DivergenceError } from '../divergence.ts';
import { findFixedPoint, fixedPointSystem, maxAbs } from './findFixedPoint.ts';
import { reducedSteadyState } from './simulate.ts';
import type { ReducedStructure } from './structure.ts';
import { uniformStability } from './uniformStability.ts';

export interface FixedPointOptions {
  /** Luminance on the photoreceptors. @default 0.5 (grey) */
  input?: number;
  /** Time step at which stability of the Euler map is judged, in seconds. @default 0.02 */
  dt?: number;
  /** Random starts b + N(0, startStd²) besides the bias state. @default 8 */
  randomStarts?: number;
  /** @default 1 (a.u.) */
  startStd?: number;
  /** Start from the state after simulating this long (s) at `dt` from the bias state; 0 to skip. @default 2 */
  simulatedStartS?: number;
  /** Extra starting states (nUnits each); tried after the bias and simulated states. */
  starts?: ArrayLike<number>[];
  /** @default 0 */
  seed?: number;
  /** Accept when max |V − b − W·relu(V) − x| ≤ tol · (1 + max |V|). @default 1e-10 */
  tol?: number;
}

export interface FixedPointCandidate {
  /** V* per reduced unit. */
  state: Float64Array;
  /** max |residual| at V*. */
  residual: number;
  /** Which start reached it: 'bias', 'simulated', 'given 0', …, 'random 0', …. */
  start: string;
  /** Spectral radius of the Euler map at `dt` and its continuous spectral abscissa (1/s). */
  spectralRadius: number;
  abscissa: number;
  stable: boolean;
}

/** The grey fixed point, or why there is none to report (DESIGN "Definitions": no wrong number). */
export type FixedPointResult =
  | { status: 'stable'; fixedPoint: FixedPointCandidate; candidates: FixedPointCandidate[] }
  | { status: 'unstable'; candidates: FixedPointCandidate[] }
  | { status: 'not-found'; bestResidual: number; candidates: FixedPointCandidate[] };

/**
 * Solves V* = b + W·relu(V*) + x on the reduced network (independent of τ and dt) from several
 * starts (`findFixedPoint`: damped iteration, then Newton). Distinct solutions are classified by the spectral radius of the Euler map at dt. A
 * stable result is the first stable solution in start order: the bias state (where flyvis's
 * simulations start), the state a simulation reaches, given starts, random starts.
 */
export function solveFixedPoint(
  structure: ReducedStructure,
  params: Params,
  options: FixedPointOptions = {},
): FixedPointResult {
  const {
    input = 0.5,
    dt = 0.02,
    simulatedStartS = 2,
    randomStarts = 8,
    startStd = 1,
    starts = [],
    seed = 0,
    tol = 1e-10,
  } = options;
  const n = structure.nUnits;
  const system = fixedPointSystem(structure, params, input);
  const bias = Float64Array.from(structure.unitType, (t) => params.bias[t]);

  const guesses: { name: string; state: Float64Array }[] = [{ name: 'bias', state: bias }];
  if (simulatedStartS > 0) {
    try {
      const simulated = reducedSteadyState({
        structure,
        params,
        tPre: simulatedStartS,
        dt,
        value: input,
        divergenceBound: 1e6,
      });
      guesses.push({ name: 'simulated', state: Float64Array.from(simulated) });
    } catch (e) {
      // A diverging run is no start; the other starts still count.
      if (!(e instanceof DivergenceError)) throw e;
    }
  }
  starts.forEach((s, i) => {
    if (s.length !== n)
      throw new Error(
        `Error in solveFixedPoint: starts[${i}] must have nUnits = ${n} values, got ${s.length}`,
      );
    guesses.push({ name: `given ${i}`, state: Float64Array.from(s) });
  });
  const rng = prng(seed);
  for (let r = 0; r < randomStarts; r++)
    guesses.push({ name: `random ${r}`, state: bias.map((b) => b + startStd * rng.normal()) });

  const found: { state: Float64Array; residual: number; start: string }[] = [];
  let bestResidual = Infinity;
  for (const guess of guesses) {
    const { state, residual, converged } = findFixedPoint(system, guess.state, { tol });
    bestResidual = Math.min(bestResidual, residual);
    if (!converged) continue;
    if (found.some((f) => maxAbsDiff(f.state, state) <= 1e-7 * (1 + maxAbs(state)))) continue;
    found.push({ state, residual, start: guess.name });
  }

  const candidates = found.map((f) => {
    const s = uniformStability(structure, params, f.state, dt);
    return { ...f, spectralRadius: s.spectralRadius, abscissa: s.abscissa, stable: s.spectralRadius < 1 };
  });
  if (candidates.length === 0) return { status: 'not-found', bestResidual, candidates };
  const stable = candidates.find((c) => c.stable);
  return stable ? { status: 'stable', fixedPoint: stable, candidates } : { status: 'unstable', candidates };
}

const maxAbsDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
