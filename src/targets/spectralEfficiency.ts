import type { NetworkSpectra } from '../engine/reduced/networkSpectra.ts';

/**
 * Per type, the Shannon rate divided by its band, ρ_t = R_t / f_max = mean over [0, f_max] of
 * log2(1 + S_t/N_t) (trapezoid rule, as every flyaux rate integral), with S_t = gain_t·S_stim;
 * and the cotangents of Σ_t c_t·ρ_t w.r.t. the gains and noises. With log(1 + S/N) =
 * log(N + S) − log N: ∂/∂S = 1/(N + S), ∂/∂N = 1/(N + S) − 1/N.
 */
export function spectralEfficiency(spectra: NetworkSpectra, stimulusPsd: number): Float64Array {
  const m = spectra.freqs.length;
  return Float64Array.from(spectra.gain, (gain, t) => {
    let sum = 0;
    for (let j = 0; j < m; j++)
      sum += trapezoid(j, m) * Math.log2(1 + (gain[j] * stimulusPsd) / spectra.noise[t][j]);
    return sum / (m - 1);
  });
}

export function spectralEfficiencyCotangent(
  spectra: NetworkSpectra,
  stimulusPsd: number,
  coefficient: Float64Array,
): { gain: Float64Array[]; noise: Float64Array[] } {
  const m = spectra.freqs.length;
  const gain = spectra.gain.map(() => new Float64Array(m));
  const noise = spectra.gain.map(() => new Float64Array(m));
  spectra.gain.forEach((g, t) => {
    if (coefficient[t] === 0) return;
    for (let j = 0; j < m; j++) {
      const c = (coefficient[t] * trapezoid(j, m)) / ((m - 1) * Math.LN2);
      const n = spectra.noise[t][j];
      const total = n + g[j] * stimulusPsd;
      gain[t][j] = (c * stimulusPsd) / total;
      noise[t][j] = c * (1 / total - 1 / n);
    }
  });
  return { gain, noise };
}

const trapezoid = (j: number, m: number) => (j === 0 || j === m - 1 ? 0.5 : 1);
