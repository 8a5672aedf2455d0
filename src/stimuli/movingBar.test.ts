import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { barCrossingTime, movingBars } from './movingBar.ts';
import { sampleFrames, stimulusTime } from './stimulusSet.ts';

describe('movingBars', () => {
  it('has flyvis moving_bar_responses samples: 12 angles × 3 widths × 2 intensities × 6 speeds', () => {
    const set = movingBars({ extent: 0 });
    expect(set.nSamples).toBe(432);
    expect(set.samples[0]).toEqual({
      angle: 0,
      width: 1,
      intensity: 0,
      t_stim: barCrossingTime(21, 2.4),
      speed: 2.4,
    });
    expect(set.samples[431]).toMatchObject({ angle: 330, width: 4, intensity: 1, speed: 25 });
    expect(set.nFrames).toBe(1078);
  });

  it('passes a bright bar over the central column when it is at offset 0', () => {
    const set = movingBars({ angles: [0], widths: [1], intensities: [1], speeds: [19], extent: 1 });
    const movie = sampleFrames(set, 0);
    const centre = hexIndex(1, 0, 0);
    const time = stimulusTime(set);
    const trace = Array.from({ length: set.nFrames }, (_, f) => movie[f * 7 + centre]);
    const brightest = trace.indexOf(Math.max(...trace));
    // Offset 0 is the 11th of 21 offsets: about half of t_stim after onset.
    expect(time[brightest]).toBeGreaterThan(0.4 * barCrossingTime(21, 19));
    expect(time[brightest]).toBeLessThan(0.55 * barCrossingTime(21, 19));
  });

  it("shows the background after the bar with postPadMode 'value'", () => {
    const set = movingBars({
      angles: [0],
      widths: [4],
      intensities: [0],
      speeds: [19],
      postPadMode: 'value',
      extent: 1,
    });
    const movie = sampleFrames(set, 0);
    expect(Array.from(movie.subarray(300 * 7, 301 * 7))).toEqual(new Array(7).fill(0.5));
  });

  it('rejects offsets that are not consecutive', () => {
    expect(() => movingBars({ offsets: [-2, 0, 2], extent: 0 })).toThrow(
      /Error in movingBars: offsets must be consecutive integers/,
    );
  });
});
