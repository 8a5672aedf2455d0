import type { BoxEyeGeometry } from './boxEye.ts';
import type { Texture } from './texture.ts';

/**
 * A size × size view of a periodic texture, bilinearly interpolated: pixel (row i, column j)
 * shows the texture at centre + R(angle)·(j − c, i − c) with c = size//2 (the pixel BoxEye
 * puts at the central hexal), coordinates wrapping around the texture.
 */
export interface View {
  centreX: number;
  centreY: number;
  angle: number;
  size: number;
}

export function renderView(
  texture: Texture,
  view: View,
  out = new Float32Array(view.size * view.size),
): Float32Array {
  const frame = viewFrame(texture, view);
  for (let i = 0; i < view.size; i++) sampleRow(texture, frame, i, 0, view.size, out, i * view.size);
  return out;
}

/**
 * BoxEye "mean" of the view, sampling only the pixels inside the receptor boxes (about 80 % of
 * the view) and never storing the frame. Bit-identical to renderBoxEye(renderView(…)): the
 * same float32 pixel values are summed in the same order.
 */
export function renderViewHexals(
  texture: Texture,
  view: View,
  geometry: BoxEyeGeometry,
  out = new Float32Array(geometry.nHexals),
): Float32Array {
  const { size } = view;
  if (size < geometry.minFrameSize) {
    throw new Error(`Error in renderViewHexals: view size must be ≥ ${geometry.minFrameSize}, got ${size}`);
  }
  const frame = viewFrame(texture, view);
  const half = (geometry.kernelSize - 1) / 2;
  const scale = 1 / (geometry.kernelSize * geometry.kernelSize);
  const c = Math.floor(size / 2);
  const run = new Float32Array(geometry.kernelSize);
  for (let k = 0; k < geometry.nHexals; k++) {
    const row = c + geometry.rowOffset[k];
    const col = c + geometry.colOffset[k];
    const colStart = Math.max(0, col - half);
    const colEnd = Math.min(size - 1, col + half);
    let sum = 0;
    for (let r = Math.max(0, row - half); r <= Math.min(size - 1, row + half); r++) {
      sampleRow(texture, frame, r, colStart, colEnd + 1, run, 0);
      for (let j = 0; j <= colEnd - colStart; j++) sum += run[j];
    }
    out[k] = sum * scale;
  }
  return out;
}

interface ViewFrame {
  /** Texture position of pixel (0, 0), wrapped and shifted so that coordinates stay positive. */
  x0: number;
  y0: number;
  cos: number;
  sin: number;
}

function viewFrame(texture: Texture, view: View): ViewFrame {
  const n = texture.size;
  const c = Math.floor(view.size / 2);
  const cos = Math.cos(view.angle);
  const sin = Math.sin(view.angle);
  // A whole number of periods keeps coordinates positive, so that truncation equals floor.
  const shift = n * Math.ceil(view.size / n + 1);
  const cx = (((view.centreX % n) + n) % n) + shift;
  const cy = (((view.centreY % n) + n) % n) + shift;
  return { x0: cx - cos * c + sin * c, y0: cy - sin * c - cos * c, cos, sin };
}

/** Pixels j = jStart … jEnd − 1 of view row i, written to out[offset …]. */
function sampleRow(
  texture: Texture,
  frame: ViewFrame,
  i: number,
  jStart: number,
  jEnd: number,
  out: Float32Array,
  offset: number,
): void {
  const { data, size: n } = texture;
  const mask = n - 1;
  const { cos, sin } = frame;
  const rowX = frame.x0 - sin * i;
  const rowY = frame.y0 + cos * i;
  for (let j = jStart; j < jEnd; j++) {
    const x = rowX + cos * j;
    const y = rowY + sin * j;
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
    out[offset + j - jStart] = top + wy * (bottom - top);
  }
}
