import FFT from 'fft.js';

/**
 * Welch power spectral density and its vector–Jacobian product.
 *
 * Convention (used by every spectrum in flyaux): one-sided density in a.u.²/Hz on the bins
 * f_j = j·Δf, j = 0 … L/2, Δf = 1/(L·dt), with the factor 2 applied at every bin (DC and Nyquist
 * included), so that the trapezoid integral over [0, 1/(2dt)] is the variance. White noise with
 * per-step variance v has PSD 2·v·dt. Each segment is detrended (its mean removed: the operating
 * point would otherwise leak into the low bins through the window) and multiplied by a periodic
 * Hann window; segments overlap by 50 %; samples after the last full segment are not used.
 */

export interface WelchOptions {
  /** Samples per segment: a power of two ≥ 4 (fft.js). @default 128 */
  segmentLength?: number;
}

export const DEFAULT_SEGMENT_LENGTH = 128;

export interface WelchPlan {
  readonly nSamples: number;
  readonly dt: number;
  readonly segmentLength: number;
  readonly nSegments: number;
  /** L/2 + 1 frequency bins. */
  readonly nBins: number;
  /** Bin spacing Δf = 1/(L·dt), Hz. */
  readonly df: number;
  readonly freqs: Float64Array;
  /** PSD (a.u.²/Hz) of one trace of nSamples values starting at `offset` in `x`. */
  psd(x: ArrayLike<number>, offset?: number): Float64Array;
  /** Adds ∂(Σ_j gradPsd_j·PSD_j)/∂x to `gradX` (at `offset`), for the trace starting at `offset` in `x`. */
  accumulateVjp(x: ArrayLike<number>, gradPsd: ArrayLike<number>, gradX: Float64Array, offset?: number): void;
}

/** Precomputes the window and FFT for traces of `nSamples` values at time step `dt`. */
export function welchPlan(nSamples: number, dt: number, options: WelchOptions = {}): WelchPlan {
  const L = options.segmentLength ?? DEFAULT_SEGMENT_LENGTH;
  if (!Number.isInteger(L) || L < 4 || (L & (L - 1)) !== 0) {
    throw new Error(`Error in welchPlan: segmentLength must be a power of two ≥ 4, got ${L}`);
  }
  if (!(dt > 0)) throw new Error(`Error in welchPlan: dt must be > 0, got ${dt}`);
  if (!(nSamples >= L)) {
    throw new Error(`Error in welchPlan: a trace of ${nSamples} samples is shorter than segmentLength ${L}`);
  }
  const hop = L / 2;
  const nSegments = Math.floor((nSamples - L) / hop) + 1;
  const nBins = L / 2 + 1;
  const df = 1 / (L * dt);
  const freqs = Float64Array.from({ length: nBins }, (_, j) => j * df);
  const window = Float64Array.from({ length: L }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / L));
  const windowPower = window.reduce((s, w) => s + w * w, 0);
  // PSD_j = scale · Σ_segments |X_j|²
  const scale = (2 * dt) / (windowPower * nSegments);
  const fft = new FFT(L);
  const segment = new Float64Array(L);
  const spectrum = new Float64Array(2 * L);
  const backward = new Float64Array(2 * L);
  const backwardOut = new Float64Array(2 * L);

  // Detrended, windowed segment s of the trace at `offset`, transformed into `spectrum` (bins 0..L/2).
  const transformSegment = (x: ArrayLike<number>, offset: number, s: number) => {
    const start = offset + s * hop;
    let mean = 0;
    for (let n = 0; n < L; n++) mean += x[start + n];
    mean /= L;
    for (let n = 0; n < L; n++) segment[n] = window[n] * (x[start + n] - mean);
    fft.realTransform(spectrum, segment);
  };

  return {
    nSamples,
    dt,
    segmentLength: L,
    nSegments,
    nBins,
    df,
    freqs,
    psd(x, offset = 0) {
      checkLength('psd', x, offset, nSamples);
      const out = new Float64Array(nBins);
      for (let s = 0; s < nSegments; s++) {
        transformSegment(x, offset, s);
        for (let j = 0; j < nBins; j++) out[j] += spectrum[2 * j] ** 2 + spectrum[2 * j + 1] ** 2;
      }
      for (let j = 0; j < nBins; j++) out[j] *= scale;
      return out;
    },
    accumulateVjp(x, gradPsd, gradX, offset = 0) {
      checkLength('accumulateVjp', x, offset, nSamples);
      if (gradPsd.length !== nBins) {
        throw new Error(`Error in accumulateVjp: gradPsd must have ${nBins} bins, got ${gradPsd.length}`);
      }
      for (let s = 0; s < nSegments; s++) {
        transformSegment(x, offset, s);
        // ∂|X_j|²/∂u_n = 2·Re(X_j·e^{+2πijn/L}); the sum over j is an inverse transform of g_j·X_j.
        backward.fill(0);
        for (let j = 0; j < nBins; j++) {
          backward[2 * j] = gradPsd[j] * scale * spectrum[2 * j];
          backward[2 * j + 1] = gradPsd[j] * scale * spectrum[2 * j + 1];
        }
        fft.inverseTransform(backwardOut, backward);
        // u = window ⊙ (x − mean): the adjoint multiplies by the window, then removes the mean.
        let mean = 0;
        for (let n = 0; n < L; n++) {
          segment[n] = 2 * L * backwardOut[2 * n] * window[n];
          mean += segment[n];
        }
        mean /= L;
        const start = offset + s * hop;
        for (let n = 0; n < L; n++) gradX[start + n] += segment[n] - mean;
      }
    },
  };
}

function checkLength(fn: string, x: ArrayLike<number>, offset: number, nSamples: number) {
  if (offset < 0 || offset + nSamples > x.length) {
    throw new Error(
      `Error in ${fn}: a trace of ${nSamples} samples at offset ${offset} does not fit in an array of ${x.length}`,
    );
  }
}

/** Welch PSD of one trace (see the module comment for the convention). */
export function welchPsd(
  x: ArrayLike<number>,
  dt: number,
  options: WelchOptions = {},
): { freqs: Float64Array; psd: Float64Array; df: number; nSegments: number } {
  const plan = welchPlan(x.length, dt, options);
  return { freqs: plan.freqs, psd: plan.psd(x), df: plan.df, nSegments: plan.nSegments };
}

/** ∂(Σ_j gradPsd_j·PSD_j)/∂x for one trace: the adjoint of `welchPsd`. */
export function welchPsdVjp(
  x: ArrayLike<number>,
  dt: number,
  gradPsd: ArrayLike<number>,
  options: WelchOptions = {},
): Float64Array {
  const grad = new Float64Array(x.length);
  welchPlan(x.length, dt, options).accumulateVjp(x, gradPsd, grad);
  return grad;
}
