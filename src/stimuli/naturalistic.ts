import { prng } from '../util/random.ts';
import { boxEyeGeometry } from './boxEye.ts';
import {
  drawTrajectory,
  MOTION_DEFAULTS,
  speedAt,
  trajectoryPoses,
  type MotionOptions,
  type Trajectory,
} from './naturalisticMotion.ts';
import { renderView, renderViewHexals, type View } from './naturalisticView.ts';
import { check, resolveOptions } from './options.ts';
import { stimulusSet, type StimulusSet } from './stimulusSet.ts';
import { naturalisticTextures, TEXTURE_DEFAULTS, type Texture, type TextureOptions } from './texture.ts';

/**
 * Procedural naturalistic movies: 1/f textures with a skewed luminance distribution, seen
 * through BoxEye by a view that translates and rotates like a flying fly's
 * (docs/naturalistic.md has the measured statistics).
 */
export interface NaturalisticOptions extends MotionOptions {
  /** @default 32 */
  nMovies: number;
  /** Movie length after the grey period, seconds. @default 2 */
  durationS: number;
  /** Time step, seconds. @default 0.01 */
  dt: number;
  /** Grey (0.5) before each movie, seconds. @default 1 */
  tPreS: number;
  /** @default 0 */
  seed: number;
  /** Hex lattice extent. @default 15 */
  extent: number;
  /** Texture side in pixels (power of two); one column is 13 px. @default 1024 */
  textureSize: number;
  /** Amplitude spectrum ∝ 1/f^spectralExponent. @default 1 */
  spectralExponent: number;
  /** Standard deviation of ln(luminance) before clipping at 1. @default 0.5 */
  logLuminanceStd: number;
  /** @default 0.5 */
  meanLuminance: number;
}

export const NATURALISTIC_DEFAULTS: NaturalisticOptions = {
  nMovies: 32,
  durationS: 2,
  dt: 0.01,
  tPreS: 1,
  seed: 0,
  extent: 15,
  textureSize: TEXTURE_DEFAULTS.size,
  spectralExponent: TEXTURE_DEFAULTS.spectralExponent,
  logLuminanceStd: TEXTURE_DEFAULTS.logLuminanceStd,
  meanLuminance: TEXTURE_DEFAULTS.meanLuminance,
  ...MOTION_DEFAULTS,
};

const GREY = 0.5;

interface MoviePlan {
  textureSeed: number;
  trajectory: Trajectory;
}

/** The default naturalistic set: nMovies × (tPre grey + movie) frames of nHexals. */
export function naturalisticMovies(options: Partial<NaturalisticOptions> = {}): StimulusSet {
  const o = resolveNaturalistic('naturalisticMovies', options);
  const nPre = Math.round(o.tPreS / o.dt);
  const nMovie = Math.round(o.durationS / o.dt);
  const nHexals = boxEyeGeometry(o.extent).nHexals;
  const nFrames = nPre + nMovie;
  const plans = planMovies(o, o.nMovies);
  const frames = new Float32Array(o.nMovies * nFrames * nHexals);
  let m = 0;
  for (const texture of naturalisticTextures(
    plans.map((plan) => plan.textureSeed),
    textureOptions(o),
  )) {
    const start = m * nFrames * nHexals;
    frames.fill(GREY, start, start + nPre * nHexals);
    frames.set(renderMovie(texture, plans[m].trajectory, nMovie, o), start + nPre * nHexals);
    m++;
  }
  const samples = plans.map((plan, movie) => ({
    movie,
    textureSeed: plan.textureSeed,
    ...plan.trajectory,
    meanSpeedDegPerS: meanSpeed(plan.trajectory, nMovie, o.dt),
  }));
  return stimulusSet({ frames, nSamples: o.nMovies, nFrames, nHexals, dt: o.dt, tPre: nPre * o.dt, samples });
}

export interface NaturalisticExample {
  /** Side of the Cartesian views (391 at extent 15). */
  size: number;
  /** Seconds after movie onset. */
  timesS: number[];
  /** size × size luminance as BoxEye sees it, one per time. */
  views: Float32Array[];
  /** The nHexals values of the same frames, bit-identical to naturalisticMovies. */
  hexals: Float32Array[];
  trajectory: Trajectory;
}

/** A few frames of one movie of the set, Cartesian and hexal, for reports. */
export function naturalisticExampleFrames(
  options: Partial<NaturalisticOptions> = {},
  movie = 0,
  timesS: number[] = [0, 0.5, 1, 1.5],
): NaturalisticExample {
  const o = resolveNaturalistic('naturalisticExampleFrames', options);
  check(Number.isInteger(movie) && movie >= 0 && movie < o.nMovies, 'naturalisticExampleFrames', () => {
    return `movie must be an integer in [0, ${o.nMovies}), got ${movie}`;
  });
  const plans = planMovies(o, o.nMovies);
  // Textures are made in pairs (movies 2k, 2k + 1); making the same pair keeps frames bit-identical.
  const pair = movie - (movie % 2);
  const seeds = plans.slice(pair, pair + 2).map((plan) => plan.textureSeed);
  const texture = [...naturalisticTextures(seeds, textureOptions(o))][movie - pair];
  const { trajectory } = plans[movie];
  const frameIndex = timesS.map((t) => Math.round(t / o.dt));
  const poses = trajectoryPoses(trajectory, Math.max(...frameIndex) + 1, o.dt);
  const geometry = boxEyeGeometry(o.extent);
  const size = geometry.minFrameSize;
  const at = (f: number): View => ({ centreX: poses.x[f], centreY: poses.y[f], angle: poses.angle[f], size });
  const views = frameIndex.map((f) => renderView(texture, at(f)));
  const hexals = frameIndex.map((f) => renderViewHexals(texture, at(f), geometry));
  return { size, timesS: frameIndex.map((f) => f * o.dt), views, hexals, trajectory };
}

function resolveNaturalistic(fn: string, options: Partial<NaturalisticOptions>): NaturalisticOptions {
  const o = resolveOptions(fn, NATURALISTIC_DEFAULTS, options);
  check(
    Number.isInteger(o.nMovies) && o.nMovies > 0,
    fn,
    () => `nMovies must be a positive integer, got ${o.nMovies}`,
  );
  check(o.dt > 0, fn, () => `dt must be positive, got ${o.dt}`);
  check(o.durationS >= o.dt, fn, () => `durationS must be at least one step (${o.dt} s), got ${o.durationS}`);
  check(o.tPreS >= 0, fn, () => `tPreS must be ≥ 0, got ${o.tPreS}`);
  return o;
}

/** Movie m's texture seed and trajectory come from one stream, so they do not depend on nMovies. */
function planMovies(o: NaturalisticOptions, nMovies: number): MoviePlan[] {
  const random = prng(o.seed);
  return Array.from({ length: nMovies }, () => ({
    textureSeed: Math.floor(random.uniform() * 2 ** 32),
    trajectory: drawTrajectory(random, o.textureSize, o),
  }));
}

function textureOptions(o: NaturalisticOptions): TextureOptions {
  const { textureSize: size, spectralExponent, logLuminanceStd, meanLuminance } = o;
  return { size, spectralExponent, logLuminanceStd, meanLuminance };
}

/** BoxEye frames of the 391 × 391 view along the trajectory (see renderViewHexals). */
function renderMovie(texture: Texture, trajectory: Trajectory, nFrames: number, o: NaturalisticOptions) {
  const geometry = boxEyeGeometry(o.extent);
  const { nHexals, minFrameSize: size } = geometry;
  const poses = trajectoryPoses(trajectory, nFrames, o.dt);
  const out = new Float32Array(nFrames * nHexals);
  for (let f = 0; f < nFrames; f++) {
    const view = { centreX: poses.x[f], centreY: poses.y[f], angle: poses.angle[f], size };
    renderViewHexals(texture, view, geometry, out.subarray(f * nHexals, (f + 1) * nHexals));
  }
  return out;
}

function meanSpeed(trajectory: Trajectory, nFrames: number, dt: number): number {
  let sum = 0;
  for (let f = 0; f < nFrames; f++) sum += speedAt(trajectory, f * dt);
  return sum / nFrames;
}
