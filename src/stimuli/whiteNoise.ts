import { hexCount } from '../connectome/hex.ts';
import { prng } from '../util/random.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount } from './temporal.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/** Full-field Gaussian white noise (DESIGN "Definitions and defaults"). */
export interface WhiteNoiseOptions {
  /** @default 0.5 */
  mean: number;
  /** Standard deviation before clipping to [0, 1]. @default 0.15 */
  std: number;
  /** Seconds of noise per sample. @default 10 */
  tStim: number;
  /** Grey (mean) seconds before onset. @default 1 */
  tPre: number;
  /** Independent noise sequences, drawn one after another from one generator. @default 1 */
  nSamples: number;
  /** @default 0 */
  seed: number;
  /** @default 1/100 */
  dt: number;
  /** @default 15 */
  extent: number;
}

export const WHITE_NOISE_DEFAULTS: WhiteNoiseOptions = {
  mean: 0.5,
  std: 0.15,
  tStim: 10,
  tPre: 1,
  nSamples: 1,
  seed: 0,
  dt: 1 / 100,
  extent: 15,
};

/** One luminance per step, N(mean, std²) clipped to [0, 1], the same in every hexal. Rows: seed, sample, mean, std. */
export function whiteNoise(options: Partial<WhiteNoiseOptions> = {}): StimulusSet {
  const o = resolveOptions('whiteNoise', WHITE_NOISE_DEFAULTS, options);
  check(
    o.std >= 0 && o.mean >= 0 && o.mean <= 1,
    'whiteNoise',
    () => `expected std ≥ 0 and mean in [0, 1], got ${o.std}, ${o.mean}`,
  );
  check(
    Number.isInteger(o.nSamples) && o.nSamples >= 1,
    'whiteNoise',
    () => `nSamples must be a positive integer, got ${o.nSamples}`,
  );
  check(o.dt > 0 && o.tStim > 0 && o.tPre >= 0, 'whiteNoise', () => `expected dt, tStim > 0 and tPre ≥ 0`);
  const nHexals = hexCount(o.extent);
  const nPre = frameCount(o.tPre, o.dt);
  const nFrames = nPre + frameCount(o.tStim, o.dt);
  const random = prng(o.seed);
  const frames = new Float32Array(o.nSamples * nFrames * nHexals);
  const samples: SampleArgs[] = [];
  for (let s = 0; s < o.nSamples; s++) {
    samples.push({ seed: o.seed, sample: s, mean: o.mean, std: o.std });
    for (let f = 0; f < nFrames; f++) {
      const value = f < nPre ? o.mean : Math.min(1, Math.max(0, o.mean + o.std * random.normal()));
      frames.fill(value, (s * nFrames + f) * nHexals, (s * nFrames + f + 1) * nHexals);
    }
  }
  return stimulusSet({
    frames,
    nSamples: o.nSamples,
    nFrames,
    nHexals,
    dt: o.dt,
    tPre: nPre * o.dt,
    samples,
  });
}
