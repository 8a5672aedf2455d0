import { prng } from '../util/random.ts';
import type { ProtocolData, Target, TargetContext } from './types.ts';

export interface GradCheckResult {
  /** Largest |analytic − numeric| / (|numeric| + floor) over the checked entries. */
  maxRelativeError: number;
  checked: number;
}

/**
 * Compares a target's dCentral with central finite differences (float64) at `count` random
 * entries of the traces. For users writing their own targets: a correct gradient gives errors
 * ~1e-6; a wrong one errors of order 1.
 */
export function checkTargetGradient<O extends { weight: number }>(
  target: Target<O>,
  data: ProtocolData,
  options: O,
  context: TargetContext,
  { count = 20, eps = 1e-5, floor = 1e-6, seed = 0 } = {},
): GradCheckResult {
  const analytic = target.evaluate(data, options, context).dCentral;
  if (!analytic) throw new Error(`checkTargetGradient: target ${target.name} returns no dCentral`);
  const at = (central: Float64Array) => target.evaluate({ ...data, central }, options, context).value;
  const base = Float64Array.from(data.central);
  const rng = prng(seed);
  let worst = 0;
  for (let k = 0; k < count; k++) {
    const i = Math.floor(rng.uniform() * base.length);
    const plus = base.slice();
    plus[i] += eps;
    const minus = base.slice();
    minus[i] -= eps;
    const numeric = (at(plus) - at(minus)) / (2 * eps);
    worst = Math.max(worst, Math.abs(analytic[i] - numeric) / (Math.abs(numeric) + floor));
  }
  return { maxRelativeError: worst, checked: count };
}
