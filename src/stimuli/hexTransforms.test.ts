import { describe, expect, it } from 'vitest';
import { hexCount, hexIndex, hexLattice } from '../connectome/hex.ts';
import {
  flipPermutation,
  hexTransformPermutation,
  permuteHexals,
  rotationPermutation,
  type FlipAxis,
} from './hexTransforms.ts';

// flyvis's extent-1 test values (MODEL_SPEC §4.7): inputs 0…6 → outputs.
const rotated = [
  [0, 1, 2, 3, 4, 5, 6],
  [1, 4, 0, 3, 6, 2, 5],
  [4, 6, 1, 3, 5, 0, 2],
  [6, 5, 4, 3, 2, 1, 0],
  [5, 2, 6, 3, 0, 4, 1],
  [2, 0, 5, 3, 1, 6, 4],
];
const flipped = [
  [0, 1, 2, 3, 4, 5, 6],
  [0, 2, 1, 3, 5, 4, 6],
  [5, 6, 2, 3, 4, 0, 1],
  [4, 1, 6, 3, 0, 5, 2],
];
const identity7 = Float32Array.from({ length: 7 }, (_, k) => k);

describe('rotationPermutation', () => {
  it('reproduces flyvis rotations by n·60° at extent 1', () => {
    for (let n = 0; n < 6; n++)
      expect(Array.from(permuteHexals(identity7, rotationPermutation(1, n)))).toEqual(rotated[n]);
  });

  it('is periodic in 6 and accepts negative counts', () => {
    expect(rotationPermutation(15, 7)).toEqual(rotationPermutation(15, 1));
    expect(rotationPermutation(15, -1)).toEqual(rotationPermutation(15, 5));
  });

  it('composes: two single rotations equal one double rotation at extent 15', () => {
    const once = rotationPermutation(15, 1);
    const twice = permuteHexals(
      permuteHexals(
        Float32Array.from({ length: 721 }, (_, k) => k),
        once,
      ),
      once,
    );
    expect(Array.from(twice)).toEqual(Array.from(rotationPermutation(15, 2)));
  });

  it('moves the value at (1, 0) to (0, 1) after one rotation (a +60° turn) at extent 4', () => {
    const values = new Float32Array(hexCount(4));
    values[hexIndex(4, 1, 0)] = 1;
    expect(permuteHexals(values, rotationPermutation(4, 1))[hexIndex(4, 0, 1)]).toBe(1);
  });
});

describe('flipPermutation', () => {
  it('reproduces flyvis flips about axes 1–3 at extent 1', () => {
    for (const axis of [0, 1, 2, 3] as FlipAxis[]) {
      expect(Array.from(permuteHexals(identity7, flipPermutation(1, axis)))).toEqual(flipped[axis]);
    }
  });

  it('gives involutions that are permutations for any extent', () => {
    for (const extent of [0, 2, 15]) {
      for (const axis of [1, 2, 3] as FlipAxis[]) {
        const perm = flipPermutation(extent, axis);
        expect(new Set(perm).size).toBe(hexCount(extent));
        expect(perm.every((p, k) => perm[p] === k)).toBe(true);
      }
    }
  });
});

describe('hexTransformPermutation', () => {
  it('flips first, then rotates', () => {
    const values = Float32Array.from({ length: 721 }, (_, k) => k);
    const stepwise = permuteHexals(permuteHexals(values, flipPermutation(15, 1)), rotationPermutation(15, 2));
    expect(Array.from(permuteHexals(values, hexTransformPermutation(15, 1, 2)))).toEqual(
      Array.from(stepwise),
    );
  });

  it('keeps the centre in place', () => {
    const centre = hexLattice(15).u.length >> 1;
    for (let n = 0; n < 6; n++) expect(hexTransformPermutation(15, 1, n)[centre]).toBe(centre);
  });
});

describe('permuteHexals', () => {
  it('permutes every frame and rejects lengths that are not whole frames', () => {
    const movie = Float32Array.of(...identity7, ...identity7.map((x) => x + 10));
    expect(Array.from(permuteHexals(movie, rotationPermutation(1, 3)))).toEqual([
      6, 5, 4, 3, 2, 1, 0, 16, 15, 14, 13, 12, 11, 10,
    ]);
    expect(() => permuteHexals(new Float32Array(8), rotationPermutation(1, 1))).toThrow(
      /multiple of nHexals = 7/,
    );
  });
});
