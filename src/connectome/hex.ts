/** Axial hexagonal coordinates (u, v) as in flyvis; see MODEL_SPEC §1.2. */

/** Number of columns in a hexagonal lattice of the given extent: 1 + 3R(R+1). */
export function hexCount(extent: number): number {
  return 1 + 3 * extent * (extent + 1);
}

/** Hex distance of (u, v) from the origin. */
export function hexDistance(u: number, v: number): number {
  return (Math.abs(u) + Math.abs(v) + Math.abs(u + v)) / 2;
}

export interface HexLattice {
  extent: number;
  u: Int32Array;
  v: Int32Array;
}

/**
 * The canonical enumeration of a lattice of extent R: u ascending, then v ascending within
 * max(−R, −R−u) … min(R, R−u). Index 360 of extent 15 is (0, 0).
 */
export function hexLattice(extent: number): HexLattice {
  if (!Number.isInteger(extent) || extent < 0) {
    throw new Error(`Error in hexLattice: extent must be a non-negative integer, but got ${extent}`);
  }
  const n = hexCount(extent);
  const u = new Int32Array(n);
  const v = new Int32Array(n);
  let k = 0;
  for (let uu = -extent; uu <= extent; uu++) {
    for (let vv = Math.max(-extent, -extent - uu); vv <= Math.min(extent, extent - uu); vv++) {
      u[k] = uu;
      v[k] = vv;
      k++;
    }
  }
  return { extent, u, v };
}

/** Index of (u, v) in the canonical enumeration, or −1 outside the lattice. */
export function hexIndex(extent: number, u: number, v: number): number {
  if (hexDistance(u, v) > extent) return -1;
  // Columns before row u: rows −R … u−1 have 2R+1−|row| entries each.
  let start = 0;
  for (let uu = -extent; uu < u; uu++) start += 2 * extent + 1 - Math.abs(uu);
  return start + v - Math.max(-extent, -extent - u);
}
