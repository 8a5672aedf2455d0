import { describe, expect, it } from 'vitest';
import { whiteNoise } from './whiteNoise.ts';

describe('whiteNoise', () => {
  it('draws full-field Gaussian luminance with mean 0.5 and std 0.15, clipped to [0, 1]', () => {
    const set = whiteNoise({ tStim: 100, extent: 1 });
    const values = Array.from({ length: set.nFrames - 100 }, (_, k) => set.frames[(k + 100) * 7]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(std).toBeGreaterThan(0.145);
    expect(std).toBeLessThan(0.155);
    expect(set.frames.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(set.frames.subarray(0, 100 * 7).every((x) => x === 0.5)).toBe(true);
    for (let f = 0; f < set.nFrames; f += 97)
      expect(new Set(set.frames.subarray(f * 7, (f + 1) * 7)).size).toBe(1);
  });

  it('clips to [0, 1] when the std is large', () => {
    const set = whiteNoise({ std: 2, tStim: 5, extent: 0 });
    const onset = 100;
    const values = set.frames.subarray(onset);
    expect(values.some((x) => x === 0) && values.some((x) => x === 1)).toBe(true);
    expect(values.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('repeats with the same seed and differs across seeds and samples', () => {
    const a = whiteNoise({ seed: 3, nSamples: 2, tStim: 1, extent: 0 });
    const b = whiteNoise({ seed: 3, nSamples: 2, tStim: 1, extent: 0 });
    const c = whiteNoise({ seed: 4, nSamples: 2, tStim: 1, extent: 0 });
    expect(a.frames).toEqual(b.frames);
    expect(a.frames).not.toEqual(c.frames);
    expect(a.frames.subarray(100, 200)).not.toEqual(a.frames.subarray(300, 400));
    expect(a.samples).toEqual([
      { seed: 3, sample: 0, mean: 0.5, std: 0.15 },
      { seed: 3, sample: 1, mean: 0.5, std: 0.15 },
    ]);
  });
});
