import { hexCount } from '../connectome/hex.ts';
import { barOffsetFrames } from './barFrames.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount, resampleIndices } from './temporal.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/** Moving bars (flyvis MovingBar, MODEL_SPEC §4.3). 1 LED = 2.25°, 1 ommatidium = 5.8°. */
export interface MovingBarOptions {
  /** Bar widths in LEDs. @default [1, 2, 4] */
  widths: number[];
  /** Bar positions in LEDs, consecutive integers (flyvis `offsets=(−10, 11)`). @default −10 … 10 */
  offsets: number[];
  /** Bar luminances (0 = OFF, 1 = ON). @default [0, 1] */
  intensities: number[];
  /** Speeds in ommatidia per second. @default [2.4, 4.8, 9.7, 13, 19, 25] */
  speeds: number[];
  /** Bar height in LEDs. @default 9 */
  height: number;
  /** Directions of motion in degrees, counter-clockwise from rightwards. @default 0, 30, …, 330 */
  angles: number[];
  /** Horizontal bar centre at offset 0, degrees from the left border (90 = centre). @default 90 */
  barLocHorizontal: number;
  /** After the last offset: hold it ('continue') or show the background ('value'). @default 'continue' (flyvis moving_bar_responses) */
  postPadMode: 'continue' | 'value';
  /** Grey seconds before onset. @default 1 */
  tPre: number;
  /** Seconds after the bar's last offset. @default 1 */
  tPost: number;
  /** @default 1/200 */
  dt: number;
  /** Background luminance (grey before onset; 127/255 inside rotated frames). @default 0.5 */
  background: number;
  /** Lattice extent (≤ 15: HexEye's monitor). @default 15 */
  extent: number;
}

const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Defaults of flyvis `moving_bar_responses` (the MovingBar class itself pads with 'value'). */
export const MOVING_BAR_DEFAULTS: MovingBarOptions = {
  widths: [1, 2, 4],
  offsets: range(-10, 10),
  intensities: [0, 1],
  speeds: [2.4, 4.8, 9.7, 13, 19, 25],
  height: 9,
  angles: range(0, 330, 30),
  barLocHorizontal: 90,
  postPadMode: 'continue',
  tPre: 1,
  tPost: 1,
  dt: 1 / 200,
  background: 0.5,
  extent: 15,
};

const LED_RAD = 2.25 * (Math.PI / 180);
const OMMATIDIUM_RAD = 5.8 * (Math.PI / 180);

/** Seconds a bar needs to cross nOffsets LEDs at `speed` ommatidia/s (flyvis `t_stim`). */
export function barCrossingTime(nOffsets: number, speed: number): number {
  return (nOffsets * LED_RAD) / (speed * OMMATIDIUM_RAD);
}

/**
 * Moving bars: per sample (angle × width × intensity × speed, speed fastest) the offset frames
 * resampled to trunc(t_stim/dt) frames, grey before, then `postPadMode` for tPost, then NaN up to
 * the slowest speed's length. Sample rows: angle, width, intensity, t_stim, speed.
 */
export function movingBars(options: Partial<MovingBarOptions> = {}): StimulusSet {
  return assembleMovingBars('movingBars', resolveOptions('movingBars', MOVING_BAR_DEFAULTS, options));
}

/** Renders the offset frames of every (angle, width, intensity) group and lays them out in time. */
export function assembleMovingBars(fn: string, o: MovingBarOptions): StimulusSet {
  check(
    o.dt > 0 && o.tPre >= 0 && o.tPost >= 0,
    fn,
    () => `expected dt > 0 and tPre, tPost ≥ 0, got ${o.dt}, ${o.tPre}, ${o.tPost}`,
  );
  check(
    o.speeds.length > 0 && o.speeds.every((s) => s > 0),
    fn,
    () => `speeds must be positive, got [${o.speeds}]`,
  );
  check(
    o.postPadMode === 'continue' || o.postPadMode === 'value',
    fn,
    () => `postPadMode must be 'continue' or 'value', got '${o.postPadMode}'`,
  );
  // t_stim assumes 2.25° between offsets, as in flyvis.
  check(
    o.offsets.length > 0 && o.offsets.every((x, i) => i === 0 || x - o.offsets[i - 1] === 1),
    fn,
    () => `offsets must be consecutive integers, got [${o.offsets}]`,
  );
  const nOffsets = o.offsets.length;
  const nHexals = hexCount(o.extent);
  const offsetFrames = barOffsetFrames({
    angles: o.angles,
    widths: o.widths,
    intensities: o.intensities,
    offsets: o.offsets,
    height: o.height,
    barLocHorizontal: o.barLocHorizontal,
    background: o.background,
    extent: o.extent,
  });
  const tStims = o.speeds.map((s) => barCrossingTime(nOffsets, s));
  const tStimMax = Math.max(...tStims);
  const nFrames = frameCount(tStimMax + o.tPre + o.tPost, o.dt);
  const layouts = tStims.map((t) => speedLayout(fn, t, o, nOffsets, nFrames));
  const samples: SampleArgs[] = [];
  const nGroups = o.angles.length * o.widths.length * o.intensities.length;
  const frames = new Float32Array(nGroups * o.speeds.length * nFrames * nHexals);
  let s = 0;
  for (let g = 0; g < nGroups; g++) {
    const [angle, width, intensity] = groupArgs(o, g);
    for (let k = 0; k < o.speeds.length; k++, s++) {
      samples.push({ angle, width, intensity, t_stim: tStims[k], speed: o.speeds[k] });
      const movie = frames.subarray(s * nFrames * nHexals, (s + 1) * nFrames * nHexals);
      const { pre, source, post } = layouts[k];
      movie.fill(o.background, 0, pre * nHexals);
      for (let f = 0; f < source.length; f++) {
        const from = (g * nOffsets + source[f]) * nHexals;
        movie.set(offsetFrames.subarray(from, from + nHexals), (pre + f) * nHexals);
      }
      const end = pre + source.length;
      if (o.postPadMode === 'value') movie.fill(o.background, end * nHexals, (end + post) * nHexals);
      else
        for (let f = end; f < end + post; f++)
          movie.copyWithin(f * nHexals, (end - 1) * nHexals, end * nHexals);
      movie.fill(NaN, (end + post) * nHexals);
    }
  }
  return stimulusSet({ frames, nSamples: samples.length, nFrames, nHexals, dt: o.dt, tPre: o.tPre, samples });
}

/** Frame counts of one speed, padded like flyvis: each stage fills up to int(cumulative seconds / dt). */
function speedLayout(fn: string, tStim: number, o: MovingBarOptions, nOffsets: number, nFrames: number) {
  const source = resampleIndices(nOffsets, frameCount(tStim, o.dt));
  check(
    source.length > 0,
    fn,
    () => `every speed must last at least one frame, but t_stim ${tStim} s < dt ${o.dt} s`,
  );
  const pre = Math.max(0, frameCount(tStim + o.tPre, o.dt) - source.length);
  const post = Math.max(0, frameCount(tStim + o.tPre + o.tPost, o.dt) - pre - source.length);
  check(
    pre + source.length + post <= nFrames,
    fn,
    () => `t_stim ${tStim} s needs more than the ${nFrames} frames of the slowest speed`,
  );
  return { pre, source, post };
}

/** (angle, width, intensity) of group g in angle × width × intensity order. */
function groupArgs(o: MovingBarOptions, g: number): [number, number, number] {
  const nI = o.intensities.length;
  const nW = o.widths.length;
  return [o.angles[Math.floor(g / (nW * nI))], o.widths[Math.floor(g / nI) % nW], o.intensities[g % nI]];
}
