import { describe, it, expect } from 'vitest';
import { labeled } from '../engine/labeled.ts';
import { applyOver } from './applyOver.ts';

/** cell_type × sample × time with value = 100·type + 10·sample + time. */
const r = labeled({
  data: Float32Array.from({ length: 2 * 3 * 4 }, (_, k) => {
    const [c, s, t] = [Math.floor(k / 12), Math.floor(k / 4) % 3, k % 4];
    return 100 * c + 10 * s + t;
  }),
  dims: ['cell_type', 'sample', 'time'],
  shape: [2, 3, 4],
  coords: { cell_type: ['L1', 'T4a'], time: [0, 1, 2, 3] },
});

describe('applyOver', () => {
  it('hands each core block to fn and keeps the loop dims with their coordinates', () => {
    const seen: unknown[] = [];
    const peak = applyOver(r, ['time'], (trace, at) => {
      seen.push(at);
      return Math.max(...trace);
    });
    expect(peak.dims).toEqual(['cell_type', 'sample']);
    expect(peak.coords).toEqual({ cell_type: ['L1', 'T4a'] });
    expect(Array.from(peak.data)).toEqual([3, 13, 23, 103, 113, 123]);
    expect(seen[4]).toEqual({ cell_type: 'T4a', sample: 1 });
  });

  it('lays the core block out in the order of coreDims, transposing where needed', () => {
    const blocks: number[][] = [];
    applyOver(r, ['time', 'sample'], (block) => {
      blocks.push(Array.from(block));
      return 0;
    });
    expect(blocks[1].slice(0, 4)).toEqual([100, 110, 120, 101]);
  });

  it('adds output core dims when fn returns an array', () => {
    const range = applyOver(r, ['sample', 'time'], (b) => [Math.min(...b), Math.max(...b)], [
      { name: 'stat', size: 2, coords: ['min', 'max'] },
    ]);
    expect(range.dims).toEqual(['cell_type', 'stat']);
    expect(range.coords.stat).toEqual(['min', 'max']);
    expect(Array.from(range.data)).toEqual([0, 23, 100, 123]);
  });

  it('names the problem when fn returns the wrong number of values or a core dim is unknown', () => {
    expect(() => applyOver(r, ['time'], () => [1, 2])).toThrow('fn must return 1 values');
    expect(() => applyOver(r, ['frame'], () => 0)).toThrow("Error in applyOver: dimension 'frame' not found");
  });
});
