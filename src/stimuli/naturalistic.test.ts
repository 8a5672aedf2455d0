import { describe, expect, it } from 'vitest';
import { naturalisticExampleFrames, naturalisticMovies } from './naturalistic.ts';
import { sampleFrames } from './stimulusSet.ts';

// Small and fast: 512-px textures, 0.3 s movies after 0.1 s of grey.
const small = { nMovies: 3, durationS: 0.3, tPreS: 0.1, textureSize: 512 };
const set = naturalisticMovies({ ...small, seed: 7 });

/** Bitwise equality (vitest's toEqual is slow on large typed arrays). */
const identical = (a: Float32Array, b: Float32Array) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('naturalisticMovies', () => {
  it('returns nMovies × (tPre + duration) frames of 721 hexals at dt 1/100', () => {
    expect([set.nSamples, set.nFrames, set.nHexals, set.dt, set.tPre]).toEqual([3, 40, 721, 0.01, 0.1]);
    expect(set.frames.length).toBe(3 * 40 * 721);
  });

  it('shows grey 0.5 before onset, then luminance in [0, 1] with mean ≈ 0.5 (±0.05 over the set)', () => {
    let sum = 0;
    let n = 0;
    for (let m = 0; m < set.nSamples; m++) {
      const movie = sampleFrames(set, m);
      expect(movie.subarray(0, 10 * 721).every((x) => x === 0.5)).toBe(true);
      const shown = movie.subarray(10 * 721);
      expect(shown.every((x) => x >= 0 && x <= 1)).toBe(true);
      sum += shown.reduce((s, x) => s + x, 0);
      n += shown.length;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.05);
  });

  it('gives identical frames for the same seed and different frames for a different seed', () => {
    expect(identical(naturalisticMovies({ ...small, seed: 7 }).frames, set.frames)).toBe(true);
    expect(identical(naturalisticMovies({ ...small, seed: 8 }).frames, set.frames)).toBe(false);
  });

  it('starts with the same movies whatever nMovies is', () => {
    const two = naturalisticMovies({ ...small, nMovies: 2, seed: 7 });
    expect(identical(two.frames, set.frames.subarray(0, two.frames.length))).toBe(true);
  });

  it('moves: frames 0.1 s apart differ by a mean absolute luminance of more than 0.01', () => {
    for (let m = 0; m < set.nSamples; m++) {
      const movie = sampleFrames(set, m);
      let diff = 0;
      for (let k = 0; k < 721; k++) diff += Math.abs(movie[20 * 721 + k] - movie[30 * 721 + k]) / 721;
      expect(diff).toBeGreaterThan(0.01);
    }
  });

  it('carries the trajectory parameters in the samples rows', () => {
    expect(set.samples.map((row) => row.movie)).toEqual([0, 1, 2]);
    for (const row of set.samples) {
      for (const key of [
        'textureSeed',
        'directionDeg',
        'speedDegPerS',
        'rotationDegPerS',
        'meanSpeedDegPerS',
      ]) {
        expect(typeof row[key]).toBe('number');
      }
    }
  });

  it('rejects unknown options by name', () => {
    expect(() => naturalisticMovies({ nMovie: 2 } as never)).toThrow(/unknown option 'nMovie'/);
  });
});

describe('naturalisticExampleFrames', () => {
  it('returns 391 × 391 views whose hexals are the frames of the set', () => {
    const example = naturalisticExampleFrames({ ...small, seed: 7 }, 2, [0, 0.25]);
    expect(example.size).toBe(391);
    expect(example.views[0].length).toBe(391 * 391);
    const movie = sampleFrames(set, 2);
    expect(identical(example.hexals[0], movie.subarray(10 * 721, 11 * 721))).toBe(true);
    expect(identical(example.hexals[1], movie.subarray(35 * 721, 36 * 721))).toBe(true);
  });
});
