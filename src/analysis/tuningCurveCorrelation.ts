import type { EdgeConditions } from './directionSelectivity.ts';
import {
  ON_MOTION_TUNING,
  OFF_MOTION_TUNING,
  TUNING_CURVES,
  TUNING_CURVE_ANGLES_DEG,
} from './groundtruth.ts';
import { pearson } from './pearson.ts';

/**
 * Pearson correlation of each T4 (ON edges) and T5 (OFF edges) type's peak tuning curve with the
 * Maisak et al. 2013 curve, per (width, speed), NaN → 0, then the best (width, speed) — flyvis's
 * `correlation_to_known_tuning_curves`. Requires the 12 Maisak angles (0, 30, …, 330°), where flyvis's
 * cubic interpolation onto the stimulus angles is the identity. Types absent from `cellTypes` are skipped.
 */
export function tuningCurveCorrelation(
  peaks: ArrayLike<number>,
  cellTypes: readonly string[],
  conditions: EdgeConditions,
): Record<string, number> {
  const nTypes = cellTypes.length;
  const curves = new Map<string, number[]>(); // "intensity|width|speed" → sample per Maisak angle
  for (let s = 0; s < conditions.angle.length; s++) {
    const key = `${conditions.intensity[s]}|${conditions.width[s]}|${conditions.speed[s]}`;
    const k = TUNING_CURVE_ANGLES_DEG.indexOf(((conditions.angle[s] % 360) + 360) % 360);
    if (k < 0) {
      throw new Error(
        `Error in tuningCurveCorrelation: angles must be the Maisak angles 0, 30, …, 330°, got ${conditions.angle[s]}`,
      );
    }
    if (!curves.has(key)) curves.set(key, new Array<number>(12).fill(-1));
    curves.get(key)![k] = s;
  }
  for (const [key, samples] of curves) {
    if (samples.includes(-1)) {
      throw new Error(
        `Error in tuningCurveCorrelation: intensity|width|speed ${key} lacks some of the 12 angles`,
      );
    }
  }
  const result: Record<string, number> = {};
  const cases = [
    ...ON_MOTION_TUNING.map((t) => [t, 1] as const),
    ...OFF_MOTION_TUNING.map((t) => [t, 0] as const),
  ];
  for (const [type, intensity] of cases) {
    const t = cellTypes.indexOf(type);
    if (t < 0) continue;
    let best = -Infinity;
    for (const [key, samples] of curves) {
      if (!key.startsWith(`${intensity}|`)) continue;
      const r = pearson(
        samples.map((s) => peaks[s * nTypes + t]),
        TUNING_CURVES[type],
      );
      best = Math.max(best, Number.isNaN(r) ? 0 : r);
    }
    result[type] = Number.isFinite(best) ? best : NaN;
  }
  return result;
}
