import type { NetworkTables } from '../connectome/tables.ts';
import { prng } from '../util/random.ts';
import type { NoiseSpec } from './types.ts';

/**
 * Adds white noise to the Euler drive, η ~ N(0, σ²/dt) per node and step, so that σ² is a
 * spectral level that does not change with dt (DESIGN, information rate). Input noise goes to
 * the photoreceptors (independent per node, or one value per column shared by R1–R8), intrinsic
 * noise to every node. Called once per sample and step, in sample order, so a seed fixes the result.
 */
export function noiseSource(
  spec: NoiseSpec | undefined,
  dt: number,
  tables: NetworkTables,
): ((drive: Float32Array) => void) | undefined {
  const inputStd = spec?.inputStd ?? 0;
  const intrinsicStd = spec?.intrinsicStd ?? 0;
  if (!(inputStd >= 0 && intrinsicStd >= 0)) {
    throw new Error(
      `Error in noise: levels must be ≥ 0, got inputStd ${inputStd}, intrinsicStd ${intrinsicStd}`,
    );
  }
  if (inputStd === 0 && intrinsicStd === 0) return undefined;
  const rng = prng(spec?.seed ?? 0);
  const sIn = inputStd / Math.sqrt(dt);
  const sInt = intrinsicStd / Math.sqrt(dt);
  const shared = spec?.inputMode === 'shared';
  const nHex = tables.nHexals;
  const nInputs = tables.inputTypes.length;
  return (drive) => {
    if (sIn > 0) {
      for (let h = 0; h < nHex; h++) {
        const common = shared ? sIn * rng.normal() : 0;
        for (let r = 0; r < nInputs; r++)
          drive[tables.inputIndex[r * nHex + h]] += shared ? common : sIn * rng.normal();
      }
    }
    if (sInt > 0) for (let i = 0; i < drive.length; i++) drive[i] += sInt * rng.normal();
  };
}
