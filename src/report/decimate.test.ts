import { describe, expect, it } from 'vitest';
import { decimateMinMax } from './decimate.ts';
import { logDecades } from './logTicks.ts';

describe('decimateMinMax', () => {
  it('returns a short trace unchanged', () => {
    expect(decimateMinMax([0, 1, 2], [5, 6, 7], 10)).toEqual({ time: [0, 1, 2], values: [5, 6, 7] });
  });

  it('keeps a one-sample spike that striding would drop, within the point budget', () => {
    const n = 1000;
    const time = Float64Array.from({ length: n }, (_, i) => i / 200);
    const values = Float64Array.from({ length: n }, (_, i) =>
      i === 457 ? 9 : i === 811 ? -4 : Math.sin(i / 50),
    );
    const thin = decimateMinMax(time, values, 100);
    expect(thin.time.length).toBeLessThanOrEqual(100);
    expect(Math.max(...thin.values)).toBe(9);
    expect(Math.min(...thin.values)).toBe(-4);
    expect(thin.time).toEqual([...thin.time].sort((a, b) => a - b));
  });

  it('names both lengths when time and values disagree', () => {
    expect(() => decimateMinMax([0, 1], [1], 10)).toThrow('time has length 2 but values has length 1');
  });
});

describe('logDecades', () => {
  it('spans the positive values with powers of ten, ignoring zeros', () => {
    expect(logDecades([0, 0.004, 0.3, 2])).toEqual([0.001, 0.01, 0.1, 1, 10]);
  });

  it('throws when nothing can go on a log axis', () => {
    expect(() => logDecades([0, -1, NaN])).toThrow('Error in logDecades');
  });
});
