import { solveFixedPoint } from '../engine/reduced/fixedPoint.ts';
import { reducedSteadyState } from '../engine/reduced/simulate.ts';
import type { ReducedStructure } from '../engine/reduced/structure.ts';
import { uniformStability } from '../engine/reduced/uniformStability.ts';
import type { Params } from '../network/params.ts';

/** The state the stability target linearises around, and how it was found. */
export interface StabilityState {
  state: Float64Array;
  /** True when `state` solves V* = b + W·relu(V*) + x (then biases act through V*). */
  isFixedPoint: boolean;
  /** 'stable fixed point', 'unstable fixed point (…)' or 'simulated grey (…)'. */
  source: string;
  /** Exact (unsmoothed) uniform-mode spectral radius at dt and continuous abscissa (1/s) there. */
  spectralRadius: number;
  abscissa: number;
}

/**
 * The grey fixed point (`solveFixedPoint`: the first stable one, else the first unstable one found,
 * in start order bias → simulated → random); without any, the state after simulating grey for
 * `fallbackS` seconds from the bias state, which the readout names.
 */
export function stabilityState(
  structure: ReducedStructure,
  params: Params,
  { dt, randomStarts, fallbackS }: { dt: number; randomStarts: number; fallbackS: number },
): StabilityState {
  const result = solveFixedPoint(structure, params, { dt, randomStarts });
  if (result.status !== 'not-found') {
    const chosen = result.status === 'stable' ? result.fixedPoint : result.candidates[0];
    return {
      state: chosen.state,
      isFixedPoint: true,
      source:
        result.status === 'stable'
          ? 'stable fixed point'
          : `unstable fixed point (from the ${chosen.start} start; none found stable)`,
      spectralRadius: chosen.spectralRadius,
      abscissa: chosen.abscissa,
    };
  }
  const state = Float64Array.from(
    reducedSteadyState({ structure, params, tPre: fallbackS, dt, divergenceBound: 1e6 }),
  );
  const exact = uniformStability(structure, params, state, dt);
  return {
    state,
    isFixedPoint: false,
    source: `simulated grey after ${fallbackS} s (no fixed point found; best residual ${result.bestResidual.toExponential(1)})`,
    spectralRadius: exact.spectralRadius,
    abscissa: exact.abscissa,
  };
}
