import { checkCentral, type CentralResponses } from './centralResponses.ts';

export interface NaturalStats {
  mean: Float64Array;
  /** Population standard deviation over samples × frames. */
  std: Float64Array;
  /** Fraction of frames with V > 0 (the voltage transmits only above 0). */
  activeFraction: Float64Array;
}

/**
 * Response statistics per cell type over all samples and frames from `startFrame` on (skip the grey
 * or fade-in period that precedes the movies). NaN frames (flyvis pads samples with NaN) are skipped.
 */
export function naturalStats(r: CentralResponses, startFrame = 0): NaturalStats {
  checkCentral(r, 'naturalStats');
  if (!Number.isInteger(startFrame) || startFrame < 0 || startFrame >= r.nFrames) {
    throw new Error(
      `Error in naturalStats: startFrame must be an integer in [0, ${r.nFrames}), got ${startFrame}`,
    );
  }
  const { nSamples, nFrames, nTypes, data } = r;
  const count = new Float64Array(nTypes);
  const sum = new Float64Array(nTypes);
  const active = new Float64Array(nTypes);
  const each = (fn: (type: number, v: number) => void) => {
    for (let s = 0; s < nSamples; s++) {
      for (let f = startFrame; f < nFrames; f++) {
        const row = (s * nFrames + f) * nTypes;
        for (let t = 0; t < nTypes; t++) if (!Number.isNaN(data[row + t])) fn(t, data[row + t]);
      }
    }
  };
  each((t, v) => {
    count[t]++;
    sum[t] += v;
    if (v > 0) active[t]++;
  });
  const mean = sum.map((x, t) => x / count[t]);
  const squares = new Float64Array(nTypes);
  each((t, v) => (squares[t] += (v - mean[t]) ** 2));
  return {
    mean,
    std: squares.map((x, t) => Math.sqrt(x / count[t])),
    activeFraction: active.map((x, t) => x / count[t]),
  };
}
