import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { chirp, CHIRP_DEFAULTS } from '../../stimuli/chirp.ts';
import { stimulusTime, type StimulusSet } from '../../stimuli/stimulusSet.ts';
import { whiteNoise, WHITE_NOISE_DEFAULTS } from '../../stimuli/whiteNoise.ts';
import { centralTrace } from '../centralResponses.ts';
import { welchPsd } from '../inforate/welch.ts';
import { simulateSet } from './simulateSet.ts';
import type { ProtocolContext, ProtocolOutput } from './types.ts';

/** Response amplitude against stimulus frequency, per type (nFrequencies × nTypes, frequency-major). */
export interface FrequencyResponse {
  frequencyHz: Float64Array;
  /** Chirp: √2·std of the response in each window (a.u.); noise: √(S_response / S_stimulus). */
  values: Float64Array;
  label: string;
}

/** Chirp windows: long enough for 1.5 Hz resolution of the sweep, short enough to follow it. */
const CHIRP_WINDOW_S = 0.5;
/** Welch segment for white noise: 1.28 s at dt 1/100, 0.78 Hz bins. */
const NOISE_SEGMENT = 128;

async function run(ctx: ProtocolContext, set: StimulusSet) {
  const greyFrames = framesIn(ctx.options.tGreyS, set.dt);
  const central = await simulateSet(ctx, set, greyFrames);
  const time = stimulusTime(set);
  const responses = labeled({
    data: central,
    dims: ['sample', 'time', 'cell_type'],
    shape: [set.nSamples, set.nFrames, ctx.nTypes],
    coords: { time: Array.from(time), cell_type: ctx.tables.cellTypes },
    attrs: { samples: set.samples, dt: set.dt, description: 'central voltage; time from onset (s)' },
  });
  const onset = Math.round(set.tPre / set.dt);
  return { central, responses, onset, greyFrames };
}

/** The full-field chirp (0.5 → 25 Hz over 8 s) after a tGreyS grey steady state. */
export async function chirpProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<FrequencyResponse>> {
  const set = chirp({ dt: ctx.options.naturalDt, extent: ctx.tables.extent });
  const { central, responses, onset, greyFrames } = await run(ctx, set);
  const { fStart, fEnd, tStim } = CHIRP_DEFAULTS;
  const window = Math.max(2, Math.round(CHIRP_WINDOW_S / set.dt));
  const nWindows = Math.floor((set.nFrames - onset) / window);
  const frequencyHz = Float64Array.from({ length: nWindows }, (_, w) => {
    const mid = (w + 0.5) * window * set.dt;
    return fStart + ((fEnd - fStart) * mid) / tStim;
  });
  const values = new Float64Array(nWindows * ctx.nTypes);
  const r = { data: central, nSamples: 1, nFrames: set.nFrames, nTypes: ctx.nTypes };
  for (let t = 0; t < ctx.nTypes; t++) {
    const trace = centralTrace(r, 0, t);
    for (let w = 0; w < nWindows; w++) {
      const part = trace.subarray(onset + w * window, onset + (w + 1) * window);
      const mean = part.reduce((a, b) => a + b, 0) / part.length;
      const variance = part.reduce((a, b) => a + (b - mean) ** 2, 0) / part.length;
      values[w * ctx.nTypes + t] = Math.SQRT2 * Math.sqrt(variance);
    }
  }
  return {
    result: { frequencyHz, values, label: 'response amplitude (a.u.)' },
    responses,
    columns: {},
    examples: [],
    settings: {
      ...CHIRP_DEFAULTS,
      dt: set.dt,
      grey_before_s: greyFrames * set.dt,
      amplitude_window_s: window * set.dt,
    },
  };
}

/** Full-field Gaussian white noise (mean 0.5, std 0.15, 10 s) after a tGreyS grey steady state. */
export async function noiseProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<FrequencyResponse>> {
  const set = whiteNoise({ dt: ctx.options.naturalDt, seed: ctx.options.seed, extent: ctx.tables.extent });
  const { central, responses, onset, greyFrames } = await run(ctx, set);
  const stimulus = Float64Array.from(
    { length: set.nFrames - onset },
    (_, f) => set.frames[(onset + f) * set.nHexals],
  );
  const input = welchPsd(stimulus, set.dt, { segmentLength: NOISE_SEGMENT });
  const r = { data: central, nSamples: 1, nFrames: set.nFrames, nTypes: ctx.nTypes };
  const values = new Float64Array(input.freqs.length * ctx.nTypes);
  for (let t = 0; t < ctx.nTypes; t++) {
    const { psd } = welchPsd(centralTrace(r, 0, t).subarray(onset), set.dt, { segmentLength: NOISE_SEGMENT });
    psd.forEach((p, j) => (values[j * ctx.nTypes + t] = Math.sqrt(p / input.psd[j])));
  }
  return {
    result: { frequencyHz: input.freqs, values, label: 'gain √(S_response / S_stimulus)' },
    responses,
    columns: {},
    examples: [],
    settings: {
      ...WHITE_NOISE_DEFAULTS,
      dt: set.dt,
      grey_before_s: greyFrames * set.dt,
      seed: ctx.options.seed,
      welch_segment_frames: NOISE_SEGMENT,
    },
  };
}
