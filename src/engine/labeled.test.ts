import { describe, it, expect } from 'vitest';
import { isel, labeled, max, mean, min, sel, sidecar, std, type Labeled } from './labeled.ts';

/** sample × time × cell_type with value = 100·sample + 10·time + type. */
function example(): Labeled {
  const data = new Float32Array(2 * 3 * 4);
  for (let s = 0; s < 2; s++)
    for (let t = 0; t < 3; t++) for (let c = 0; c < 4; c++) data[(s * 3 + t) * 4 + c] = 100 * s + 10 * t + c;
  return labeled({
    data,
    dims: ['sample', 'time', 'cell_type'],
    shape: [2, 3, 4],
    coords: { time: [0, 0.5, 1], cell_type: ['R1', 'L1', 'T4a', 'T5a'] },
    attrs: { dt: 0.5 },
  });
}

describe('labeled', () => {
  it('rejects a coordinate whose length differs from the data, in xarray wording', () => {
    expect(() =>
      labeled({
        data: new Float32Array(200),
        dims: ['time'],
        shape: [200],
        coords: { time: Array.from({ length: 199 }, (_, i) => i) },
      }),
    ).toThrow(
      "conflicting sizes for dimension 'time': length 200 on the data but length 199 on coordinate 'time'",
    );
  });

  it('rejects a shape whose rank differs from the number of dims', () => {
    expect(() => labeled({ data: new Float32Array(6), dims: ['time'], shape: [2, 3] })).toThrow(
      'different number of dimensions on data and dims: 2 vs 1',
    );
  });

  it('rejects data whose length does not fill the shape, and coordinates of unknown dims', () => {
    expect(() => labeled({ data: new Float32Array(5), dims: ['a', 'b'], shape: [2, 3] })).toThrow(
      'holds 6 values',
    );
    expect(() =>
      labeled({ data: new Float32Array(2), dims: ['a'], shape: [2], coords: { b: [1, 2] } }),
    ).toThrow("coordinate 'b' has no matching dimension");
  });

  it('takes the shape from the coordinates when every dim has one', () => {
    const r = labeled({
      data: new Float32Array(6),
      dims: ['x', 'y'],
      coords: { x: [1, 2], y: ['a', 'b', 'c'] },
    });
    expect(r.shape).toEqual([2, 3]);
  });
});

describe('sel and isel', () => {
  it('sel by a scalar coordinate value drops the dimension', () => {
    const r = sel(example(), { cell_type: 'T4a' });
    expect(r.dims).toEqual(['sample', 'time']);
    expect(Array.from(r.data)).toEqual([2, 12, 22, 102, 112, 122]);
    expect(r.coords).toEqual({ time: [0, 0.5, 1] });
    expect(r.attrs).toEqual({ dt: 0.5 });
  });

  it('sel by a list keeps the dimension in the requested order', () => {
    const r = sel(example(), { cell_type: ['T5a', 'R1'], time: 1 });
    expect(r.dims).toEqual(['sample', 'cell_type']);
    expect(r.coords.cell_type).toEqual(['T5a', 'R1']);
    expect(Array.from(r.data)).toEqual([23, 20, 123, 120]);
  });

  it('sel with method nearest finds the closest numeric coordinate', () => {
    expect(sel(example(), { time: 0.49 }, { method: 'nearest' }).data[0]).toBe(10);
    expect(() => sel(example(), { time: 0.49 })).toThrow("0.49 not found in coordinate 'time'");
  });

  it('sel names the coordinate when a value is missing', () => {
    expect(() => sel(example(), { cell_type: 'Mi1' })).toThrow(`"Mi1" not found in coordinate 'cell_type'`);
    expect(() => sel(example(), { sample: 0 })).toThrow("dimension 'sample' has no coordinate");
  });

  it('isel selects by position and rejects out-of-bounds indices and unknown dims', () => {
    expect(Array.from(isel(example(), { sample: 1, time: 2 }).data)).toEqual([120, 121, 122, 123]);
    expect(() => isel(example(), { time: 3 })).toThrow(
      "index 3 is out of bounds for dimension 'time' of size 3",
    );
    expect(() => isel(example(), { frame: 0 })).toThrow("dimension 'frame' not found");
  });
});

describe('reductions', () => {
  it('mean over a named dimension removes it and keeps the other coordinates', () => {
    const r = mean(example(), 'time');
    expect(r.dims).toEqual(['sample', 'cell_type']);
    expect(r.coords).toEqual({ cell_type: ['R1', 'L1', 'T4a', 'T5a'] });
    expect(Array.from(r.data)).toEqual([10, 11, 12, 13, 110, 111, 112, 113]);
  });

  it('max, min and std reduce over several dimensions at once', () => {
    expect(Array.from(max(example(), ['sample', 'time']).data)).toEqual([120, 121, 122, 123]);
    expect(Array.from(min(example(), ['sample', 'time']).data)).toEqual([0, 1, 2, 3]);
    const s = std(example(), ['sample', 'cell_type']);
    // Values 10t + {0,1,2,3} and 100 + 10t + {0,1,2,3}: population variance 50² + 1.25.
    for (const x of s.data) expect(x).toBeCloseTo(Math.sqrt(2500 + 1.25), 4);
  });

  it('reductions skip NaN, and an all-NaN slice gives NaN', () => {
    const r = labeled({
      data: Float32Array.from([1, NaN, 3, NaN, NaN, NaN]),
      dims: ['a', 'b'],
      shape: [2, 3],
    });
    expect(Array.from(mean(r, 'b').data)).toEqual([2, NaN]);
    expect(Array.from(max(r, 'b').data)).toEqual([3, NaN]);
  });
});

describe('sidecar', () => {
  it('describes dims, shape, coords, attrs and dtype for a .npy + .json pair', () => {
    const s = sidecar(example());
    expect(s).toEqual({
      dims: ['sample', 'time', 'cell_type'],
      shape: [2, 3, 4],
      coords: { time: [0, 0.5, 1], cell_type: ['R1', 'L1', 'T4a', 'T5a'] },
      attrs: { dt: 0.5 },
      dtype: 'float32',
    });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
