import { describe, it, expect } from 'vitest';
import { refFloat32 } from '../testing/reference.ts';
import { naturalStats } from './naturalStats.ts';

describe('naturalStats', () => {
  it('takes mean, population std and active fraction over samples × frames after startFrame', () => {
    // 2 samples × 3 frames × 1 type; frame 0 is the grey period and is skipped.
    const data = Float32Array.from([100, -1, 1, 100, 3, NaN]);
    const s = naturalStats({ data, nSamples: 2, nFrames: 3, nTypes: 1 }, 1);
    expect(s.mean[0]).toBeCloseTo(1, 12);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 6);
    expect(s.activeFraction[0]).toBeCloseTo(2 / 3, 12);
  });

  it('summarises the strong_seed1 response to its random stimulus per type', () => {
    const r = refFloat32('strong_seed1', 'random_central.npy');
    const s = naturalStats({ data: r.data, nSamples: 1, nFrames: 50, nTypes: 65 });
    for (let t = 0; t < 65; t++) {
      expect(s.std[t]).toBeGreaterThanOrEqual(0);
      expect(s.activeFraction[t]).toBeGreaterThanOrEqual(0);
      expect(s.activeFraction[t]).toBeLessThanOrEqual(1);
    }
  });

  it('rejects a startFrame past the end', () => {
    expect(() => naturalStats({ data: new Float32Array(3), nSamples: 1, nFrames: 3, nTypes: 1 }, 3)).toThrow(
      'startFrame must be an integer in [0, 3), got 3',
    );
  });
});
