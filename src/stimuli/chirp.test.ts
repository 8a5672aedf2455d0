import { describe, expect, it } from 'vitest';
import { chirp } from './chirp.ts';
import { stimulusTime } from './stimulusSet.ts';

/** Upward crossings of 0.5 of the full-field trace within [t0, t1). */
function crossings(set: ReturnType<typeof chirp>, t0: number, t1: number): number {
  const time = stimulusTime(set);
  let n = 0;
  for (let f = 1; f < set.nFrames; f++) {
    const [a, b] = [set.frames[(f - 1) * set.nHexals], set.frames[f * set.nHexals]];
    if (time[f] >= t0 && time[f] < t1 && a < 0.5 && b >= 0.5) n++;
  }
  return n;
}

describe('chirp', () => {
  it('sweeps from 0.5 Hz to 25 Hz over 8 s after 1 s of grey, full field, within [0, 1]', () => {
    const set = chirp({ extent: 2 });
    expect([set.nSamples, set.nFrames, set.nHexals, set.dt]).toEqual([1, 900, 19, 0.01]);
    expect(set.frames.subarray(0, 100 * 19).every((x) => x === 0.5)).toBe(true);
    // Mean frequency over [0, 2) s is 0.5 + 24.5·1/8 ≈ 3.56 Hz; over [6, 8) s it is ≈ 22.0 Hz.
    expect(crossings(set, 0, 2)).toBeGreaterThanOrEqual(6);
    expect(crossings(set, 0, 2)).toBeLessThanOrEqual(8);
    expect(Math.abs(crossings(set, 6, 8) - 44)).toBeLessThanOrEqual(1);
    for (let f = 0; f < set.nFrames; f++) {
      const frame = set.frames.subarray(f * 19, (f + 1) * 19);
      expect(frame.every((x) => x === frame[0] && x >= 0 && x <= 1)).toBe(true);
    }
  });

  it('rejects an end frequency above the Nyquist frequency of dt', () => {
    expect(() => chirp({ dt: 1 / 40 })).toThrow(
      /Error in chirp: fEnd 25 Hz exceeds the Nyquist frequency 20 Hz/,
    );
  });
});
