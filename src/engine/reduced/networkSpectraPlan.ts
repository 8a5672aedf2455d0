import type { Params } from '../../network/params.ts';
import { unitRates, type Wavevector } from './linearize.ts';
import type { NetworkSpectraOptions } from './networkSpectra.ts';
import type { ReducedStructure } from './structure.ts';
import { groupWeightsF32 } from './weights.ts';

/** What every k-point of `networkSpectra` shares: rates, weights, the k-points and the readout weights. */
export interface SpectraPlan {
  nFft: number;
  nFreqs: number;
  rate: Float64Array;
  groupWeight: Float32Array;
  /** One representative per pair ±k (the first is k = 0) with its weight multiplicity / (2·nu·nv). */
  kPoints: { k: Wavevector; weight: number }[];
  /** Incoherent readouts [input noise, intrinsic noise] with weights a_u²·2σ_u². */
  incoherent: Float64Array[];
  /** The signal readout: a_u on R1–R8 (a luminance change drives every photoreceptor). */
  signal: Float64Array;
  /** Shared input noise: per column class, a_u on its R1–R8 units; power × sharedScale = 2σ_in². */
  shared: Float64Array[];
  sharedScale: number;
}

export function spectraPlan(
  structure: ReducedStructure,
  params: Params,
  options: NetworkSpectraOptions,
): SpectraPlan {
  const { dt, nFreqs = 129, kGrid = [2, 2], noise } = options;
  const fail = (what: string) => new Error(`Error in networkSpectra: ${what}`);
  const nFft = 2 * (nFreqs - 1);
  if (!(dt > 0)) throw fail(`dt must be > 0, got ${dt}`);
  if (!(Number.isInteger(nFreqs) && nFreqs >= 3 && (nFft & (nFft - 1)) === 0))
    throw fail(`nFreqs must be 2^p + 1 (p ≥ 1), got ${nFreqs}`);
  const [nu, nv] = kGrid;
  if (!(Number.isInteger(nu) && Number.isInteger(nv) && nu > 0 && nv > 0))
    throw fail(`kGrid must be two positive integers, got [${kGrid}]`);
  if (!(noise.inputStd >= 0 && noise.intrinsicStd >= 0) || noise.inputStd + noise.intrinsicStd === 0)
    throw fail(`noise levels must be ≥ 0 and not both 0, got ${noise.inputStd}, ${noise.intrinsicStd}`);
  const rate = unitRates(structure, params, dt);
  const isInput = new Uint8Array(structure.nUnits);
  for (const u of structure.inputUnits) isInput[u] = 1;
  const level = (s: number) => 2 * s * s; // one-sided PSD of a drive of spectral level s
  const shared = noise.inputMode === 'shared';
  const [pu, pv] = structure.classPeriod;
  const kPoints: SpectraPlan['kPoints'] = [];
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      const mirror = ((nu - i) % nu) * nv + ((nv - j) % nv);
      if (mirror < i * nv + j) continue; // computed as the partner
      const multiplicity = mirror === i * nv + j ? 1 : 2;
      const k: Wavevector = [(2 * Math.PI * i) / (pu * nu), (2 * Math.PI * j) / (pv * nv)];
      kPoints.push({ k, weight: multiplicity / (2 * nu * nv) });
    }
  }
  return {
    nFft,
    nFreqs,
    rate,
    groupWeight: groupWeightsF32(structure, params),
    kPoints,
    incoherent: [
      rate.map((a, u) => (isInput[u] && !shared ? a * a * level(noise.inputStd) : 0)),
      rate.map((a) => a * a * level(noise.intrinsicStd)),
    ],
    signal: rate.map((a, u) => (isInput[u] ? a : 0)),
    shared: shared
      ? [...new Set(structure.unitClass)].map((c) =>
          rate.map((a, u) => (isInput[u] && structure.unitClass[u] === c ? a : 0)),
        )
      : [],
    sharedScale: level(noise.inputStd),
  };
}
