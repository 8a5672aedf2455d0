import type { Characterization, FrequencyResponse } from '../analysis/characterize/index.ts';
import { MOTION_TUNING, POLARITY } from '../analysis/groundtruth.ts';
import type { SampleArgs } from '../stimuli/stimulusSet.ts';
import type { FlashTrace } from './panels/flashTraces.ts';
import type { GreySteadyStateData } from './panels/greySteadyState.ts';
import type { NaturalStatsRow } from './panels/naturalStats.ts';
import type { TuningRow } from './panels/polarTuning.ts';
import type { SpectrumSeries } from './panels/spectra.ts';

/*
 * Panel data from a Characterization: pure functions, so the single report and the before/after
 * report draw the same numbers.
 */

/** Grey steady state per type with its known polarity; the stable fixed point (if any) as the tick. */
export function greyPanelData(c: Characterization): GreySteadyStateData {
  const grey = c.grey!;
  const stable = grey.fixedPointStatus === 'stable';
  const rows = c.cellTypes.map((type, t) => ({
    type,
    value: grey.stats.steadyState[t],
    polarity: POLARITY[type] ?? 0,
    ...(stable ? { second: grey.fixedPoint[t] } : {}),
  }));
  return {
    rows,
    valueLabel: 'grey steady state (a.u.)',
    ...(stable ? { secondLabel: 'reduced fixed point' } : {}),
  };
}

/** Full-field ON and OFF flash traces of every type, and their time axis (s from onset). */
export function flashTraces(
  c: Characterization,
  condition?: string,
): { timeS: number[]; traces: FlashTrace[] } {
  const r = c.responses.flashes!;
  const [, nFrames, nTypes] = r.shape;
  const samples = r.attrs.samples as SampleArgs[];
  const timeS = r.coords.time as number[];
  const traces: FlashTrace[] = [];
  for (const [t, type] of c.cellTypes.entries()) {
    for (const flash of ['ON', 'OFF'] as const) {
      const s = samples.findIndex((a) => a.radius === -1 && a.intensity === (flash === 'ON' ? 1 : 0));
      const values = Float32Array.from({ length: nFrames }, (_, f) => r.data[(s * nFrames + f) * nTypes + t]);
      traces.push({ type, flash, values, ...(condition ? { condition } : {}) });
    }
  }
  return { timeS, traces };
}

/** Peak responses per direction and edge polarity, averaged over speeds, for the given types. */
export function edgeTuningRows(c: Characterization, types: readonly string[]): TuningRow[] {
  const { peaks, conditions } = c.edges!;
  const nTypes = c.cellTypes.length;
  const angles = [...new Set(conditions.angle)];
  return types.flatMap((type) => {
    const t = c.cellTypes.indexOf(type);
    return angles.flatMap((directionDeg) =>
      (['OFF', 'ON'] as const).map((edge, intensity) => {
        let [sum, count] = [0, 0];
        conditions.angle.forEach((a, s) => {
          if (a === directionDeg && conditions.intensity[s] === intensity) {
            sum += peaks[s * nTypes + t];
            count++;
          }
        });
        return { type, edge, directionDeg, peak: sum / count };
      }),
    );
  });
}

/** DSI per type, the larger of ON and OFF. */
export function maxDsi(c: Characterization): number[] {
  const { dsi } = c.edges!;
  return c.cellTypes.map((_, t) => Math.max(dsi[2 * t], dsi[2 * t + 1]));
}

/** The `n` types other than T4/T5 with the largest DSI. */
export function mostSelectiveOthers(c: Characterization, n: number): string[] {
  const dsi = maxDsi(c);
  return c.cellTypes
    .map((type, t) => ({ type, dsi: dsi[t] }))
    .filter((r) => !MOTION_TUNING.includes(r.type))
    .sort((a, b) => b.dsi - a.dsi)
    .slice(0, n)
    .map((r) => r.type);
}

export function naturalRows(c: Characterization, condition?: string): NaturalStatsRow[] {
  const { stats } = c.naturalistic!;
  return c.cellTypes.map((type, t) => ({
    type,
    mean: stats.mean[t],
    std: stats.std[t],
    activeFraction: stats.activeFraction[t],
    ...(condition ? { condition } : {}),
  }));
}

/** Types whose frequency responses the report draws: photoreceptor, lamina, Mi/Tm inputs of T4/T5, T4a, T5a. */
export const FREQUENCY_TYPES = ['R1', 'L1', 'L2', 'L3', 'Mi1', 'Tm3', 'Mi9', 'Tm9', 'T4a', 'T5a'];

export function frequencySeries(c: Characterization, r: FrequencyResponse): SpectrumSeries[] {
  const nTypes = c.cellTypes.length;
  return FREQUENCY_TYPES.filter((type) => c.cellTypes.includes(type)).map((label) => {
    const t = c.cellTypes.indexOf(label);
    return { label, values: Float64Array.from(r.frequencyHz, (_, j) => r.values[j * nTypes + t]) };
  });
}
