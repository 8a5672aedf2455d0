import type { CentralResponses } from './centralResponses.ts';

/** Flash responses (MODEL_SPEC §4.4): one sample per (intensity, radius), central column. */
export interface FlashSet extends CentralResponses {
  /** Per sample: flash intensity, 0 (OFF flash) or 1 (ON flash) on a 0.5 baseline. */
  intensity: ArrayLike<number>;
  /** Per sample: disc radius in columns; −1 = full field. */
  radius: ArrayLike<number>;
  /** Per frame: seconds from flash onset, flyvis style (see frameTimes). */
  time: ArrayLike<number>;
  /** Time step in seconds. */
  dt: number;
  /** Flash duration in seconds. @default 1 in flyvis */
  tStim: number;
}

/** The one sample with this intensity and radius; `caller` names the function in the error. */
export function flashSample(flashes: FlashSet, intensity: number, radius: number, caller: string): number {
  const matches: number[] = [];
  for (let s = 0; s < flashes.nSamples; s++) {
    if (flashes.intensity[s] === intensity && flashes.radius[s] === radius) matches.push(s);
  }
  if (matches.length !== 1) {
    const have = Array.from(
      { length: flashes.nSamples },
      (_, s) => `(${flashes.intensity[s]}, ${flashes.radius[s]})`,
    );
    throw new Error(
      `Error in ${caller}: expected exactly one sample with intensity ${intensity} and radius ${radius}, got ${matches.length}; samples (intensity, radius) are ${have.join(' ')}`,
    );
  }
  if (flashes.time.length !== flashes.nFrames) {
    throw new Error(
      `Error in ${caller}: time must have one value per frame (${flashes.nFrames}), got ${flashes.time.length}`,
    );
  }
  return matches[0];
}
