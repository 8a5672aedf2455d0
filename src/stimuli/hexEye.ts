import { hexLattice } from '../connectome/hex.ts';

/**
 * HexEye (MODEL_SPEC §4.2): each hexal averages the pixels of a regular hexagon on a 775 × 775 px
 * monitor (31 ommatidia × 25 px, ≈ 180°). The monitor is always the extent-15 one; a smaller
 * extent keeps the central hexals, so its stimuli are the centre of the extent-15 stimuli.
 */
export const HEX_EYE = {
  /** Monitor width and height in pixels. */
  monitorPx: 775,
  /** Pixels per ommatidium (hexal spacing). */
  ppo: 25,
  /** Largest lattice extent whose hexagons fit the monitor. */
  maxExtent: 15,
  /** Centre-to-edge distance of each hexagon in pixels. */
  apothemPx: 12.5,
} as const;

export interface HexEyeMasks {
  extent: number;
  nHexals: number;
  /** Flat pixel indices (row·775 + column), hexal after hexal in canonical order. */
  pixels: Int32Array;
  /** Hexal h owns pixels[start[h] … start[h + 1]). */
  start: Int32Array;
}

const cache = new Map<number, HexEyeMasks>();

/**
 * The pixel masks of every hexal, built once per extent. Hexal centres: column = 25·v + 387,
 * row = 25·(u + v/2) + 387. A pixel belongs to a hexal if it lies strictly inside the flat-topped
 * hexagon with apothem 12.5 px (vertices at 0°, 60°, … in the column/row plane). The test is
 * exact in float64: pixels on the horizontal edges (rows at ±12.5 when v is odd) are outside,
 * and no pixel comes within 1e-2 px of a slanted edge.
 */
export function hexEyeMasks(extent: number = HEX_EYE.maxExtent): HexEyeMasks {
  if (!Number.isInteger(extent) || extent < 0 || extent > HEX_EYE.maxExtent) {
    throw new Error(
      `Error in hexEyeMasks: extent must be an integer in [0, ${HEX_EYE.maxExtent}], got ${extent}`,
    );
  }
  const cached = cache.get(extent);
  if (cached) return cached;
  const { monitorPx: size, ppo, apothemPx: a } = HEX_EYE;
  const centre = Math.floor(size / 2);
  const { u, v } = hexLattice(extent);
  const start = new Int32Array(u.length + 1);
  const pixels: number[] = [];
  const reach = Math.ceil((2 / Math.sqrt(3)) * a);
  for (let h = 0; h < u.length; h++) {
    const cx = ppo * v[h] + centre;
    const cy = ppo * (u[h] + v[h] / 2) + centre;
    const r0 = Math.max(0, Math.ceil(cy - a));
    const r1 = Math.min(size - 1, Math.floor(cy + a));
    const c0 = Math.max(0, Math.floor(cx) - reach);
    const c1 = Math.min(size - 1, Math.ceil(cx) + reach);
    for (let r = r0; r <= r1; r++) {
      const dy = Math.abs(r - cy);
      if (!(dy < a)) continue;
      for (let c = c0; c <= c1; c++) {
        if (Math.sqrt(3) * Math.abs(c - cx) + dy < 2 * a) pixels.push(r * size + c);
      }
    }
    start[h + 1] = pixels.length;
  }
  const masks = { extent, nHexals: u.length, pixels: Int32Array.from(pixels), start };
  cache.set(extent, masks);
  return masks;
}

/** Mean of each hexal's pixels of a 775 × 775 image (row-major) → Float32Array(nHexals). */
export function renderHexEye(image: ArrayLike<number>, extent: number = HEX_EYE.maxExtent): Float32Array {
  const size = HEX_EYE.monitorPx;
  if (image.length !== size * size) {
    throw new Error(`Error in renderHexEye: image must hold ${size}·${size} pixels, got ${image.length}`);
  }
  const { nHexals, pixels, start } = hexEyeMasks(extent);
  const out = new Float32Array(nHexals);
  for (let h = 0; h < nHexals; h++) {
    let sum = 0;
    for (let k = start[h]; k < start[h + 1]; k++) sum += image[pixels[k]];
    out[h] = sum / (start[h + 1] - start[h]);
  }
  return out;
}
