import type { Texture } from './texture.ts';

/**
 * Samples a size × size view of a periodic texture with bilinear interpolation. Pixel
 * (row i, column j) shows the texture at centre + R(angle)·(j − c, i − c) with c = size//2
 * (the centre BoxEye samples), coordinates wrapping around the texture.
 */
export function renderView(
  texture: Texture,
  centreX: number,
  centreY: number,
  angle: number,
  size: number,
  out: Float32Array = new Float32Array(size * size),
): Float32Array {
  const n = texture.size;
  const mask = n - 1;
  const data = texture.data;
  const c = Math.floor(size / 2);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Wrapped centre plus a whole number of periods keeps coordinates positive, so that
  // truncation equals floor.
  const shift = n * Math.ceil(size / n + 1);
  const x0 = (((centreX % n) + n) % n) + shift;
  const y0 = (((centreY % n) + n) % n) + shift;
  for (let i = 0; i < size; i++) {
    let x = x0 - cos * c - sin * (i - c);
    let y = y0 - sin * c + cos * (i - c);
    const row = i * size;
    for (let j = 0; j < size; j++) {
      const xi = x | 0;
      const yi = y | 0;
      const wx = x - xi;
      const wy = y - yi;
      const c0 = xi & mask;
      const c1 = (xi + 1) & mask;
      const r0 = (yi & mask) * n;
      const r1 = ((yi + 1) & mask) * n;
      const top = data[r0 + c0] + wx * (data[r0 + c1] - data[r0 + c0]);
      const bottom = data[r1 + c0] + wx * (data[r1 + c1] - data[r1 + c0]);
      out[row + j] = top + wy * (bottom - top);
      x += cos;
      y += sin;
    }
  }
  return out;
}
