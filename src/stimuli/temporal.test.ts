import { describe, expect, it } from 'vitest';
import { frameCount, resampleIndices } from './temporal.ts';

describe('resampleIndices', () => {
  it('spreads 21 offsets over 85 frames, the last offset shown for exactly one frame', () => {
    const indices = Array.from(resampleIndices(21, 85));
    expect(indices[0]).toBe(0);
    expect(indices.filter((i) => i === 20).length).toBe(1);
    // The other offsets share 84 steps of 20/84: 4 or 5 frames each, in order.
    for (let o = 0; o < 20; o++) expect([4, 5]).toContain(indices.filter((i) => i === o).length);
    expect(indices.every((i, k) => k === 0 || i - indices[k - 1] <= 1)).toBe(true);
  });

  it('lands exactly on the integers of linspace: frame 17 of 86 shows offset 4', () => {
    expect(resampleIndices(21, 86)[17]).toBe(4);
  });

  it('returns index 0 for a single frame', () => {
    expect(Array.from(resampleIndices(21, 1))).toEqual([0]);
  });
});

describe('frameCount', () => {
  it('truncates like int(t / dt)', () => {
    expect(frameCount(3.394396551724138, 1 / 200)).toBe(678);
    expect(frameCount(0.3, 0.005)).toBe(60);
    expect(frameCount(1, 1 / 50)).toBe(50);
  });
});
