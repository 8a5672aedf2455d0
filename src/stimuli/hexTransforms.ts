import { hexIndex, hexLattice } from '../connectome/hex.ts';

/**
 * Rotations and mirror flips of hexal vectors as permutations of the canonical order
 * (MODEL_SPEC §1.2, §4.7). A permutation p is applied as new[k] = old[p[k]]: the new value at
 * coordinate c is the old value at the coordinate the transformation maps onto c.
 */
export type FlipAxis = 0 | 1 | 2 | 3;

type Transform = (u: number, v: number) => [number, number];

/** Inverse of a +60° rotation (u, v) → (−v, u + v). */
const unrotate60: Transform = (u, v) => [u + v, -u];

/** The three mirror axes (each its own inverse); axis 0 is the identity. */
const flips: Record<FlipAxis, Transform> = {
  0: (u, v) => [u, v],
  1: (u, v) => [u + v, -v],
  2: (u, v) => [-u, u + v],
  3: (u, v) => [-v, -u],
};

function permutationFrom(extent: number, inverse: Transform): Int32Array {
  const { u, v } = hexLattice(extent);
  const perm = new Int32Array(u.length);
  for (let k = 0; k < u.length; k++) {
    const [su, sv] = inverse(u[k], v[k]);
    perm[k] = hexIndex(extent, su, sv);
  }
  return perm;
}

/** Permutation rotating by n·60° counter-clockwise (in the plotting frame); any integer n. */
export function rotationPermutation(extent: number, nRotations: number): Int32Array {
  if (!Number.isInteger(nRotations)) {
    throw new Error(`Error in rotationPermutation: nRotations must be an integer, got ${nRotations}`);
  }
  const n = ((nRotations % 6) + 6) % 6;
  return permutationFrom(extent, (u, v) => {
    let c: [number, number] = [u, v];
    for (let i = 0; i < n; i++) c = unrotate60(c[0], c[1]);
    return c;
  });
}

/** Permutation mirroring about axis 1 (vertical), 2 (150°) or 3 (30°/210°); 0 is the identity. */
export function flipPermutation(extent: number, axis: FlipAxis): Int32Array {
  const flip = flips[axis];
  if (!flip) throw new Error(`Error in flipPermutation: axis must be 0, 1, 2 or 3, got ${axis}`);
  return permutationFrom(extent, flip);
}

/** Flip first, then rotate (flyvis's augmentation order), as one permutation. */
export function hexTransformPermutation(extent: number, flip: FlipAxis, nRotations: number): Int32Array {
  const flipPerm = flipPermutation(extent, flip);
  const rotPerm = rotationPermutation(extent, nRotations);
  return flipPerm.map((_, k) => flipPerm[rotPerm[k]]);
}

/**
 * Applies a permutation to every row of a (rows × nHexals) array, e.g. the frames of a movie.
 * Returns a new array.
 */
export function permuteHexals(values: Float32Array, perm: Int32Array): Float32Array {
  const n = perm.length;
  if (values.length % n !== 0) {
    throw new Error(
      `Error in permuteHexals: length must be a multiple of nHexals = ${n}, got ${values.length}`,
    );
  }
  const out = new Float32Array(values.length);
  for (let base = 0; base < values.length; base += n) {
    for (let k = 0; k < n; k++) out[base + k] = values[base + perm[k]];
  }
  return out;
}
