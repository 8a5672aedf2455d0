/**
 * The one shape every stimulus generator returns: luminance movies in hex space, many samples of
 * equal length, with the arguments that made each sample (flyvis `arg_df` rows).
 */

export type SampleArgs = Record<string, number | string>;

export interface StimulusSet {
  /** Luminance, nSamples × nFrames × nHexals (sample-major, hexals in canonical order); NaN marks padding after a sample's end. */
  frames: Float32Array;
  nSamples: number;
  nFrames: number;
  nHexals: number;
  /** Time step in seconds (one network step per frame). */
  dt: number;
  /** Seconds before stimulus onset: time = frame·dt − tPre. */
  tPre: number;
  /** One row of arguments per sample, columns in flyvis `arg_df` order. */
  samples: SampleArgs[];
}

/** Builds a StimulusSet after checking that the sizes agree. */
export function stimulusSet(fields: StimulusSet): StimulusSet {
  const { frames, nSamples, nFrames, nHexals, dt, tPre, samples } = fields;
  for (const [name, n] of Object.entries({ nSamples, nFrames, nHexals })) {
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`Error in stimulusSet: ${name} must be a non-negative integer, got ${n}`);
    }
  }
  if (frames.length !== nSamples * nFrames * nHexals) {
    throw new Error(
      `Error in stimulusSet: frames must hold nSamples·nFrames·nHexals = ${nSamples}·${nFrames}·${nHexals} values, got ${frames.length}`,
    );
  }
  if (samples.length !== nSamples) {
    throw new Error(`Error in stimulusSet: expected ${nSamples} sample rows, got ${samples.length}`);
  }
  if (!(dt > 0)) throw new Error(`Error in stimulusSet: dt must be positive, got ${dt}`);
  if (!Number.isFinite(tPre)) throw new Error(`Error in stimulusSet: tPre must be finite, got ${tPre}`);
  return { frames, nSamples, nFrames, nHexals, dt, tPre, samples };
}

/** Time of each frame in seconds, frame·dt − tPre (stimulus onset at 0). */
export function stimulusTime(set: Pick<StimulusSet, 'nFrames' | 'dt' | 'tPre'>): Float64Array {
  const time = new Float64Array(set.nFrames);
  for (let f = 0; f < set.nFrames; f++) time[f] = f * set.dt - set.tPre;
  return time;
}

/** The nFrames × nHexals movie of one sample (a view, not a copy). */
export function sampleFrames(set: StimulusSet, sample: number): Float32Array {
  if (!Number.isInteger(sample) || sample < 0 || sample >= set.nSamples) {
    throw new Error(
      `Error in sampleFrames: sample must be an integer in [0, ${set.nSamples}), got ${sample}`,
    );
  }
  const size = set.nFrames * set.nHexals;
  return set.frames.subarray(sample * size, (sample + 1) * size);
}

/** Per sample, the number of frames before the NaN padding (flyvis `valid_frames`). */
export function validFrameCounts(set: StimulusSet): Int32Array {
  const counts = new Int32Array(set.nSamples);
  for (let s = 0; s < set.nSamples; s++) {
    let f = 0;
    // Padding is NaN in every hexal, so the first hexal of each frame decides.
    while (f < set.nFrames && !Number.isNaN(set.frames[(s * set.nFrames + f) * set.nHexals])) f++;
    counts[s] = f;
  }
  return counts;
}
