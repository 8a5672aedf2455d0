import { HEX_EYE, hexEyeMasks } from './hexEye.ts';
import { pilRotationPlan, rotateRectangle, type RotationPlan } from './pilRotate.ts';

/** Bars and edges on the HexEye monitor, one frame per offset (MODEL_SPEC §4.3 steps 1–6). */

export interface BarSpec {
  /** Directions of motion in degrees, counter-clockwise from rightwards. */
  angles: number[];
  /** Bar widths in LEDs (1 LED = 2.25°); 80 spans the screen (an edge). */
  widths: number[];
  /** Bar luminances in [0, 1]. */
  intensities: number[];
  /** Bar positions in LEDs from `barLocHorizontal`, one frame each. */
  offsets: number[];
  /** Bar height in LEDs. */
  height: number;
  /** Horizontal bar centre at offset 0 in degrees: 0 = left border (edges), 90 = screen centre (bars). */
  barLocHorizontal: number;
  /** Background luminance in [0, 1]. */
  background: number;
  extent: number;
}

// flyvis works in radians; the same float operations give the same truncated pixel positions.
const RAD = Math.PI / 180;
const LED_RAD = 2.25 * RAD;
const OMMATIDIUM_RAD = 5.8 * RAD;
const HALF_TURN_RAD = 180 * RAD;

/** Inclusive monitor pixel ranges covered by one bar before rotation, clipped to the monitor. */
export function barPixelRanges(width: number, height: number, offset: number, barLocHorizontal: number) {
  const { monitorPx: size, ppo } = HEX_EYE;
  const widthPx = Math.trunc(((width * LED_RAD) / OMMATIDIUM_RAD) * ppo);
  const heightPx = Math.trunc(((LED_RAD * height) / OMMATIDIUM_RAD) * ppo);
  const centreCol = Math.trunc((size * (barLocHorizontal * RAD + offset * LED_RAD)) / HALF_TURN_RAD);
  const centreRow = Math.trunc((size * (90 * RAD)) / HALF_TURN_RAD);
  const left = Math.trunc(centreCol - widthPx / 2);
  // flyvis slices with Python semantics; clipping at 0 only differs for bars entirely off-screen.
  return {
    row0: Math.max(0, Math.trunc(centreRow - heightPx / 2)),
    row1: Math.min(size - 1, Math.trunc(centreRow + heightPx / 2)),
    col0: Math.max(0, left),
    col1: Math.min(size - 1, left + widthPx),
  };
}

/** The HexEye mask pixels as flat indices into the monitor image padded by `pad` on every side. */
function paddedMaskPixels(extent: number, pad: number): Int32Array {
  const size = HEX_EYE.monitorPx;
  const { pixels } = hexEyeMasks(extent);
  const out = new Int32Array(pixels.length);
  for (let k = 0; k < pixels.length; k++) {
    const col = pixels[k] % size;
    out[k] = ((pixels[k] - col) / size + pad) * (size + 2 * pad) + col + pad;
  }
  return out;
}

/**
 * Per hexal, the box of source rows and columns its pixels read (−1 in rowMin when a pixel
 * samples outside the image): a hexal whose box lies wholly inside or outside the bar is uniform.
 */
function sourceBoxes(plan: RotationPlan, start: Int32Array) {
  const n = start.length - 1;
  const box = {
    rowMin: new Int16Array(n),
    rowMax: new Int16Array(n),
    colMin: new Int16Array(n),
    colMax: new Int16Array(n),
  };
  for (let h = 0; h < n; h++) {
    let [r0, r1, c0, c1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let k = start[h]; k < start[h + 1]; k++) {
      if (plan.x0[k] < 0) r0 = -Infinity;
      r0 = Math.min(r0, plan.y0[k]);
      r1 = Math.max(r1, plan.y0[k], plan.y1[k]);
      c0 = Math.min(c0, plan.x0[k]);
      c1 = Math.max(c1, plan.x1[k]);
    }
    [box.rowMin[h], box.rowMax[h], box.colMin[h], box.colMax[h]] = [r0 === -Infinity ? -1 : r0, r1, c0, c1];
  }
  return box;
}

/** Marks padded indices p whose monitor pixel clamp(p − pad) lies in [first, last] (edge padding replicates the border); returns prefix counts. */
function membership(table: Uint8Array, prefix: Int32Array, pad: number, first: number, last: number) {
  const size = HEX_EYE.monitorPx;
  for (let p = 0; p < table.length; p++) {
    const m = Math.min(size - 1, Math.max(0, p - pad));
    table[p] = m >= first && m <= last ? 1 : 0;
    prefix[p + 1] = prefix[p] + table[p];
  }
}

/** 1 if all of [a, b] is in, 0 if none is, −1 if mixed. */
function coverage(prefix: Int32Array, a: number, b: number): number {
  const count = prefix[b + 1] - prefix[a];
  return count === 0 ? 0 : count === b - a + 1 ? 1 : -1;
}

/**
 * Frames of the bar at every offset, nGroups × nOffsets × nHexals with groups ordered
 * angle × width × intensity (flyvis RenderedOffsets). For angles ≠ 0 (mod 360) the image is
 * edge-padded to 1095 px, quantised to 8 bits by truncation, rotated as PIL does and cropped, so
 * the grey background becomes 127/255. Only hexals that a bar border crosses are sampled pixel by
 * pixel; the others take the bar or background value.
 */
export function barOffsetFrames(spec: BarSpec): Float32Array {
  for (const value of [...spec.intensities, spec.background]) {
    if (!(value >= 0 && value <= 1)) {
      throw new Error(
        `Error in barOffsetFrames: intensities and background must lie in [0, 1], got ${value}`,
      );
    }
  }
  const size = HEX_EYE.monitorPx;
  const { nHexals, pixels, start } = hexEyeMasks(spec.extent);
  const nFrames = spec.angles.length * spec.widths.length * spec.intensities.length * spec.offsets.length;
  const out = new Float32Array(nFrames * nHexals);
  const samples = new Uint8Array(pixels.length);
  let frame = 0;
  for (const angle of spec.angles) {
    // Unrotated frames are the same computation without padding and quantisation.
    const rotated = angle % 360 !== 0;
    const pad = rotated ? (Math.trunc(Math.sqrt(2 * size * size)) - size) >> 1 : 0;
    const plan = pilRotationPlan(size + 2 * pad, rotated ? angle : 0, paddedMaskPixels(spec.extent, pad));
    const box = sourceBoxes(plan, start);
    const [rowIn, colIn] = [new Uint8Array(size + 2 * pad), new Uint8Array(size + 2 * pad)];
    const [rowPrefix, colPrefix] = [new Int32Array(size + 2 * pad + 1), new Int32Array(size + 2 * pad + 1)];
    for (const width of spec.widths) {
      for (const intensity of spec.intensities) {
        const [inside, outside] = rotated
          ? [Math.trunc(255 * intensity), Math.trunc(255 * spec.background)]
          : [intensity, spec.background];
        const scale = rotated ? 255 : 1;
        for (const offset of spec.offsets) {
          const r = barPixelRanges(width, spec.height, offset, spec.barLocHorizontal);
          membership(rowIn, rowPrefix, pad, r.row0, r.row1);
          membership(colIn, colPrefix, pad, r.col0, r.col1);
          const values = out.subarray(frame * nHexals, (frame + 1) * nHexals);
          frame++;
          for (let h = 0; h < nHexals; h++) {
            const count = start[h + 1] - start[h];
            // A hexal with samples outside the rotated image (rowMin −1) is never uniform.
            const rows = box.rowMin[h] < 0 ? -1 : coverage(rowPrefix, box.rowMin[h], box.rowMax[h]);
            const cols = box.rowMin[h] < 0 ? -1 : coverage(colPrefix, box.colMin[h], box.colMax[h]);
            let sum = 0;
            if (rows === 0 || cols === 0) sum = outside * count;
            else if (rows === 1 && cols === 1) sum = inside * count;
            else if (rotated) {
              rotateRectangle(rowIn, colIn, inside, outside, plan, samples, start[h], start[h + 1]);
              for (let k = start[h]; k < start[h + 1]; k++) sum += samples[k];
            } else {
              for (let k = start[h]; k < start[h + 1]; k++) {
                sum += rowIn[plan.y0[k]] & colIn[plan.x0[k]] ? inside : outside;
              }
            }
            values[h] = sum / scale / count;
          }
        }
      }
    }
  }
  return out;
}
