import { describe, expect, it } from 'vitest';
import { hexCount, hexDistance, hexIndex, hexLattice } from './hex.ts';

describe('hexLattice', () => {
  it('enumerates extent 1 as (−1,0), (−1,1), (0,−1), (0,0), (0,1), (1,−1), (1,0)', () => {
    const l = hexLattice(1);
    expect(Array.from(l.u, (u, k) => [u, l.v[k]])).toEqual([
      [-1, 0],
      [-1, 1],
      [0, -1],
      [0, 0],
      [0, 1],
      [1, -1],
      [1, 0],
    ]);
  });

  it('has 721 columns at extent 15, (0,0) at index 360 and (15,0) last, all within hex distance 15', () => {
    const l = hexLattice(15);
    expect(hexCount(15)).toBe(721);
    expect(l.u.length).toBe(721);
    expect([l.u[360], l.v[360], l.u[720], l.v[720]]).toEqual([0, 0, 15, 0]);
    expect(Array.from(l.u).every((u, k) => hexDistance(u, l.v[k]) <= 15)).toBe(true);
  });

  it('hexIndex inverts the enumeration and gives −1 outside the lattice', () => {
    const l = hexLattice(15);
    expect(Array.from(l.u, (u, k) => hexIndex(15, u, l.v[k]))).toEqual([...Array(721).keys()]);
    expect([hexIndex(15, 16, 0), hexIndex(15, 8, 8), hexIndex(15, -15, -1)]).toEqual([-1, -1, -1]);
  });

  it('rejects a negative or fractional extent', () => {
    expect(() => hexLattice(-1)).toThrow(
      'Error in hexLattice: extent must be a non-negative integer, but got -1',
    );
    expect(() => hexLattice(1.5)).toThrow(/got 1\.5/);
  });
});
