/**
 * The Shannon rate R = ∫₀^{f_max} log2(1 + S(f)/N(f)) df on a uniform grid f_j = j·Δf, j = 0 … m,
 * f_max = m·Δf, by the trapezoid rule (half weight at 0 and f_max). The rule is exact for the
 * Parseval sum of the Welch convention and converges exponentially for the smooth, periodic
 * integrands of the linear estimator.
 */

/** A rate with the spectra behind it (DESIGN "Information rate": report f_max with every number). */
export interface RateSpectrum {
  /** bit/s */
  rate: number;
  /** Upper integration limit, Hz: the Nyquist frequency 1/(2dt). */
  fMax: number;
  /** Hz, uniform from 0 to fMax. */
  freqs: Float64Array;
  /** One-sided signal PSD, a.u.²/Hz (bias-corrected and clipped at 0 for the simulation estimator). */
  signal: Float64Array;
  /** One-sided noise PSD, a.u.²/Hz. */
  noise: Float64Array;
  /** signal / noise */
  snr: Float64Array;
  /** Bins where the bias-corrected signal power was negative and set to 0 (always 0 for the linear estimator). */
  clippedBins: number;
}

/** Trapezoid weight of bin j of m + 1 bins (in units of Δf). */
export const trapezoidWeight = (j: number, nBins: number): number => (j === 0 || j === nBins - 1 ? 0.5 : 1);

/** R = Σ_j w_j·log2(1 + snr_j)·Δf with trapezoid weights w_j, bit/s. */
export function rateFromSnr(snr: ArrayLike<number>, df: number): number {
  if (snr.length < 2)
    throw new Error(`Error in rateFromSnr: expected at least 2 frequency bins, got ${snr.length}`);
  let total = 0;
  for (let j = 0; j < snr.length; j++) total += trapezoidWeight(j, snr.length) * Math.log2(1 + snr[j]);
  return total * df;
}

/** The rate and SNR from signal and noise spectra on the grid `freqs` (uniform, starting at 0). */
export function rateSpectrum(
  freqs: Float64Array,
  signal: Float64Array,
  noise: Float64Array,
  clippedBins = 0,
): RateSpectrum {
  const m = freqs.length;
  if (signal.length !== m || noise.length !== m) {
    throw new Error(
      `Error in rateSpectrum: expected signal and noise on ${m} bins, got ${signal.length} and ${noise.length}`,
    );
  }
  const snr = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    if (!(noise[j] > 0)) {
      throw new Error(
        `Error in rateSpectrum: noise power must be > 0 at every frequency, got ${noise[j]} at ${freqs[j]} Hz (identical repeats? add noise)`,
      );
    }
    snr[j] = signal[j] / noise[j];
  }
  const df = freqs[1] - freqs[0];
  return { rate: rateFromSnr(snr, df), fMax: freqs[m - 1], freqs, signal, noise, snr, clippedBins };
}
