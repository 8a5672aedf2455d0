import type { Params } from '../../network/params.ts';
import type { ReducedStructure } from './structure.ts';

/**
 * Per-group weight sign · exp(synCountLog) · strength with flyvis's float32 rounding of each
 * product (MODEL_SPEC §2.2), so the reduced sums add the same float32 numbers as the lattice.
 */
export function groupWeightsF32(structure: ReducedStructure, params: Params): Float32Array {
  return Float32Array.from(structure.groupPair, (p, g) => {
    const count = Math.fround(Math.exp(params.synCountLog[g]));
    return Math.fround(Math.fround(params.sign[p] * count) * params.strength[p]);
  });
}

/** Reduced weight of every entry: the float64 sum of its groups' float32 weights. */
export function reducedWeights(structure: ReducedStructure, params: Params): Float64Array {
  const groupWeight = groupWeightsF32(structure, params);
  const nEntries = structure.entrySource.length;
  const w = new Float64Array(nEntries);
  for (let e = 0; e < nEntries; e++) {
    let sum = 0;
    for (let k = structure.termStart[e]; k < structure.termStart[e + 1]; k++)
      sum += groupWeight[structure.termGroup[k]];
    w[e] = sum;
  }
  return w;
}

/** The reduced weight matrix as a dense row-major nUnits × nUnits array (row = target). */
export function denseWeights(structure: ReducedStructure, weight: Float64Array): Float64Array {
  const n = structure.nUnits;
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let e = structure.rowStart[i]; e < structure.rowStart[i + 1]; e++)
      dense[i * n + structure.entrySource[e]] += weight[e];
  }
  return dense;
}

/** Per-unit bias and Euler rate a = dt / max(τ, dt) (float32, as flyvis floors τ at dt). */
export function unitBiasAndRate(
  structure: ReducedStructure,
  params: Params,
  dt: number,
): { bias: Float32Array; rate: Float32Array } {
  const bias = Float32Array.from(structure.unitType, (t) => params.bias[t]);
  const rate = Float32Array.from(structure.unitType, (t) => Math.fround(dt / Math.max(params.tauS[t], dt)));
  return { bias, rate };
}
