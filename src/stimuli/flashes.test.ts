import { describe, expect, it } from 'vitest';
import { refFloat32, refNpy } from '../testing/reference.ts';
import { flashes } from './flashes.ts';
import { stimulusTime } from './stimulusSet.ts';

describe('flashes', () => {
  it('equals flyvis Flashes at dt 1/200 exactly, with the same sample rows', () => {
    const set = flashes();
    const ref = refFloat32('default', 'flash_dt200_stimulus.npy');
    expect([set.nSamples, set.nFrames, set.nHexals]).toEqual(ref.shape);
    let maxDiff = 0;
    for (let i = 0; i < ref.data.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(set.frames[i] - ref.data[i]));
    expect(maxDiff).toBe(0);
    for (const column of ['baseline', 'intensity', 'radius']) {
      const expected = Array.from(
        refNpy('default', `flash_dt200_arg_${column}.npy`).data as Float32Array | Int32Array,
      );
      expect(set.samples.map((row) => row[column])).toEqual(expected);
    }
    expect(Array.from(stimulusTime(set))).toEqual(
      Array.from(refNpy('default', 'flash_dt200_time.npy').data as Float64Array),
    );
  });

  it('has 150 frames at dt 1/50 in the flyvis sample order', () => {
    const set = flashes({ dt: 1 / 50 });
    expect(set.nFrames).toBe(150);
    expect(set.samples.map((row) => row.radius)).toEqual(
      Array.from(refNpy('default', 'flash_dt50_arg_radius.npy').data as Int32Array),
    );
    expect(set.samples.map((row) => row.intensity)).toEqual(
      Array.from(refNpy('default', 'flash_dt50_arg_intensity.npy').data as Float32Array),
    );
  });

  it('clips a disc to a small lattice', () => {
    const set = flashes({ extent: 1, radius: [6], dynamicRange: [0.2, 0.8] });
    expect(Array.from(set.frames.subarray(300 * 7, 301 * 7))).toEqual(new Array(7).fill(Math.fround(0.2)));
    expect(set.frames[0]).toBe(0.5);
  });

  it('rejects alternations that do not start with baseline', () => {
    expect(() => flashes({ alternations: [1, 0] })).toThrow(
      /Error in flashes: alternations must start with 0/,
    );
  });
});
