import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { refFloat32 } from '../testing/reference.ts';
import { barOffsetFrames, barPixelRanges } from './barFrames.ts';
import { renderHexEye } from './hexEye.ts';
import { pilRotationPlan } from './pilRotate.ts';

const angles = Array.from({ length: 12 }, (_, i) => 30 * i);
const offsets = Array.from({ length: 21 }, (_, i) => i - 10);
const edgeSpec = {
  angles,
  widths: [80],
  intensities: [0, 1],
  offsets,
  height: 80,
  barLocHorizontal: 0,
  background: 0.5,
  extent: 15,
};

describe('barOffsetFrames', () => {
  it('reproduces flyvis edge frames for all 12 angles × ON/OFF × 21 offsets within 1e-6', () => {
    const frames = barOffsetFrames(edgeSpec);
    const ref = refFloat32('default', 'moving_edge_offset_frames.npy');
    expect(ref.shape).toEqual([24, 21, 721]);
    let maxDiff = 0;
    for (let i = 0; i < frames.length; i++) maxDiff = Math.max(maxDiff, Math.abs(frames[i] - ref.data[i]));
    expect(maxDiff).toBeLessThan(1e-6);
  });

  it('renders the central column of a smaller lattice as the extent-15 one', () => {
    const spec = { ...edgeSpec, angles: [30, 90], offsets: [-3, 0, 4] };
    const small = barOffsetFrames({ ...spec, extent: 3 });
    const full = barOffsetFrames(spec);
    for (let f = 0; f < 2 * 2 * 3; f++) {
      expect(small[f * 37 + hexIndex(3, 0, 0)]).toBe(full[f * 721 + hexIndex(15, 0, 0)]);
    }
  });

  it('turns the grey background into 127/255 for rotated frames and keeps 0.5 at 0°', () => {
    const frames = barOffsetFrames({ ...edgeSpec, angles: [0, 60], intensities: [1], offsets: [-10] });
    const top = hexIndex(15, -15, 0); // ahead of the edge at offset −10 for both directions
    expect(frames[top]).toBe(0.5);
    expect(frames[721 + top]).toBeCloseTo(127 / 255, 7);
  });

  it('moves an ON edge at 0° rightwards: the central column turns bright at offset 0', () => {
    const frames = barOffsetFrames({ ...edgeSpec, angles: [0], intensities: [1], offsets: [-1, 0] });
    const centre = hexIndex(15, 0, 0);
    expect(frames[centre]).toBeLessThan(0.6);
    expect(frames[721 + centre]).toBeGreaterThan(0.5);
  });
});

/** The whole 775² monitor image of one bar, drawn and rotated pixel by pixel (no shortcuts). */
function directBarImage(angle: number, width: number, intensity: number, offset: number): Float64Array {
  const [size, pad] = [775, 160];
  const r = barPixelRanges(width, 9, offset, 90);
  const monitor = new Float64Array(size * size).fill(0.5);
  for (let y = r.row0; y <= r.row1; y++) monitor.fill(intensity, y * size + r.col0, y * size + r.col1 + 1);
  if (angle % 360 === 0) return monitor;
  const P = size + 2 * pad;
  const clamp = (p: number) => Math.min(size - 1, Math.max(0, p - pad));
  const padded = new Uint8Array(P * P);
  for (let y = 0; y < P; y++)
    for (let x = 0; x < P; x++) padded[y * P + x] = Math.trunc(255 * monitor[clamp(y) * size + clamp(x)]);
  const crop = Int32Array.from(
    { length: size * size },
    (_, i) => (Math.floor(i / size) + pad) * P + (i % size) + pad,
  );
  const plan = pilRotationPlan(P, angle, crop);
  const out = new Float64Array(size * size);
  for (let k = 0; k < crop.length; k++) {
    if (plan.x0[k] < 0) continue;
    const px = (y: number, x: number) => padded[y * P + x];
    let v =
      px(plan.y0[k], plan.x0[k]) + (px(plan.y0[k], plan.x1[k]) - px(plan.y0[k], plan.x0[k])) * plan.dx[k];
    if (plan.y1[k] >= 0) {
      const w =
        px(plan.y1[k], plan.x0[k]) + (px(plan.y1[k], plan.x1[k]) - px(plan.y1[k], plan.x0[k])) * plan.dx[k];
      v += (w - v) * plan.dy[k];
    }
    out[k] = Math.trunc(v) / 255;
  }
  return out;
}

describe('barOffsetFrames for bars', () => {
  it('equals a pixel-by-pixel rendering of the whole monitor for narrow bars at several angles', () => {
    for (const [angle, width, intensity, offset] of [
      [0, 1, 1, 0],
      [30, 1, 0, -3],
      [150, 4, 1, 7],
      [270, 2, 0, 2],
    ]) {
      const fast = barOffsetFrames({
        angles: [angle],
        widths: [width],
        intensities: [intensity],
        offsets: [offset],
        height: 9,
        barLocHorizontal: 90,
        background: 0.5,
        extent: 15,
      });
      const direct = renderHexEye(directBarImage(angle, width, intensity, offset));
      let maxDiff = 0;
      for (let h = 0; h < 721; h++) maxDiff = Math.max(maxDiff, Math.abs(fast[h] - direct[h]));
      expect(maxDiff).toBeLessThan(1e-7);
    }
  });
});

describe('barPixelRanges', () => {
  it('sizes bars as flyvis: width 80 LEDs → 775 px, height 9 → 87 px, centred at column 387 for 90°', () => {
    const edge = barPixelRanges(80, 80, 0, 0);
    expect(edge).toEqual({ row0: 0, row1: 774, col0: 0, col1: 388 });
    // Centre 387 = int(775/2); 9 px wide from int(387 − 4.5), inclusive ends.
    expect(barPixelRanges(1, 9, 0, 90)).toEqual({ row0: 343, row1: 430, col0: 382, col1: 391 });
  });
});
