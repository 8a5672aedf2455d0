import { checkCentral, type CentralResponses } from './centralResponses.ts';

/** One LED of the flyvis edge stimulus in degrees, and one column (ommatidium) in degrees. */
const LED_DEG = 2.25;
const COLUMN_DEG = 5.8;

/** Moving-edge responses (MODEL_SPEC §4.3), central column, with the conditions of each sample. */
export interface EdgeSet extends CentralResponses {
  /** Per sample: direction of motion in degrees (§4.3 convention). */
  angle: ArrayLike<number>;
  /** Per sample: 0 = OFF edge, 1 = ON edge. */
  intensity: ArrayLike<number>;
  /** Per sample: edge width in LEDs (80 for flyvis edges). */
  width: ArrayLike<number>;
  /** Per sample: speed in columns per second. */
  speed: ArrayLike<number>;
  /** Per frame: seconds from stimulus onset (frameTimes(nFrames, dt, tPre)). */
  time: ArrayLike<number>;
}

/**
 * The window [tStart, tEnd] (s from onset) in which flyvis looks for the peak response to an edge at
 * `speed` columns/s shown at LED offsets [first, end) — from −22.5° to +22.5° around the central
 * column plus one LED "for symmetry". With default offsets tStart = 0 and tEnd = tStim(speed).
 */
export function edgeTimeWindow(speed: number, offsets: [number, number] = [-10, 11]): [number, number] {
  const fromCol = (offsets[0] * LED_DEG) / COLUMN_DEG;
  const toCol = ((offsets[1] - 1) * LED_DEG) / COLUMN_DEG + LED_DEG / COLUMN_DEG;
  const startCol = (offsets[0] * LED_DEG) / COLUMN_DEG;
  const tStart = (Math.abs(startCol) - Math.abs(fromCol)) / speed;
  return [tStart, tStart + (toCol - fromCol) / speed];
}

/**
 * Peak response per sample and cell type (nSamples × nTypes): values outside the speed's time window
 * set to 0, rectified, maximum over frames (NaN frames skipped, as xarray's max). Always ≥ 0.
 */
export function edgePeakResponses(edges: EdgeSet, offsets: [number, number] = [-10, 11]): Float64Array {
  checkCentral(edges, 'edgePeakResponses');
  const { nSamples, nFrames, nTypes, data, time } = edges;
  if (time.length !== nFrames) {
    throw new Error(
      `Error in edgePeakResponses: time must have one value per frame (${nFrames}), got ${time.length}`,
    );
  }
  const peaks = new Float64Array(nSamples * nTypes);
  for (let s = 0; s < nSamples; s++) {
    const [tStart, tEnd] = edgeTimeWindow(edges.speed[s], offsets);
    for (let f = 0; f < nFrames; f++) {
      if (!(time[f] >= tStart && time[f] <= tEnd)) continue;
      const row = (s * nFrames + f) * nTypes;
      for (let t = 0; t < nTypes; t++) {
        const v = data[row + t];
        if (v > peaks[s * nTypes + t]) peaks[s * nTypes + t] = v;
      }
    }
  }
  return peaks;
}
