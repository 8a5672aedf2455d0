import type { NetworkTables } from '../connectome/tables.ts';
import { prng } from '../util/random.ts';
import type { NoiseSpec } from './types.ts';

/** Adds one step of noise to one sample's drive: node i at drive[offset + i·stride]. */
export type AddNoise = (drive: Float32Array, offset: number, stride: number) => void;

/**
 * Adds white noise to the Euler drive, η ~ N(0, σ²/dt) per node and step, so that σ² is a
 * spectral level that does not change with dt (DESIGN, information rate). Input noise goes to
 * the photoreceptors (independent per node, or one value per column shared by R1–R8), intrinsic
 * noise to every node. Each sample draws from its own stream, seeded by (seed, sample index) (see
 * sampleSeed): a sample's noise does not depend on the batch it runs in, on the other samples or
 * on how the batch is split across threads. Within a step, input noise is drawn before intrinsic noise.
 */
export function noiseSource(
  spec: NoiseSpec | undefined,
  dt: number,
  tables: NetworkTables,
  sampleIndex: number,
): AddNoise | undefined {
  const inputStd = spec?.inputStd ?? 0;
  const intrinsicStd = spec?.intrinsicStd ?? 0;
  if (!(inputStd >= 0 && intrinsicStd >= 0)) {
    throw new Error(
      `Error in noise: levels must be ≥ 0, got inputStd ${inputStd}, intrinsicStd ${intrinsicStd}`,
    );
  }
  if (inputStd === 0 && intrinsicStd === 0) return undefined;
  const rng = prng(sampleSeed(spec?.seed ?? 0, sampleIndex));
  const sIn = inputStd / Math.sqrt(dt);
  const sInt = intrinsicStd / Math.sqrt(dt);
  const shared = spec?.inputMode === 'shared';
  const nHex = tables.nHexals;
  const nInputs = tables.inputTypes.length;
  const nNodes = tables.nNodes;
  return (drive, offset, stride) => {
    if (sIn > 0) {
      for (let h = 0; h < nHex; h++) {
        const common = shared ? sIn * rng.normal() : 0;
        for (let r = 0; r < nInputs; r++)
          drive[offset + tables.inputIndex[r * nHex + h] * stride] += shared ? common : sIn * rng.normal();
      }
    }
    if (sInt > 0) for (let i = 0; i < nNodes; i++) drive[offset + i * stride] += sInt * rng.normal();
  };
}

/**
 * The 32-bit seed of sample `index`'s noise stream: the run's seed and the index mixed by
 * MurmurHash3's finaliser, so neighbouring seeds and indices give unrelated Mersenne Twister states.
 */
export function sampleSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index >>> 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
