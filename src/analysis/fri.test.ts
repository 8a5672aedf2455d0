import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { refFloat32, refNpy, referencePath } from '../testing/reference.ts';
import { flashResponseIndex } from './fri.ts';
import { frameTimes } from './frameTimes.ts';
import type { FlashSet } from './flashSet.ts';

const json = (...parts: string[]) => JSON.parse(readFileSync(referencePath(...parts), 'utf8'));

function referenceFlashes(
  file: string,
  dt: number,
  args?: { intensity: ArrayLike<number>; radius: ArrayLike<number> },
): FlashSet {
  const r = refFloat32(file);
  const [nSamples, nFrames, nTypes] = r.shape;
  return {
    data: r.data,
    nSamples,
    nFrames,
    nTypes,
    // flyvis's default sample order (MODEL_SPEC §4.4) where the reference stores no arg arrays.
    intensity: args?.intensity ?? [0, 0, 1, 1],
    radius: args?.radius ?? [-1, 6, -1, 6],
    time: frameTimes(nFrames, dt, 1),
    dt,
    tStim: 1,
  };
}

function maxDiff(fri: Float64Array, cellTypes: string[], expected: Record<string, number>): number {
  return Math.max(...cellTypes.map((c, i) => Math.abs(fri[i] - expected[c])));
}

const defaultArgs = (prefix: string) => ({
  intensity: refNpy('default', `${prefix}_arg_intensity.npy`).data as Float32Array,
  radius: refNpy('default', `${prefix}_arg_radius.npy`).data as Int32Array,
});

describe('flashResponseIndex', () => {
  const cellTypes: string[] = json('default', 'flash_fri.json').cell_types;

  it('uses the flyvis time axis, whose round-off excludes frame 199 at dt 1/200', () => {
    const time = refNpy('default', 'flash_dt200_time.npy').data as Float64Array;
    expect(Array.from(frameTimes(600, 1 / 200, 1))).toEqual(Array.from(time));
    expect(time[199] < -1 / 200).toBe(true);
  });

  it('reproduces flyvis FRIs of the default network for radius 6 and −1 (dt 1/200) within 1e-6', () => {
    const flashes = referenceFlashes('default/flash_dt200_central.npy', 1 / 200, defaultArgs('flash_dt200'));
    const expected = json('default', 'flash_fri.json').fri;
    for (const radius of [6, -1]) {
      const diff = maxDiff(flashResponseIndex(flashes, radius), cellTypes, expected[String(radius)]);
      expect(diff).toBeLessThan(1e-6);
    }
  });

  it('reproduces flyvis FRIs of the default network at dt 1/50 within 1e-6', () => {
    const flashes = referenceFlashes('default/flash_dt50_central.npy', 1 / 50, defaultArgs('flash_dt50'));
    const expected = json('default', 'fri_with_correlation.json').dt50;
    for (const radius of [6, -1]) {
      const diff = maxDiff(flashResponseIndex(flashes, radius), cellTypes, expected[`radius_${radius}`].fri);
      expect(diff).toBeLessThan(1e-6);
    }
  });

  it('reproduces flyvis FRIs of the strong_seed1 network within 1e-6', () => {
    const flashes = referenceFlashes('strong_seed1/flash_central_dt200.npy', 1 / 200);
    const expected = json('strong_seed1', 'flash_fri.json');
    for (const radius of [6, -1]) {
      const diff = maxDiff(flashResponseIndex(flashes, radius), cellTypes, expected[`radius_${radius}`].fri);
      expect(diff).toBeLessThan(1e-6);
    }
  });

  it('shifts by |min| even when the minimum is positive, as flyvis does', () => {
    // ON peak 3, OFF peak 2, minimum 1: (3+1 − (2+1)) / (4 + 3) rather than (2 − 1) / (2 + 1).
    const flashes: FlashSet = {
      data: Float32Array.from([1, 2, 2, 1, 3, 1]),
      nSamples: 2,
      nFrames: 3,
      nTypes: 1,
      intensity: [0, 1],
      radius: [6, 6],
      time: [-0.5, 0, 0.5],
      dt: 0.5,
      tStim: 0.5,
    };
    expect(flashResponseIndex(flashes)[0]).toBeCloseTo(1 / 7, 12);
  });

  it('names the missing sample when a radius was not run', () => {
    const flashes = referenceFlashes('default/flash_dt200_central.npy', 1 / 200);
    expect(() => flashResponseIndex(flashes, 3)).toThrow(
      'Error in flashResponseIndex: expected exactly one sample with intensity 1 and radius 3, got 0',
    );
  });
});
