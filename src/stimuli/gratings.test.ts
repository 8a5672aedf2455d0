import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { gratings } from './gratings.ts';
import { sampleFrames, stimulusTime } from './stimulusSet.ts';

const extent = 6;
const nHexals = 127;

/** Luminance of column (u, v) at frame f of sample s. */
const at = (set: ReturnType<typeof gratings>, s: number, f: number, u: number, v: number) =>
  sampleFrames(set, s)[f * nHexals + hexIndex(extent, u, v)];

describe('gratings', () => {
  it('moves a 0° grating rightwards: a pattern seen at x is seen √3 columns further right 0.25 s later', () => {
    // Period 4√3 columns at 1 Hz drifts √3 columns (one hexal along the row y = 0, a quarter period) in 0.25 s.
    const set = gratings({ angles: [0], periods: [4 * Math.sqrt(3)], temporalFrequencies: [1], extent });
    const onset = stimulusTime(set).indexOf(0);
    expect(onset).toBe(100);
    for (let f = onset; f < onset + 50; f += 7) {
      for (let k = -2; k <= 1; k++) {
        // (−k, 2k) lies on the row y = 0 at x = 3k, i.e. √3·k columns.
        expect(at(set, 0, f + 25, -(k + 1), 2 * (k + 1))).toBeCloseTo(at(set, 0, f, -k, 2 * k), 6);
      }
    }
  });

  it('has the requested spatial period in columns: 4 columns along the vertical at 90°', () => {
    const set = gratings({ angles: [90], periods: [4], temporalFrequencies: [2], extent });
    const f = stimulusTime(set).indexOf(0) + 13;
    for (let u = -2; u <= 2; u++) {
      expect(at(set, 0, f, u - 4, 0)).toBeCloseTo(at(set, 0, f, u, 0), 6);
      expect(at(set, 0, f, u - 2, 0) - 0.5).toBeCloseTo(0.5 - at(set, 0, f, u, 0), 6);
    }
  });

  it('moves a 90° grating upwards at period × frequency columns per second', () => {
    // 4 columns × 2 Hz = 8 columns/s: one column (u → u − 1) in 25 frames of 1/200 s.
    const set = gratings({ angles: [90], periods: [4], temporalFrequencies: [2], dt: 1 / 200, extent });
    const f = stimulusTime(set).indexOf(0) + 3;
    for (let u = -2; u <= 2; u++) expect(at(set, 0, f + 25, u - 1, 0)).toBeCloseTo(at(set, 0, f, u, 0), 6);
  });

  it('stays in [0, 1], grey before onset and outside the disc', () => {
    const set = gratings({ radius: 2, extent });
    const time = stimulusTime(set);
    expect(set.nSamples).toBe(12 * 2 * 3);
    expect(set.samples[1]).toEqual({ angle: 0, period: 4, temporal_frequency: 2, contrast: 1, radius: 2 });
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < set.frames.length; i++) {
      lo = Math.min(lo, set.frames[i]);
      hi = Math.max(hi, set.frames[i]);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeLessThan(0.01);
    const f = time.indexOf(0) + 30;
    expect(at(set, 5, time.indexOf(0) - 1, 0, 1)).toBe(0.5);
    expect(at(set, 5, f, 3, 0)).toBe(0.5);
    expect(at(set, 5, f, 2, 0)).not.toBe(0.5);
  });
});
