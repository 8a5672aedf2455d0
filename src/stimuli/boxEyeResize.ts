/**
 * Bilinear resize of nFrames × height × width frames to nFrames × outHeight × outWidth with
 * half-pixel centres (align_corners = false) and no antialiasing: source position
 * (dst + 0.5)·in/out − 0.5, clamped at 0, as torch `interpolate(mode='bilinear')`.
 */
export function resizeBilinear(
  frames: Float32Array,
  nFrames: number,
  height: number,
  width: number,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const rows = interpolationTaps(height, outHeight);
  const cols = interpolationTaps(width, outWidth);
  const out = new Float32Array(nFrames * outHeight * outWidth);
  for (let f = 0; f < nFrames; f++) {
    const src = f * height * width;
    const dst = f * outHeight * outWidth;
    for (let i = 0; i < outHeight; i++) {
      const top = src + rows.lo[i] * width;
      const bottom = src + rows.hi[i] * width;
      const wy = rows.weight[i];
      for (let j = 0; j < outWidth; j++) {
        const lo = cols.lo[j];
        const hi = cols.hi[j];
        const wx = cols.weight[j];
        const upper = frames[top + lo] * (1 - wx) + frames[top + hi] * wx;
        const lower = frames[bottom + lo] * (1 - wx) + frames[bottom + hi] * wx;
        out[dst + i * outWidth + j] = upper * (1 - wy) + lower * wy;
      }
    }
  }
  return out;
}

/** For each output index: the two source indices and the weight of the upper one. */
function interpolationTaps(size: number, outSize: number) {
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const weight = new Float64Array(outSize);
  const scale = size / outSize;
  for (let i = 0; i < outSize; i++) {
    const position = Math.max(0, (i + 0.5) * scale - 0.5);
    lo[i] = Math.min(Math.floor(position), size - 1);
    hi[i] = Math.min(lo[i] + 1, size - 1);
    weight[i] = position - lo[i];
  }
  return { lo, hi, weight };
}
