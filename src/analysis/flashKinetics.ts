import { centralTrace, checkCentral } from './centralResponses.ts';
import { flashSample, type FlashSet } from './flashSet.ts';

export interface FlashKinetics {
  /** Per type: +1 if the ON flash gives the larger max |r|, −1 if the OFF flash does, 0 if neither responds. */
  preferred: Int8Array;
  /** Per type: time of max |r| of the preferred flash, on the flash's time axis (s). */
  timeToPeakS: Float64Array;
  /** Per type: 1 − |mean r over the last 100 ms| / max |r| (1 = fully transient, 0 = sustained). */
  transience: Float64Array;
  /** Per type: r at that peak (signed). */
  peak: Float64Array;
}

/**
 * Coarse flash dynamics (DESIGN "Flash kinetics"), from full-field flashes by default.
 * r(t) = V(t) − V(onset) during the flash, where V(onset) is the last frame before the flash (the
 * state when it begins) and the flash frames are those with 0 ≤ time < tStim. Times are read from
 * `flashes.time` (flyvis axis: the state after the first flash step is labelled 0).
 */
export function flashKinetics(flashes: FlashSet, radius = -1, lastS = 0.1): FlashKinetics {
  checkCentral(flashes, 'flashKinetics');
  const samples = [
    flashSample(flashes, 0, radius, 'flashKinetics'),
    flashSample(flashes, 1, radius, 'flashKinetics'),
  ];
  const half = flashes.dt / 2; // tolerance for float round-off of the time axis
  const frames: number[] = [];
  for (let f = 0; f < flashes.nFrames; f++) {
    if (flashes.time[f] > -half && flashes.time[f] < flashes.tStim - half) frames.push(f);
  }
  const before = frames[0] - 1;
  if (frames.length === 0 || before < 0) {
    throw new Error(
      `Error in flashKinetics: expected grey frames before onset and flash frames in [0, ${flashes.tStim}) s`,
    );
  }
  const tail = frames.filter((f) => flashes.time[f] > flashes.tStim - lastS - half);
  const n = flashes.nTypes;
  const result: FlashKinetics = {
    preferred: new Int8Array(n),
    timeToPeakS: new Float64Array(n).fill(NaN),
    transience: new Float64Array(n).fill(NaN),
    peak: new Float64Array(n),
  };
  for (let type = 0; type < n; type++) {
    const [off, on] = samples.map((s) => {
      const v = centralTrace(flashes, s, type);
      let peakFrame = frames[0];
      for (const f of frames)
        if (Math.abs(v[f] - v[before]) > Math.abs(v[peakFrame] - v[before])) peakFrame = f;
      const tailMean = tail.reduce((a, f) => a + v[f] - v[before], 0) / tail.length;
      return { peakFrame, peak: v[peakFrame] - v[before], tailMean };
    });
    const best = Math.abs(on.peak) >= Math.abs(off.peak) ? on : off;
    if (best.peak === 0) continue;
    result.preferred[type] = best === on ? 1 : -1;
    result.peak[type] = best.peak;
    result.timeToPeakS[type] = flashes.time[best.peakFrame];
    result.transience[type] = 1 - Math.abs(best.tailMean) / Math.abs(best.peak);
  }
  return result;
}
