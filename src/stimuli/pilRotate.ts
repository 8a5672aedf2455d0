/**
 * PIL's `Image.rotate(angle, BILINEAR)` of a square 8-bit image (same size, about the centre,
 * fill 0), evaluated only at chosen output pixels (MODEL_SPEC §4.3 step 5).
 */

export interface RotationPlan {
  /** Source columns of the left and right bilinear neighbours (clipped to the image); x0 = −1 outside the image. */
  x0: Int16Array;
  x1: Int16Array;
  /** Source row (clipped) and the row below (−1 when it lies outside and is not blended). */
  y0: Int16Array;
  y1: Int16Array;
  /** Bilinear weights of the right neighbour and of the lower row. */
  dx: Float64Array;
  dy: Float64Array;
}

/** Python's round(x, 15): the nearest double to x rounded to 15 decimals. */
const round15 = (x: number) => Number(x.toFixed(15));

/**
 * How each output pixel (flat index row·size + column in `outIndex`) samples the source image when
 * rotated counter-clockwise by `angleDeg`. 90°, 180° and 270° are exact transposes, as PIL does
 * for square images; other angles use PIL's inverse affine map (matrix entries rounded to
 * 15 decimals, centre (size/2, size/2), each pixel sampled at its centre).
 */
export function pilRotationPlan(size: number, angleDeg: number, outIndex: Int32Array): RotationPlan {
  const n = outIndex.length;
  const plan: RotationPlan = {
    x0: new Int16Array(n),
    x1: new Int16Array(n),
    y0: new Int16Array(n),
    y1: new Int16Array(n).fill(-1),
    dx: new Float64Array(n),
    dy: new Float64Array(n),
  };
  const angle = ((angleDeg % 360) + 360) % 360;
  const last = size - 1;
  if (angle % 90 === 0) {
    for (let k = 0; k < n; k++) {
      const x = outIndex[k] % size;
      const y = (outIndex[k] - x) / size;
      const [sx, sy] =
        angle === 0
          ? [x, y]
          : angle === 90
            ? [last - y, x]
            : angle === 180
              ? [last - x, last - y]
              : [y, last - x];
      plan.x0[k] = plan.x1[k] = sx;
      plan.y0[k] = sy;
    }
    return plan;
  }
  const a = -(angle * (Math.PI / 180));
  const [m0, m1, m3, m4] = [
    round15(Math.cos(a)),
    round15(Math.sin(a)),
    round15(-Math.sin(a)),
    round15(Math.cos(a)),
  ];
  const c = size / 2;
  const m2 = m0 * -c + m1 * -c + 0 + c;
  const m5 = m3 * -c + m4 * -c + 0 + c;
  const clip = (i: number) => (i < 0 ? 0 : i > last ? last : i);
  for (let k = 0; k < n; k++) {
    const x = outIndex[k] % size;
    const y = (outIndex[k] - x) / size;
    const xin = m0 * (x + 0.5) + m1 * (y + 0.5) + m2;
    const yin = m3 * (x + 0.5) + m4 * (y + 0.5) + m5;
    if (xin < 0 || xin >= size || yin < 0 || yin >= size) {
      plan.x0[k] = -1;
      continue;
    }
    const fx = Math.floor(xin - 0.5);
    const fy = Math.floor(yin - 0.5);
    plan.dx[k] = xin - 0.5 - fx;
    plan.dy[k] = yin - 0.5 - fy;
    plan.x0[k] = clip(fx);
    plan.x1[k] = clip(fx + 1);
    plan.y0[k] = clip(fy);
    if (fy + 1 >= 0 && fy + 1 < size) plan.y1[k] = fy + 1;
  }
  return plan;
}

/**
 * Rotates an 8-bit image whose pixel (y, x) is `inside` where rowIn[y] and colIn[x] are both 1
 * and `outside` elsewhere (an axis-aligned rectangle, e.g. a bar), writing the samples
 * from … to − 1 of `plan` into `out`. The bilinear blend is truncated to 8 bits, as PIL does; samples outside the image are 0.
 */
export function rotateRectangle(
  rowIn: Uint8Array,
  colIn: Uint8Array,
  inside: number,
  outside: number,
  plan: RotationPlan,
  out: Uint8Array,
  from = 0,
  to = plan.x0.length,
): void {
  const { x0, x1, y0, y1, dx, dy } = plan;
  const span = inside - outside;
  for (let k = from; k < to; k++) {
    if (x0[k] < 0) {
      out[k] = 0;
      continue;
    }
    const left = colIn[x0[k]];
    const right = colIn[x1[k]];
    const top = rowIn[y0[k]];
    const bottom = y1[k] >= 0 ? rowIn[y1[k]] : top;
    const tl = top & left;
    // Four equal neighbours blend to themselves exactly; skip the weights (most pixels).
    if (tl === (top & right) && tl === (bottom & left) && tl === (bottom & right)) {
      out[k] = tl ? inside : outside;
      continue;
    }
    const a = outside + span * tl;
    let v = a + (outside + span * (top & right) - a) * dx[k];
    if (y1[k] >= 0) {
      const b = outside + span * (bottom & left);
      const w = b + (outside + span * (bottom & right) - b) * dx[k];
      v = v + (w - v) * dy[k];
    }
    out[k] = v; // Uint8Array assignment truncates toward zero (v lies in [0, 255])
  }
}
