import { repeatSpectra, repeatSpectraVjp, type RepeatOptions } from './snr.ts';
import { rateSpectrum, trapezoidWeight, type RateSpectrum } from './spectralRate.ts';

/**
 * The simulation estimator: from n repeats (n × T, repeat-major) of one cell's response to the same
 * stimulus with independent noise, R = ∫₀^{1/(2dt)} log2(1 + S/N) df with the bias-corrected Welch
 * spectra of `repeatSpectra`.
 */
export function simulationRate(traces: ArrayLike<number>, options: RepeatOptions): RateSpectrum {
  const spectra = repeatSpectra(traces, options);
  return rateSpectrum(spectra.freqs, spectra.signal, spectra.noise, spectra.clippedBins);
}

/**
 * The rate and ∂R/∂traces (n × T). With log(1 + S/N) = log(N + S) − log N:
 * ∂/∂S = 1/(N + S) and ∂/∂N = 1/(N + S) − 1/N, each times the trapezoid weight·Δf/ln 2.
 * Clipped bins (S = 0) contribute nothing and pass no gradient.
 */
export function simulationRateGrad(
  traces: ArrayLike<number>,
  options: RepeatOptions,
): { result: RateSpectrum; grad: Float64Array } {
  const spectra = repeatSpectra(traces, options);
  const result = rateSpectrum(spectra.freqs, spectra.signal, spectra.noise, spectra.clippedBins);
  const m = spectra.freqs.length;
  const gradSignal = new Float64Array(m);
  const gradNoise = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    if (spectra.clipped[j]) continue;
    const c = (trapezoidWeight(j, m) * spectra.df) / Math.LN2;
    const total = spectra.noise[j] + spectra.signal[j];
    gradSignal[j] = c / total;
    gradNoise[j] = c * (1 / total - 1 / spectra.noise[j]);
  }
  return { result, grad: repeatSpectraVjp(traces, options, spectra, gradSignal, gradNoise) };
}
