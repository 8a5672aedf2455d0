import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { naturalisticMovies, NATURALISTIC_DEFAULTS } from '../../stimuli/naturalistic.ts';
import { loadSintelNaturalistic } from '../../stimuli/sintelNaturalistic.ts';
import { sampleFrames, stimulusSet, stimulusTime, type StimulusSet } from '../../stimuli/stimulusSet.ts';
import { naturalStats } from '../naturalStats.ts';
import { simulateSet } from './simulateSet.ts';
import type { NaturalResult, ProtocolContext, ProtocolOutput } from './types.ts';

/** flyvis's naturalistic protocol fades the first Sintel frame in from grey over 2 s (MODEL_SPEC §3.4). */
const SINTEL_FADE_IN_S = 2;

/**
 * Naturalistic movies (DESIGN "Naturalistic statistics"): nMovies seeded procedural movies, 2 s at
 * naturalDt after their own 1 s of grey, from the bias state — or, with `sintelDir`, the first
 * nMovies samples of flyvis's AugmentedSintel set after flyvis's 2 s fade-in from the bias state.
 * Mean, standard deviation and active fraction (V > 0) over the movie frames.
 */
export async function naturalProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<NaturalResult>> {
  const { options, tables, nTypes } = ctx;
  const dt = options.naturalDt;
  const sintel = options.sintelDir !== undefined;
  const set = sintel
    ? withFadeIn(
        loadSintelNaturalistic(options.sintelDir!, {
          dt,
          maxSamples: options.nMovies,
          extent: tables.extent,
        }),
      )
    : naturalisticMovies({ nMovies: options.nMovies, seed: options.seed, dt, extent: tables.extent });
  const central = await simulateSet(ctx, set, 0);
  const onset = Math.round(set.tPre / dt);
  const stats = naturalStats({ data: central, nSamples: set.nSamples, nFrames: set.nFrames, nTypes }, onset);
  const examples = [0, 0.5, 1, 1.5]
    .map((t) => onset + Math.round(t / dt))
    .filter((f) => f < set.nFrames)
    .map((f) => ({
      label: `${sintel ? 'Sintel' : 'naturalistic'} movie 0, ${((f - onset) * dt).toFixed(2)} s`,
      values: sampleFrames(set, 0).slice(f * set.nHexals, (f + 1) * set.nHexals),
    }));
  const source = sintel ? 'sintel' : 'procedural';
  return {
    result: { stats, source, nMovies: set.nSamples },
    responses: labeled({
      data: central,
      dims: ['sample', 'time', 'cell_type'],
      shape: [set.nSamples, set.nFrames, nTypes],
      coords: { time: Array.from(stimulusTime(set)), cell_type: tables.cellTypes },
      attrs: {
        samples: set.samples,
        dt,
        description: `central voltage; time from movie onset (s); ${source} movies`,
      },
    }),
    columns: {
      natural_mean: stats.mean,
      natural_std: stats.std,
      natural_active_fraction: stats.activeFraction,
    },
    examples,
    settings: sintel
      ? {
          source,
          folder: options.sintelDir,
          dt,
          n_movies: set.nSamples,
          start: 'bias state',
          fade_in_s: SINTEL_FADE_IN_S,
          frames_per_movie: set.nFrames - onset,
        }
      : {
          source,
          dt,
          n_movies: set.nSamples,
          seed: options.seed,
          start: 'bias state',
          grey_before_s: set.tPre,
          duration_s: NATURALISTIC_DEFAULTS.durationS,
          texture_size: NATURALISTIC_DEFAULTS.textureSize,
        },
  };
}

/** Prepends flyvis's fade-in: frame j of N is 0.5 + j/(N − 1)·(first frame − 0.5). */
function withFadeIn(movies: StimulusSet): StimulusSet {
  const { nSamples, nFrames, nHexals, dt } = movies;
  const nFade = framesIn(SINTEL_FADE_IN_S, dt);
  const total = nFade + nFrames;
  const frames = new Float32Array(nSamples * total * nHexals);
  for (let s = 0; s < nSamples; s++) {
    const movie = sampleFrames(movies, s);
    for (let j = 0; j < nFade; j++) {
      const c = nFade === 1 ? 1 : j / (nFade - 1);
      const at = (s * total + j) * nHexals;
      for (let h = 0; h < nHexals; h++) frames[at + h] = 0.5 + c * (movie[h] - 0.5);
    }
    frames.set(movie, (s * total + nFade) * nHexals);
  }
  return stimulusSet({
    frames,
    nSamples,
    nFrames: total,
    nHexals,
    dt,
    tPre: nFade * dt,
    samples: movies.samples,
  });
}
