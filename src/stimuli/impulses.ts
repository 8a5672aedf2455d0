import { hexDistance, hexLattice } from '../connectome/hex.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount } from './temporal.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/** Brief dots on a grey background (flyvis Dots in 'impulse' mode, MODEL_SPEC §4.5). */
export interface ImpulseOptions {
  /** Impulse durations in seconds. @default [0.005, 0.02, 0.05, 0.1, 0.2, 0.3] (central), [0.005, 0.02] (spatial) */
  durations: number[];
  /** Dot centres: every column within this hex distance of (0, 0). @default 0 (central), 4 (spatial) */
  maxExtent: number;
  /** Dot radius in columns around its centre (0 = one column). @default 0 */
  dotRadius: number;
  /** Background luminance; the dots are 2·background − intensity (OFF) and intensity (ON). @default 0.5 */
  background: number;
  /** @default 1 */
  intensity: number;
  /** Seconds from impulse onset to the end. @default 2 */
  tStim: number;
  /** Grey seconds before the impulse. @default 1 */
  tPre: number;
  /** Grey seconds after tStim. @default 0 */
  tPost: number;
  /** @default 1/200 */
  dt: number;
  /** @default 15 */
  extent: number;
}

/** Defaults of flyvis `central_impulses_responses` (the CentralImpulses class uses tStim 5, tPre 2). */
export const CENTRAL_IMPULSE_DEFAULTS: ImpulseOptions = {
  durations: [0.005, 0.02, 0.05, 0.1, 0.2, 0.3],
  maxExtent: 0,
  dotRadius: 0,
  background: 0.5,
  intensity: 1,
  tStim: 2,
  tPre: 1,
  tPost: 0,
  dt: 1 / 200,
  extent: 15,
};

export const SPATIAL_IMPULSE_DEFAULTS: ImpulseOptions = {
  ...CENTRAL_IMPULSE_DEFAULTS,
  durations: [0.005, 0.02],
  maxExtent: 4,
};

/** Impulses at the central column: intensity (OFF, ON) × duration. Rows u, v, intensity, t_impulse. */
export function centralImpulses(options: Partial<ImpulseOptions> = {}): StimulusSet {
  return impulses('centralImpulses', resolveOptions('centralImpulses', CENTRAL_IMPULSE_DEFAULTS, options));
}

/** Impulses at every column within maxExtent: column × intensity × duration (canonical column order). */
export function spatialImpulses(options: Partial<ImpulseOptions> = {}): StimulusSet {
  return impulses('spatialImpulses', resolveOptions('spatialImpulses', SPATIAL_IMPULSE_DEFAULTS, options));
}

/**
 * Each sample: background for int((tStim + tPre)/dt) − int(tStim/dt) frames, the dot for
 * int(t_impulse/dt) frames (1 when t_impulse equals dt), background up to int((tStim + tPre)/dt),
 * then up to int((tStim + tPre + tPost)/dt) frames.
 */
function impulses(fn: string, o: ImpulseOptions): StimulusSet {
  check(
    o.dt > 0 && o.tStim > 0 && o.tPre >= 0 && o.tPost >= 0,
    fn,
    () => `expected dt, tStim > 0 and tPre, tPost ≥ 0`,
  );
  check(
    o.maxExtent <= o.extent,
    fn,
    () => `maxExtent must not exceed extent ${o.extent}, got ${o.maxExtent}`,
  );
  check(
    o.durations.every((d) => d >= o.dt && d <= o.tStim),
    fn,
    () => `durations must lie in [dt, tStim], got [${o.durations}]`,
  );
  const { u, v } = hexLattice(o.extent);
  const nHexals = u.length;
  const nStim = frameCount(o.tStim, o.dt);
  const nPre = frameCount(o.tStim + o.tPre, o.dt) - nStim;
  const nFrames = frameCount(o.tStim + o.tPre + o.tPost, o.dt);
  const samples: SampleArgs[] = [];
  const dots: Float32Array[] = [];
  for (let c = 0; c < nHexals; c++) {
    if (hexDistance(u[c], v[c]) > o.maxExtent) continue;
    for (const intensity of [2 * o.background - o.intensity, o.intensity]) {
      const dot = new Float32Array(nHexals).fill(o.background);
      for (let h = 0; h < nHexals; h++) {
        if (hexDistance(u[h] - u[c], v[h] - v[c]) <= o.dotRadius) dot[h] = intensity;
      }
      for (const duration of o.durations) {
        samples.push({ u: u[c], v: v[c], intensity, t_impulse: duration });
        dots.push(dot);
      }
    }
  }
  const frames = new Float32Array(samples.length * nFrames * nHexals).fill(o.background);
  samples.forEach((row, s) => {
    const t = row.t_impulse as number;
    const nDot = t === o.dt ? 1 : frameCount(t, o.dt);
    for (let f = 0; f < nDot; f++) frames.set(dots[s], (s * nFrames + nPre + f) * nHexals);
  });
  return stimulusSet({ frames, nSamples: samples.length, nFrames, nHexals, dt: o.dt, tPre: o.tPre, samples });
}
