import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { centralImpulses, spatialImpulses } from './impulses.ts';
import { sampleFrames } from './stimulusSet.ts';

describe('centralImpulses', () => {
  it('shows OFF then ON dots at (0, 0) for 1, 4, 10, 20, 40 and 60 frames after 1 s of grey', () => {
    const set = centralImpulses();
    expect([set.nSamples, set.nFrames, set.nHexals]).toEqual([12, 600, 721]);
    expect(set.samples.slice(0, 2)).toEqual([
      { u: 0, v: 0, intensity: 0, t_impulse: 0.005 },
      { u: 0, v: 0, intensity: 0, t_impulse: 0.02 },
    ]);
    const centre = hexIndex(15, 0, 0);
    set.samples.forEach((row, s) => {
      const movie = sampleFrames(set, s);
      const trace = Array.from({ length: 600 }, (_, f) => movie[f * 721 + centre]);
      const lit = trace.map((x, f) => (x !== 0.5 ? f : -1)).filter((f) => f >= 0);
      expect(lit[0]).toBe(200);
      expect(lit.length).toBe([1, 4, 10, 20, 40, 60][s % 6]);
      expect(trace[200]).toBe(s < 6 ? 0 : 1);
      expect(movie[200 * 721 + centre + 1]).toBe(0.5); // a single column
    });
  });
});

describe('spatialImpulses', () => {
  it('visits the 61 columns within hex distance 4, each OFF and ON for 5 and 20 ms', () => {
    const set = spatialImpulses({ extent: 4 });
    expect(set.nSamples).toBe(61 * 2 * 2);
    expect(set.samples[0]).toEqual({ u: -4, v: 0, intensity: 0, t_impulse: 0.005 });
    expect(set.samples[3]).toEqual({ u: -4, v: 0, intensity: 1, t_impulse: 0.02 });
    const movie = sampleFrames(set, 3);
    expect(movie[200 * 61 + hexIndex(4, -4, 0)]).toBe(1);
    expect(movie[200 * 61 + hexIndex(4, 0, 0)]).toBe(0.5);
  });

  it('rejects an impulse longer than the stimulus', () => {
    expect(() => spatialImpulses({ durations: [3], extent: 4 })).toThrow(
      /Error in spatialImpulses: durations must lie in \[dt, tStim\]/,
    );
  });
});
