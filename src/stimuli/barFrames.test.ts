import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { refFloat32 } from '../testing/reference.ts';
import { barOffsetFrames, barPixelRanges } from './barFrames.ts';

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

describe('barPixelRanges', () => {
  it('sizes bars as flyvis: width 80 LEDs → 775 px, height 9 → 87 px, centred at column 387 for 90°', () => {
    const edge = barPixelRanges(80, 80, 0, 0);
    expect(edge).toEqual({ row0: 0, row1: 774, col0: 0, col1: 388 });
    // Centre 387 = int(775/2); 9 px wide from int(387 − 4.5), inclusive ends.
    expect(barPixelRanges(1, 9, 0, 90)).toEqual({ row0: 343, row1: 430, col0: 382, col1: 391 });
  });
});
