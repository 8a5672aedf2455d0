import { describe, expect, it } from 'vitest';
import { prng } from '../util/random.ts';
import {
  drawTrajectory,
  MOTION_DEFAULTS,
  PIXELS_PER_DEGREE,
  trajectoryPoses,
  type Trajectory,
} from './naturalisticMotion.ts';
import { renderView, renderViewHexals } from './naturalisticView.ts';
import { boxEyeGeometry, renderBoxEye } from './boxEye.ts';
import { naturalisticTextures } from './texture.ts';

const [texture] = naturalisticTextures([5], { size: 256 });
const SIZE = 61;
const C = 30;

const still: Trajectory = {
  directionDeg: 0,
  speedDegPerS: 0,
  speedModulation: 0,
  speedModulationHz: 1,
  speedPhaseDeg: 0,
  turnRateDegPerS: 0,
  rotationDegPerS: 0,
  orientationDeg: 0,
  startX: 100,
  startY: 120,
};

/** The views at frame 0 and at `frame`, with dt 0.01 s. */
function viewsAt(trajectory: Trajectory, frame: number) {
  const poses = trajectoryPoses(trajectory, frame + 1, 0.01);
  const view = (f: number) =>
    renderView(texture, { centreX: poses.x[f], centreY: poses.y[f], angle: poses.angle[f], size: SIZE });
  return [view(0), view(frame)];
}

const at = (view: Float32Array, row: number, col: number) => view[row * SIZE + col];

describe('trajectoryPoses with renderView', () => {
  // 5.8°/s · 13/5.8 px per degree = 13 px/s; 130 px/s moves the image 13 px in 0.1 s.
  const speedDegPerS = 130 / PIXELS_PER_DEGREE;

  it('moves the image to the right for direction 0°, whatever the view orientation', () => {
    const [before, after] = viewsAt({ ...still, speedDegPerS, orientationDeg: 37 }, 10);
    for (const [r, c] of [
      [30, 10],
      [5, 40],
      [50, 20],
    ]) {
      expect(at(after, r, c + 13)).toBeCloseTo(at(before, r, c), 5);
    }
  });

  it('moves the image up (to smaller rows) for direction 90°', () => {
    const [before, after] = viewsAt({ ...still, speedDegPerS, directionDeg: 90 }, 10);
    for (const [r, c] of [
      [30, 10],
      [50, 40],
    ]) {
      expect(at(after, r - 13, c)).toBeCloseTo(at(before, r, c), 5);
    }
  });

  it('rotates the image counter-clockwise about the view centre for positive rotation', () => {
    // 90°/s for 1 s: what was right of the centre is now above it; the centre stays.
    const [before, after] = viewsAt({ ...still, rotationDegPerS: 90 }, 100);
    expect(at(after, C, C)).toBeCloseTo(at(before, C, C), 6);
    for (const a of [5, 12, 20]) expect(at(after, C - a, C)).toBeCloseTo(at(before, C, C + a), 5);
  });

  it('wraps around the periodic texture', () => {
    const a = renderView(texture, { centreX: 10.3, centreY: 20.6, angle: 0.4, size: SIZE });
    const b = renderView(texture, { centreX: 10.3 + 256, centreY: 20.6 - 512, angle: 0.4, size: SIZE });
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(b[i] - a[i]));
    expect(maxDiff).toBeLessThan(1e-5);
  });
});

describe('renderViewHexals', () => {
  it('equals renderBoxEye of renderView bit for bit, at any angle', () => {
    const geometry = boxEyeGeometry();
    for (const angle of [0, 0.3, 2.2]) {
      const view = { centreX: 40.7, centreY: -12.2, angle, size: 391 };
      const twoStep = renderBoxEye(renderView(texture, view), 1, 391, 391);
      expect(renderViewHexals(texture, view, geometry).every((x, k) => x === twoStep[k])).toBe(true);
    }
  });
});

describe('drawTrajectory', () => {
  it('draws lognormal speeds around the median and a fixed number of random numbers per trajectory', () => {
    const random = prng(1);
    const speeds = Array.from(
      { length: 2000 },
      () => drawTrajectory(random, 1024, MOTION_DEFAULTS).speedDegPerS,
    );
    const logs = speeds.map(Math.log).sort((a, b) => a - b);
    expect(Math.exp(logs[1000])).toBeGreaterThan(0.9 * MOTION_DEFAULTS.medianSpeedDegPerS);
    expect(Math.exp(logs[1000])).toBeLessThan(1.1 * MOTION_DEFAULTS.medianSpeedDegPerS);
    const a = prng(2);
    const b = prng(2);
    drawTrajectory(a, 1024, MOTION_DEFAULTS);
    drawTrajectory(b, 1024, { ...MOTION_DEFAULTS, medianSpeedDegPerS: 10 });
    expect(a.uniform()).toBe(b.uniform());
  });
});
