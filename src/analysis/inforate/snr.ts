import { welchPlan, type WelchOptions, type WelchPlan } from './welch.ts';

/**
 * Signal and noise spectra from n repeats of the same stimulus with independent noise
 * (de Ruyter van Steveninck & Laughlin 1996; Juusola & de Polavieja 2003): signal = trial mean,
 * noise = residuals. With finite n the power of the mean is S + N/n and the mean residual power is
 * N·(n − 1)/n, so N = n/(n − 1)·(mean residual power) and S = (power of the mean) − N/n.
 * S is clipped at 0 (zero gradient there) and the clipped bins are counted.
 */

export interface RepeatOptions extends WelchOptions {
  /** Time step of the traces, s. */
  dt: number;
  /** Number of repeats n ≥ 2; the traces are n × T, repeat-major. */
  nRepeats: number;
}

export interface RepeatSpectra {
  freqs: Float64Array;
  df: number;
  /** Nyquist frequency 1/(2dt), Hz. */
  fMax: number;
  /** PSD of the trial mean, a.u.²/Hz. */
  meanPower: Float64Array;
  /** Bias-corrected single-trial noise PSD N, a.u.²/Hz. */
  noise: Float64Array;
  /** Bias-corrected signal PSD S, clipped at 0, a.u.²/Hz. */
  signal: Float64Array;
  /** Bins where S was negative before clipping. */
  clipped: Uint8Array;
  clippedBins: number;
}

interface Layout {
  n: number;
  T: number;
  plan: WelchPlan;
}

function layout(fn: string, traces: ArrayLike<number>, options: RepeatOptions): Layout {
  const n = options.nRepeats;
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`Error in ${fn}: nRepeats must be an integer ≥ 2, got ${n}`);
  if (traces.length % n !== 0) {
    throw new Error(
      `Error in ${fn}: ${traces.length} trace values do not split into ${n} repeats of equal length`,
    );
  }
  const T = traces.length / n;
  return { n, T, plan: welchPlan(T, options.dt, options) };
}

/** Trial mean (T) and residuals (n × T) in float64. */
function meanAndResiduals(traces: ArrayLike<number>, n: number, T: number) {
  const mean = new Float64Array(T);
  for (let r = 0; r < n; r++) for (let t = 0; t < T; t++) mean[t] += traces[r * T + t];
  for (let t = 0; t < T; t++) mean[t] /= n;
  const residuals = new Float64Array(n * T);
  for (let r = 0; r < n; r++) for (let t = 0; t < T; t++) residuals[r * T + t] = traces[r * T + t] - mean[t];
  return { mean, residuals };
}

export function repeatSpectra(traces: ArrayLike<number>, options: RepeatOptions): RepeatSpectra {
  const { n, T, plan } = layout('repeatSpectra', traces, options);
  const { mean, residuals } = meanAndResiduals(traces, n, T);
  const meanPower = plan.psd(mean);
  const noise = new Float64Array(plan.nBins);
  for (let r = 0; r < n; r++) {
    const p = plan.psd(residuals, r * T);
    for (let j = 0; j < plan.nBins; j++) noise[j] += p[j];
  }
  const signal = new Float64Array(plan.nBins);
  const clipped = new Uint8Array(plan.nBins);
  let clippedBins = 0;
  for (let j = 0; j < plan.nBins; j++) {
    noise[j] /= n - 1; // n/(n−1) · (1/n) Σ_r
    const s = meanPower[j] - noise[j] / n;
    if (s < 0) {
      clipped[j] = 1;
      clippedBins++;
    } else signal[j] = s;
  }
  return {
    freqs: plan.freqs,
    df: plan.df,
    fMax: plan.freqs[plan.nBins - 1],
    meanPower,
    noise,
    signal,
    clipped,
    clippedBins,
  };
}

/**
 * ∂(Σ_j gradSignal_j·S_j + gradNoise_j·N_j)/∂traces, n × T. Clipped bins pass no gradient through S.
 * `spectra` must come from `repeatSpectra(traces, options)`.
 */
export function repeatSpectraVjp(
  traces: ArrayLike<number>,
  options: RepeatOptions,
  spectra: RepeatSpectra,
  gradSignal: ArrayLike<number>,
  gradNoise: ArrayLike<number>,
): Float64Array {
  const { n, T, plan } = layout('repeatSpectraVjp', traces, options);
  if (gradSignal.length !== plan.nBins || gradNoise.length !== plan.nBins) {
    throw new Error(
      `Error in repeatSpectraVjp: expected gradients on ${plan.nBins} bins, got ${gradSignal.length} and ${gradNoise.length}`,
    );
  }
  const { mean, residuals } = meanAndResiduals(traces, n, T);
  const gradMeanPower = new Float64Array(plan.nBins);
  const gradResidualPower = new Float64Array(plan.nBins);
  for (let j = 0; j < plan.nBins; j++) {
    const gS = spectra.clipped[j] ? 0 : gradSignal[j];
    gradMeanPower[j] = gS;
    // N = Σ_r P_r/(n − 1), and S depends on N through −N/n.
    gradResidualPower[j] = (gradNoise[j] - gS / n) / (n - 1);
  }
  const gradMean = new Float64Array(T);
  plan.accumulateVjp(mean, gradMeanPower, gradMean);
  const gradResiduals = new Float64Array(n * T);
  for (let r = 0; r < n; r++) plan.accumulateVjp(residuals, gradResidualPower, gradResiduals, r * T);
  // mean = (1/n) Σ_r x_r and e_r = x_r − mean.
  const shared = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += gradResiduals[r * T + t];
    shared[t] = (gradMean[t] - sum) / n;
  }
  const grad = new Float64Array(n * T);
  for (let r = 0; r < n; r++)
    for (let t = 0; t < T; t++) grad[r * T + t] = gradResiduals[r * T + t] + shared[t];
  return grad;
}
