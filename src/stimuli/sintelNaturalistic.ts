import { boxEyeGeometry } from './boxEye.ts';
import { hexTransformPermutation, permuteHexals, type FlipAxis } from './hexTransforms.ts';
import { check, resolveOptions } from './options.ts';
import { renderSintelScene, roundHalfEven, SINTEL_RENDER_DEFAULTS, usableSintelScenes } from './sintel.ts';
import { stimulusSet, type SampleArgs, type StimulusSet } from './stimulusSet.ts';

/**
 * flyvis's AugmentedSintel naturalistic set (MODEL_SPEC §4.6): every split sequence is cut into
 * chunks of 19 frames; each chunk × flip {0, 1} × rotation {0…5} is one sample (in that order),
 * resampled nearest-exact from Sintel's 24 fps to 1/dt. 2,268 samples × 80 frames on the full
 * training set at dt 1/100 (about 0.5 GB of float32; use maxSamples for less).
 */
export interface SintelNaturalisticOptions {
  /** @default 0.01 */
  dt: number;
  /** Keep only the first maxSamples samples (only the scenes they need are decoded). @default Infinity */
  maxSamples: number;
  /** @default 15 */
  extent: number;
}

export const SINTEL_NATURALISTIC_DEFAULTS: SintelNaturalisticOptions = {
  dt: 0.01,
  maxSamples: Infinity,
  extent: 15,
};

/** Sintel's frame rate, and flyvis's chunk length in source frames. */
export const SINTEL_FPS = 24;
export const CHUNK_FRAMES = 19;
const FLIPS: FlipAxis[] = [0, 1];
const N_ROTATIONS = 6;

export function loadSintelNaturalistic(
  dir: string,
  options: Partial<SintelNaturalisticOptions> = {},
): StimulusSet {
  const fn = 'loadSintelNaturalistic';
  const o = resolveOptions(fn, SINTEL_NATURALISTIC_DEFAULTS, options);
  check(o.dt > 0, fn, () => `dt must be positive, got ${o.dt}`);
  check(o.maxSamples >= 0, fn, () => `maxSamples must be ≥ 0, got ${o.maxSamples}`);
  const render = { ...SINTEL_RENDER_DEFAULTS, extent: o.extent };
  const scenes = usableSintelScenes(dir, CHUNK_FRAMES);
  check(
    scenes.length > 0,
    fn,
    () => `expected at least one scene with ≥ ${CHUNK_FRAMES + 1} images in ${dir}`,
  );
  const perChunk = FLIPS.length * N_ROTATIONS;
  const total = scenes.reduce(
    (n, { scene }) => n + render.nSplits * chunkStarts(scene.framePaths.length - 1).length,
    0,
  );
  const nSamples = Math.min(total * perChunk, o.maxSamples);
  const nFrames = resampledFrameCount(CHUNK_FRAMES, o.dt);
  const indices = nearestExactIndices(CHUNK_FRAMES, nFrames);
  const nHexals = boxEyeGeometry(o.extent).nHexals;
  const permutations = FLIPS.map((flip) =>
    Array.from({ length: N_ROTATIONS }, (_, n) => hexTransformPermutation(o.extent, flip, n)),
  );
  const frames = new Float32Array(nSamples * nFrames * nHexals);
  const samples: SampleArgs[] = [];
  for (const { scene, sceneIndex } of scenes) {
    if (samples.length >= nSamples) break;
    for (const sequence of renderSintelScene(scene, sceneIndex, render)) {
      chunkStarts(sequence.nFrames).forEach((start, chunk) => {
        const source = sequence.frames.subarray(start * nHexals, (start + CHUNK_FRAMES) * nHexals);
        const resampled = new Float32Array(nFrames * nHexals);
        indices.forEach((i, f) =>
          resampled.set(source.subarray(i * nHexals, (i + 1) * nHexals), f * nHexals),
        );
        FLIPS.forEach((flip, fi) => {
          for (let rotation = 0; rotation < N_ROTATIONS; rotation++) {
            if (samples.length >= nSamples) return;
            frames.set(
              permuteHexals(resampled, permutations[fi][rotation]),
              samples.length * nFrames * nHexals,
            );
            const { name, scene: sceneName, split } = sequence;
            samples.push({
              sequence: name,
              scene: sceneName,
              split,
              chunk,
              chunkStart: start,
              flip,
              rotation,
            });
          }
        });
      });
    }
  }
  // No grey period: flyvis starts naturalistic responses from the bias state with a fade-in.
  return stimulusSet({ frames, nSamples, nFrames, nHexals, dt: o.dt, tPre: 0, samples });
}

/**
 * Start frames of the chunks of a sequence of T frames: k = round(T/19) chunks starting at
 * i·(19 − overlap) with overlap = ceil((19k − T)/(k − 1)); k ≤ 1 gives the first 19 frames only.
 */
export function chunkStarts(nSequenceFrames: number, chunkFrames = CHUNK_FRAMES): number[] {
  if (nSequenceFrames < chunkFrames) return [];
  const k = roundHalfEven(nSequenceFrames / chunkFrames);
  if (k <= 1) return [0];
  const overlap = Math.ceil((chunkFrames * k - nSequenceFrames) / (k - 1));
  return Array.from({ length: k }, (_, i) => i * (chunkFrames - overlap));
}

/** Frames after resampling from 24 fps to 1/dt: ceil(nIn·(1/dt)/24) (tolerant to float noise in 1/dt). */
export function resampledFrameCount(nIn: number, dt: number, sourceFps = SINTEL_FPS): number {
  return Math.ceil((nIn / dt / sourceFps) * (1 - 1e-12));
}

/**
 * torch "nearest-exact": output frame j shows source min(floor((j + 0.5)·nIn/nOut), nIn − 1),
 * computed exactly in integers.
 */
export function nearestExactIndices(nIn: number, nOut: number): Int32Array {
  return Int32Array.from({ length: nOut }, (_, j) =>
    Math.min(Math.floor(((2 * j + 1) * nIn) / (2 * nOut)), nIn - 1),
  );
}
