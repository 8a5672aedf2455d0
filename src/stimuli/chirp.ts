import { hexCount } from '../connectome/hex.ts';
import { fullField } from './fullField.ts';
import { check, resolveOptions } from './options.ts';
import { frameCount } from './temporal.ts';
import { stimulusSet, type StimulusSet } from './stimulusSet.ts';

/** A full-field frequency chirp (DESIGN "Definitions and defaults"). */
export interface ChirpOptions {
  /** Frequency at onset in Hz. @default 0.5 */
  fStart: number;
  /** Frequency at the end in Hz. @default 25 */
  fEnd: number;
  /** Seconds of the sweep. @default 8 */
  tStim: number;
  /** Grey seconds before onset. @default 1 */
  tPre: number;
  /** luminance = 0.5 + 0.5·contrast·sin(phase(t)). @default 1 */
  contrast: number;
  /** @default 1/100 */
  dt: number;
  /** @default 15 */
  extent: number;
}

export const CHIRP_DEFAULTS: ChirpOptions = {
  fStart: 0.5,
  fEnd: 25,
  tStim: 8,
  tPre: 1,
  contrast: 1,
  dt: 1 / 100,
  extent: 15,
};

/**
 * One sample: grey for tPre, then 0.5 + 0.5·contrast·sin(phase(t)) with a linear frequency sweep,
 * f(t) = fStart + (fEnd − fStart)·t/tStim, phase(t) = 2π(fStart·t + (fEnd − fStart)·t²/(2·tStim)).
 * Rows: f_start, f_end, t_stim, contrast.
 */
export function chirp(options: Partial<ChirpOptions> = {}): StimulusSet {
  const o = resolveOptions('chirp', CHIRP_DEFAULTS, options);
  check(o.contrast >= 0 && o.contrast <= 1, 'chirp', () => `contrast must lie in [0, 1], got ${o.contrast}`);
  check(o.dt > 0 && o.tStim > 0 && o.tPre >= 0, 'chirp', () => `expected dt, tStim > 0 and tPre ≥ 0`);
  check(
    o.fEnd <= 0.5 / o.dt,
    'chirp',
    () => `fEnd ${o.fEnd} Hz exceeds the Nyquist frequency ${0.5 / o.dt} Hz of dt ${o.dt}`,
  );
  const nPre = frameCount(o.tPre, o.dt);
  const values = new Float32Array(nPre + frameCount(o.tStim, o.dt)).fill(0.5);
  const rate = (o.fEnd - o.fStart) / o.tStim;
  for (let f = nPre; f < values.length; f++) {
    const t = (f - nPre) * o.dt;
    values[f] = 0.5 + 0.5 * o.contrast * Math.sin(2 * Math.PI * (o.fStart * t + (rate * t * t) / 2));
  }
  const nHexals = hexCount(o.extent);
  return stimulusSet({
    frames: fullField(values, nHexals),
    nSamples: 1,
    nFrames: values.length,
    nHexals,
    dt: o.dt,
    tPre: nPre * o.dt,
    samples: [{ f_start: o.fStart, f_end: o.fEnd, t_stim: o.tStim, contrast: o.contrast }],
  });
}
