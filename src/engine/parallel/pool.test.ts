import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultThreads, threadsFor } from './pool.ts';

describe('defaultThreads', () => {
  it('takes $FLYAUX_THREADS when set, else at most 2, and rejects a bad value', () => {
    expect(defaultThreads({ FLYAUX_THREADS: '1' })).toBe(1);
    expect(defaultThreads({ FLYAUX_THREADS: '3' })).toBe(3);
    expect(defaultThreads({})).toBe(Math.min(2, availableParallelism()));
    expect(() => defaultThreads({ FLYAUX_THREADS: 'two' })).toThrow(
      "Error in FLYAUX_THREADS: expected a positive integer, got 'two'",
    );
  });
});

describe('threadsFor', () => {
  it('keeps small work on this thread unless threads are asked for', () => {
    expect(threadsFor(undefined, 1e6, {})).toBe(1);
    expect(threadsFor(undefined, 1e9, {})).toBe(Math.min(2, availableParallelism()));
    expect(threadsFor(2, 1e3, {})).toBe(2);
    expect(() => threadsFor(0, 1e9, {})).toThrow('Error in threads: expected a positive integer, got 0');
  });
});
