import { describe, expect, it } from 'vitest';
import { kernelGroups } from '../simulateBlock.ts';
import { sampleBlocks } from './blocks.ts';

describe('sampleBlocks', () => {
  it('covers every sample once in contiguous blocks whose sizes differ by at most one, smaller first', () => {
    expect(sampleBlocks(5, 2)).toEqual([
      { first: 0, count: 2 },
      { first: 2, count: 3 },
    ]);
    expect(sampleBlocks(4, 2)).toEqual([
      { first: 0, count: 2 },
      { first: 2, count: 2 },
    ]);
    expect(sampleBlocks(7, 3).map((b) => b.count)).toEqual([2, 2, 3]);
  });

  it('never makes more blocks than samples', () => {
    expect(sampleBlocks(1, 4)).toEqual([{ first: 0, count: 1 }]);
    expect(sampleBlocks(2, 8)).toHaveLength(2);
  });
});

describe('kernelGroups', () => {
  it('runs up to 8 samples in one kernel and larger batches in balanced kernels', () => {
    expect(kernelGroups(1)).toEqual([1]);
    expect(kernelGroups(8)).toEqual([8]);
    expect(kernelGroups(9)).toEqual([5, 4]);
    expect(kernelGroups(20)).toEqual([7, 7, 6]);
  });
});
