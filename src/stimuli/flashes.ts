import { hexDistance, hexLattice } from '../connectome/hex.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount } from './temporal.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/** Flashes rendered directly in hex space (flyvis Flashes, MODEL_SPEC §4.4). */
export interface FlashOptions {
  /** [low, high]: the baseline is their mean, and each end is one flash intensity. @default [0, 1] */
  dynamicRange: [number, number];
  /** Disc radii in columns (hex distance from (0, 0)); −1 = full field. @default [-1, 6] */
  radius: number[];
  /** Seconds of each baseline ('0') segment. @default 1 */
  tPre: number;
  /** Seconds of each flash ('1') segment. @default 1 */
  tStim: number;
  /** Segment sequence, starting with baseline. @default [0, 1, 0] */
  alternations: number[];
  /** @default 1/200 */
  dt: number;
  /** @default 15 */
  extent: number;
}

export const FLASH_DEFAULTS: FlashOptions = {
  dynamicRange: [0, 1],
  radius: [-1, 6],
  tPre: 1,
  tStim: 1,
  alternations: [0, 1, 0],
  dt: 1 / 200,
  extent: 15,
};

/**
 * Flashes of each intensity (outer) and radius (inner), e.g. (0, −1), (0, 6), (1, −1), (1, 6).
 * Sample rows: baseline, intensity, radius. time = frame·dt − tPre, so the first flash starts at 0.
 */
export function flashes(options: Partial<FlashOptions> = {}): StimulusSet {
  const o = resolveOptions('flashes', FLASH_DEFAULTS, options);
  check(
    o.alternations[0] === 0 && o.alternations.every((a) => a === 0 || a === 1),
    'flashes',
    () => `alternations must start with 0 and hold only 0 (baseline) and 1 (flash), got [${o.alternations}]`,
  );
  check(o.dt > 0, 'flashes', () => `dt must be positive, got ${o.dt}`);
  const { u, v } = hexLattice(o.extent);
  const nHexals = u.length;
  const baseline = (o.dynamicRange[0] + o.dynamicRange[1]) / 2;
  const nOff = frameCount(o.tPre, o.dt);
  const nOn = frameCount(o.tStim, o.dt);
  const nFrames = o.alternations.reduce((n, a) => n + (a === 0 ? nOff : nOn), 0);
  const samples: SampleArgs[] = [];
  for (const intensity of o.dynamicRange) {
    for (const radius of o.radius) samples.push({ baseline, intensity, radius });
  }
  const frames = new Float32Array(samples.length * nFrames * nHexals).fill(baseline);
  samples.forEach(({ intensity, radius }, s) => {
    const flash = new Float32Array(nHexals).fill(baseline);
    for (let h = 0; h < nHexals; h++) {
      if (radius === -1 || hexDistance(u[h], v[h]) <= (radius as number)) flash[h] = intensity as number;
    }
    let f = s * nFrames;
    for (const a of o.alternations) {
      if (a === 1) for (let k = 0; k < nOn; k++) frames.set(flash, (f + k) * nHexals);
      f += a === 0 ? nOff : nOn;
    }
  });
  return stimulusSet({ frames, nSamples: samples.length, nFrames, nHexals, dt: o.dt, tPre: o.tPre, samples });
}
