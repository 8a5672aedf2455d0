import { describe, expect, it } from 'vitest';
import { hexLattice } from '../connectome/hex.ts';
import { HEX_EYE, hexEyeMasks, renderHexEye } from './hexEye.ts';

const size = HEX_EYE.monitorPx;

describe('hexEyeMasks', () => {
  it('gives 32 hexals of 518 pixels, 336 of 524 and 353 of 541 at extent 15 (383,613 pixels in all)', () => {
    const { nHexals, pixels, start } = hexEyeMasks(15);
    const histogram = new Map<number, number>();
    for (let h = 0; h < nHexals; h++) {
      const n = start[h + 1] - start[h];
      histogram.set(n, (histogram.get(n) ?? 0) + 1);
    }
    expect(Object.fromEntries(histogram)).toEqual({ 518: 32, 524: 336, 541: 353 });
    expect(pixels.length).toBe(383_613);
    expect(new Set(pixels).size).toBe(383_613);
  });

  it('gives odd-v hexals 524 pixels (rows at ±12.5 px lie on an edge) and even-v hexals 541', () => {
    const { u, v } = hexLattice(15);
    const { start } = hexEyeMasks(15);
    for (let h = 0; h < u.length; h++) {
      const expected = Math.abs(v[h]) === 15 ? 518 : v[h] % 2 === 0 ? 541 : 524;
      expect(start[h + 1] - start[h]).toBe(expected);
    }
  });

  it('keeps the central hexals of the extent-15 masks for a smaller extent', () => {
    const small = hexEyeMasks(2);
    const full = hexEyeMasks(15);
    const lattice = hexLattice(15);
    const { u, v } = hexLattice(2);
    for (let h = 0; h < small.nHexals; h++) {
      const H = lattice.u.findIndex((uu, i) => uu === u[h] && lattice.v[i] === v[h]);
      expect(small.pixels.subarray(small.start[h], small.start[h + 1])).toEqual(
        full.pixels.subarray(full.start[H], full.start[H + 1]),
      );
    }
  });

  it('rejects an extent the monitor cannot hold', () => {
    expect(() => hexEyeMasks(16)).toThrow(
      /Error in hexEyeMasks: extent must be an integer in \[0, 15\], got 16/,
    );
  });
});

describe('renderHexEye', () => {
  it('renders a uniform image as that value in every hexal', () => {
    const out = renderHexEye(new Float32Array(size * size).fill(0.25), 3);
    expect(out.length).toBe(37);
    expect(Array.from(out).every((x) => x === 0.25)).toBe(true);
  });

  it('averages each hexal around its centre column 25·v + 387', () => {
    const image = new Float64Array(size * size);
    for (let i = 0; i < image.length; i++) image[i] = i % size;
    const out = renderHexEye(image, 15);
    const { v } = hexLattice(15);
    for (let h = 0; h < v.length; h++) {
      // The outermost columns are clipped by the monitor border, shifting their mean.
      if (Math.abs(v[h]) < 15) expect(out[h]).toBeCloseTo(25 * v[h] + 387, 4);
    }
  });

  it('rejects an image of the wrong size', () => {
    expect(() => renderHexEye(new Float32Array(10))).toThrow(
      'Error in renderHexEye: image must hold 775·775 pixels, got 10',
    );
  });
});
