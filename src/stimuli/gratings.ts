import { hexDistance, hexLattice } from '../connectome/hex.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount } from './temporal.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/**
 * Drifting sine gratings evaluated at the hex centres. Space is measured in columns: in the
 * plotting frame x = 1.5·v, y = −√3·(u + v/2) neighbouring columns are √3 apart, so a column
 * (5.8°) is √3 plotting units and (u, v) sits at (x, y)/√3 columns.
 */
export interface GratingOptions {
  /** Directions of motion in degrees, counter-clockwise from rightwards (0° = +x, 90° = up). @default 0, 30, …, 330 */
  angles: number[];
  /** Spatial periods in columns (one column = 5.8°). @default [4, 8] */
  periods: number[];
  /** Temporal frequencies in Hz. @default [1, 2, 4] */
  temporalFrequencies: number[];
  /** Michelson contrast: luminance = 0.5 + 0.5·contrast·sin(…). @default 1 */
  contrast: number;
  /** Grating inside hex distance ≤ radius of (0, 0), grey outside; −1 = full field. @default -1 */
  radius: number;
  /** Grey seconds before onset. @default 1 */
  tPre: number;
  /** Seconds of drift. @default 2 */
  tStim: number;
  /** @default 1/100 */
  dt: number;
  /** @default 15 */
  extent: number;
}

export const GRATING_DEFAULTS: GratingOptions = {
  angles: Array.from({ length: 12 }, (_, i) => 30 * i),
  periods: [4, 8],
  temporalFrequencies: [1, 2, 4],
  contrast: 1,
  radius: -1,
  tPre: 1,
  tStim: 2,
  dt: 1 / 100,
  extent: 15,
};

/**
 * luminance(h, t) = 0.5 + 0.5·contrast·sin(2π(s_h/period − f·t)) with s_h the position of hexal h
 * along the direction of motion in columns and t = frame·dt − tPre (the phase at (0, 0) is 0 at
 * onset, so the grating starts from grey there). Sample order angle × period × temporal
 * frequency; rows angle, period, temporal_frequency, contrast, radius.
 */
export function gratings(options: Partial<GratingOptions> = {}): StimulusSet {
  const o = resolveOptions('gratings', GRATING_DEFAULTS, options);
  check(
    o.contrast >= 0 && o.contrast <= 1,
    'gratings',
    () => `contrast must lie in [0, 1], got ${o.contrast}`,
  );
  check(
    o.periods.every((p) => p > 0),
    'gratings',
    () => `periods must be positive, got [${o.periods}]`,
  );
  check(o.dt > 0 && o.tPre >= 0 && o.tStim >= 0, 'gratings', () => `expected dt > 0 and tPre, tStim ≥ 0`);
  const { u, v } = hexLattice(o.extent);
  const nHexals = u.length;
  const nPre = frameCount(o.tPre, o.dt);
  const nFrames = nPre + frameCount(o.tStim, o.dt);
  const samples: SampleArgs[] = [];
  for (const angle of o.angles) {
    for (const period of o.periods) {
      for (const f of o.temporalFrequencies) {
        samples.push({ angle, period, temporal_frequency: f, contrast: o.contrast, radius: o.radius });
      }
    }
  }
  const frames = new Float32Array(samples.length * nFrames * nHexals).fill(0.5);
  const position = new Float64Array(nHexals);
  const inside = Array.from(u, (uu, h) => o.radius < 0 || hexDistance(uu, v[h]) <= o.radius);
  samples.forEach((row, s) => {
    const theta = ((row.angle as number) * Math.PI) / 180;
    for (let h = 0; h < nHexals; h++) {
      // (x, y)/√3 in columns, projected on the direction of motion.
      const x = (1.5 * v[h]) / Math.sqrt(3);
      const y = -(u[h] + v[h] / 2);
      position[h] = x * Math.cos(theta) + y * Math.sin(theta);
    }
    for (let f = nPre; f < nFrames; f++) {
      const t = (f - nPre) * o.dt;
      const base = (s * nFrames + f) * nHexals;
      for (let h = 0; h < nHexals; h++) {
        if (!inside[h]) continue;
        const phase =
          2 * Math.PI * (position[h] / (row.period as number) - (row.temporal_frequency as number) * t);
        frames[base + h] = 0.5 + 0.5 * o.contrast * Math.sin(phase);
      }
    }
  });
  return stimulusSet({
    frames,
    nSamples: samples.length,
    nFrames,
    nHexals,
    dt: o.dt,
    tPre: nPre * o.dt,
    samples,
  });
}
