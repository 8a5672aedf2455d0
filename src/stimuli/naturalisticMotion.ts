import type { Prng } from '../util/random.ts';

/** One hex column is 5.8° and 13 BoxEye pixels (MODEL_SPEC §4.1–4.2). */
export const PIXELS_PER_DEGREE = 13 / 5.8;

export interface MotionOptions {
  /** Median of the lognormal base speed of image translation, degrees/s. @default 40 */
  medianSpeedDegPerS: number;
  /** Standard deviation of ln(base speed). @default 0.6 */
  speedLogStd: number;
  /** Largest amplitude of the sinusoidal modulation of ln(speed), drawn uniformly in [0, max]. @default 0.5 */
  maxSpeedModulation: number;
  /** Standard deviation of the steady turning of the motion direction, degrees/s. @default 60 */
  turnRateStdDegPerS: number;
  /** Standard deviation of the rotation of the view about its centre, degrees/s. @default 30 */
  rotationStdDegPerS: number;
}

export const MOTION_DEFAULTS: MotionOptions = {
  medianSpeedDegPerS: 40,
  speedLogStd: 0.6,
  maxSpeedModulation: 0.5,
  turnRateStdDegPerS: 60,
  rotationStdDegPerS: 30,
};

/**
 * A smooth self-motion-like trajectory, described by a few numbers (they go into the samples
 * rows). Angles are counter-clockwise in the eye's plotting frame (x right, y up) as flyvis's
 * motion directions. At time t the image translates in direction
 * directionDeg + turnRateDegPerS·t with speed
 * speedDegPerS·exp(speedModulation·sin(2π·speedModulationHz·t + speedPhaseDeg)), and rotates
 * about the view centre at rotationDegPerS.
 */
export interface Trajectory {
  directionDeg: number;
  speedDegPerS: number;
  speedModulation: number;
  speedModulationHz: number;
  speedPhaseDeg: number;
  turnRateDegPerS: number;
  rotationDegPerS: number;
  /** Initial orientation of the view on the texture. */
  orientationDeg: number;
  /** Initial view centre on the texture, in texture pixels (column, row). */
  startX: number;
  startY: number;
}

/** Draws a trajectory; always consumes the same number of random numbers. */
export function drawTrajectory(random: Prng, textureSize: number, options: MotionOptions): Trajectory {
  return {
    directionDeg: 360 * random.uniform(),
    speedDegPerS: options.medianSpeedDegPerS * Math.exp(options.speedLogStd * random.normal()),
    speedModulation: options.maxSpeedModulation * random.uniform(),
    speedModulationHz: 0.25 + 1.75 * random.uniform(),
    speedPhaseDeg: 360 * random.uniform(),
    turnRateDegPerS: options.turnRateStdDegPerS * random.normal(),
    rotationDegPerS: options.rotationStdDegPerS * random.normal(),
    orientationDeg: 360 * random.uniform(),
    startX: textureSize * random.uniform(),
    startY: textureSize * random.uniform(),
  };
}

/** The view on the texture at each frame: centre (x = column, y = row) and orientation. */
export interface Poses {
  x: Float64Array;
  y: Float64Array;
  /** Orientation in radians; texture = centre + R(angle)·(column offset, row offset). */
  angle: Float64Array;
}

const RAD = Math.PI / 180;
const SUBSTEPS = 8;

/** Integrates the trajectory at frames 0 … nFrames−1 (midpoint rule, 8 sub-steps per frame). */
export function trajectoryPoses(tr: Trajectory, nFrames: number, dt: number): Poses {
  const x = new Float64Array(nFrames);
  const y = new Float64Array(nFrames);
  const angle = new Float64Array(nFrames);
  let px = tr.startX;
  let py = tr.startY;
  const h = dt / SUBSTEPS;
  for (let f = 0; f < nFrames; f++) {
    x[f] = px;
    y[f] = py;
    angle[f] = viewAngle(tr, f * dt);
    for (let s = 0; s < SUBSTEPS; s++) {
      const [vx, vy] = viewVelocity(tr, f * dt + (s + 0.5) * h);
      px += vx * h;
      py += vy * h;
    }
  }
  return { x, y, angle };
}

/** Image speed in degrees/s at time t. */
export function speedAt(tr: Trajectory, t: number): number {
  const phase = 2 * Math.PI * tr.speedModulationHz * t + tr.speedPhaseDeg * RAD;
  return tr.speedDegPerS * Math.exp(tr.speedModulation * Math.sin(phase));
}

/**
 * Rotating the sampling grid by +angle (in pixel coordinates, rows pointing down) turns the
 * image counter-clockwise in the plotting frame, hence the sign.
 */
function viewAngle(tr: Trajectory, t: number): number {
  return (tr.orientationDeg + tr.rotationDegPerS * t) * RAD;
}

/**
 * Velocity of the view centre on the texture (pixels/s). The image moves opposite to the view;
 * the image direction is given in the view's own (rotating) frame, so it is rotated into
 * texture coordinates by the view angle. Plotting-frame (cos d, sin d) is (cos d, −sin d) in
 * (column, row).
 */
function viewVelocity(tr: Trajectory, t: number): [number, number] {
  const speed = speedAt(tr, t) * PIXELS_PER_DEGREE;
  const direction = (tr.directionDeg + tr.turnRateDegPerS * t) * RAD;
  const cx = -speed * Math.cos(direction);
  const cy = speed * Math.sin(direction);
  const a = viewAngle(tr, t);
  return [Math.cos(a) * cx - Math.sin(a) * cy, Math.sin(a) * cx + Math.cos(a) * cy];
}
