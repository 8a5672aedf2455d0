import { hexLattice } from '../connectome/hex.ts';
import { resizeBilinear } from './boxEyeResize.ts';

/**
 * flyvis BoxEye (MODEL_SPEC §4.1): a Cartesian movie → one value per hexal, the 13 × 13 box
 * around each receptor centre. "mean" is used for luminance, "sum" for optic flow, "median"
 * for depth.
 */
export type BoxEyeMode = 'mean' | 'sum' | 'median';

export interface BoxEyeOptions {
  /** @default 15 */
  extent?: number;
  /** Box side in pixels, also the receptor spacing. @default 13 */
  kernelSize?: number;
  /** @default 'mean' */
  mode?: BoxEyeMode;
}

export interface BoxEyeGeometry {
  extent: number;
  kernelSize: number;
  nHexals: number;
  /** Receptor row offsets from the frame centre: trunc(d·(u + v/2)), truncated toward zero. */
  rowOffset: Int32Array;
  /** Receptor column offsets from the frame centre: d·v. */
  colOffset: Int32Array;
  /** Smallest frame side that holds every receptor centre: 2·max|offset| + 1 (391 at extent 15). */
  minFrameSize: number;
}

export function boxEyeGeometry(extent = 15, kernelSize = 13): BoxEyeGeometry {
  if (!Number.isInteger(kernelSize) || kernelSize < 1 || kernelSize % 2 === 0) {
    throw new Error(`Error in boxEyeGeometry: kernelSize must be an odd positive integer, got ${kernelSize}`);
  }
  const { u, v } = hexLattice(extent);
  const n = u.length;
  const rowOffset = new Int32Array(n);
  const colOffset = new Int32Array(n);
  let maxOffset = 0;
  for (let k = 0; k < n; k++) {
    rowOffset[k] = Math.trunc(kernelSize * (u[k] + v[k] / 2));
    colOffset[k] = kernelSize * v[k];
    maxOffset = Math.max(maxOffset, Math.abs(rowOffset[k]), Math.abs(colOffset[k]));
  }
  return { extent, kernelSize, nHexals: n, rowOffset, colOffset, minFrameSize: 2 * maxOffset + 1 };
}

/**
 * Renders frames (nFrames × height × width, row-major) to nFrames × nHexals.
 *
 * Frames with a side smaller than minFrameSize (391) are first resized to 391 × 391 with
 * bilinear interpolation, half-pixel centres and no antialiasing (torch `interpolate`
 * semantics; flyvis's torchvision resize may antialias when shrinking one side, MODEL_SPEC §4.1
 * UNSURE). The box is zero-padded for "mean"/"sum" (so border boxes see zeros) and
 * reflect-padded (mirror without repeating the edge pixel) for "median". Only the boxes at the
 * receptor centres [H//2 + row, W//2 + col] are evaluated; the boxes of neighbouring receptors
 * barely overlap, so this touches each pixel about once — cheaper than a summed-area table
 * over the whole frame, and exact in float64 accumulation.
 */
export function renderBoxEye(
  frames: Float32Array,
  nFrames: number,
  height: number,
  width: number,
  options: BoxEyeOptions = {},
): Float32Array {
  const { extent = 15, kernelSize = 13, mode = 'mean' } = options;
  if (frames.length !== nFrames * height * width) {
    throw new Error(
      `Error in renderBoxEye: frames must have nFrames × height × width = ${nFrames} × ${height} × ${width} = ` +
        `${nFrames * height * width} values, got ${frames.length}`,
    );
  }
  const geometry = boxEyeGeometry(extent, kernelSize);
  const size = geometry.minFrameSize;
  if (height < size || width < size) {
    frames = resizeBilinear(frames, nFrames, height, width, size, size);
    height = size;
    width = size;
  }
  const out = new Float32Array(nFrames * geometry.nHexals);
  const frameSize = height * width;
  for (let f = 0; f < nFrames; f++) {
    const frame = frames.subarray(f * frameSize, (f + 1) * frameSize);
    const hexals = out.subarray(f * geometry.nHexals, (f + 1) * geometry.nHexals);
    if (mode === 'median') boxMedians(frame, height, width, geometry, hexals);
    else boxSums(frame, height, width, geometry, mode === 'mean' ? 1 / (kernelSize * kernelSize) : 1, hexals);
  }
  return out;
}

function boxSums(
  frame: Float32Array,
  height: number,
  width: number,
  g: BoxEyeGeometry,
  scale: number,
  out: Float32Array,
): void {
  const half = (g.kernelSize - 1) / 2;
  const r0 = Math.floor(height / 2);
  const c0 = Math.floor(width / 2);
  for (let k = 0; k < g.nHexals; k++) {
    const row = r0 + g.rowOffset[k];
    const col = c0 + g.colOffset[k];
    const rowEnd = Math.min(height - 1, row + half);
    const colStart = Math.max(0, col - half);
    const colEnd = Math.min(width - 1, col + half);
    let sum = 0;
    for (let r = Math.max(0, row - half); r <= rowEnd; r++) {
      const base = r * width;
      for (let c = colStart; c <= colEnd; c++) sum += frame[base + c];
    }
    out[k] = sum * scale;
  }
}

function boxMedians(
  frame: Float32Array,
  height: number,
  width: number,
  g: BoxEyeGeometry,
  out: Float32Array,
): void {
  const half = (g.kernelSize - 1) / 2;
  const r0 = Math.floor(height / 2);
  const c0 = Math.floor(width / 2);
  const window = new Float64Array(g.kernelSize * g.kernelSize);
  for (let k = 0; k < g.nHexals; k++) {
    const row = r0 + g.rowOffset[k];
    const col = c0 + g.colOffset[k];
    let n = 0;
    for (let dr = -half; dr <= half; dr++) {
      const base = reflect(row + dr, height) * width;
      for (let dc = -half; dc <= half; dc++) window[n++] = frame[base + reflect(col + dc, width)];
    }
    window.sort();
    out[k] = window[(n - 1) >> 1];
  }
}

/** Reflect padding without repeating the edge: −1 → 1, size → size − 2. */
function reflect(i: number, size: number): number {
  if (i < 0) return -i;
  if (i >= size) return 2 * (size - 1) - i;
  return i;
}
