import { hexCount } from '../connectome/hex.ts';

/** nFrames × nHexals frames in which every hexal of frame f shows values[f]. */
export function fullField(values: ArrayLike<number>, nHexals: number): Float32Array {
  if (!Number.isInteger(nHexals) || nHexals < 1) {
    throw new Error(`Error in fullField: nHexals must be a positive integer, got ${nHexals}`);
  }
  const frames = new Float32Array(values.length * nHexals);
  for (let f = 0; f < values.length; f++) frames.fill(values[f], f * nHexals, (f + 1) * nHexals);
  return frames;
}

/** nFrames × nHexals frames of uniform grey `level` (default 0.5; 721 hexals = extent 15). */
export function grey(nFrames: number, level = 0.5, nHexals = hexCount(15)): Float32Array {
  if (!Number.isInteger(nFrames) || nFrames < 0) {
    throw new Error(`Error in grey: nFrames must be a non-negative integer, got ${nFrames}`);
  }
  return fullField(new Float32Array(nFrames).fill(level), nHexals);
}
