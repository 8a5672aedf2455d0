import { complexMatrix, hessenberg } from '../../engine/reduced/hessenberg.ts';
import { shiftedHessenbergLu, solveShiftedLu } from '../../engine/reduced/hessenbergLu.ts';
import { rateSpectrum, type RateSpectrum } from './spectralRate.ts';

/**
 * The linear estimator for a discrete-time linear system (the Euler map linearised at the grey
 * fixed point, or one lattice Fourier mode of it):
 *   x_{k+1} = A·x_k + b_s·s_k + Σ_s B_n[:, s]·η_{s,k},   y = C·x,
 * with one stimulus channel s and white noise sources η_s of spectral level σ_s (per-step variance
 * σ_s²/dt, DESIGN "Information rate: the details"). With z = e^{2πi f dt} and one-sided spectra:
 *   S_t(f) = |C_t (zI − A)⁻¹ b_s|²·S_stim(f),   N_t(f) = Σ_s |C_t (zI − A)⁻¹ B_n[:, s]|²·2σ_s²
 * (2σ_s² is the one-sided PSD of a drive with per-step variance σ_s²/dt). Each output's row
 * C_t (zI − A)⁻¹ is wᵀ with w = (zI − Aᵀ)⁻¹·c_t; with Aᵀ = Q·H·Q* (Hessenberg, once) that is
 * w = Q·(zI − H)⁻¹·Q*·c_t: one O(n²) factorisation of H − zI per frequency serves every output
 * (an O(n²) solve each), and wᵀ·b = yᵀ·(Qᵀ·b).
 */
export interface DiscreteLinearSystem {
  nStates: number;
  /** Euler map, nStates × nStates, row-major. */
  A: Float64Array;
  /** Imaginary part of A, for a lattice Fourier (Bloch) mode; omitted for a real map. */
  Aim?: Float64Array;
  /** How the stimulus enters the state: nStates values. */
  stimulusInput: Float64Array;
  /** How each noise source enters: nStates × nNoise, row-major (column s = source s). */
  noiseInput: Float64Array;
  /** Spectral level σ_s of each noise source, a.u./√Hz. */
  noiseStd: Float64Array;
  /** Readout, nOutputs × nStates, row-major. */
  C: Float64Array;
}

export interface LinearOptions {
  /** Time step of the Euler map, s. */
  dt: number;
  /** One-sided stimulus PSD, a.u.²/Hz: a constant (white) or a function of f. White noise of per-step std c has 2c²·dt. */
  stimulusPsd: number | ((f: number) => number);
  /** Frequency bins from 0 to 1/(2dt) inclusive. @default 257 */
  nFreqs?: number;
}

export interface LinearSpectra {
  freqs: Float64Array;
  /** Per output: |H_t(f)|², the power gain from stimulus to output. */
  gain: Float64Array[];
  /** Per output: S_t(f), a.u.²/Hz. */
  signal: Float64Array[];
  /** Per output: N_t(f), a.u.²/Hz. */
  noise: Float64Array[];
}

export const DEFAULT_LINEAR_FREQS = 257;

function dimensions(sys: DiscreteLinearSystem) {
  const n = sys.nStates;
  const nNoise = sys.noiseStd.length;
  const nOut = sys.C.length / n;
  const fail = (what: string, expected: number, got: number) => {
    throw new Error(`Error in linearSpectra: ${what} must have ${expected} entries, got ${got}`);
  };
  if (sys.A.length !== n * n) fail('A', n * n, sys.A.length);
  if (sys.Aim && sys.Aim.length !== n * n) fail('Aim', n * n, sys.Aim.length);
  if (sys.stimulusInput.length !== n) fail('stimulusInput', n, sys.stimulusInput.length);
  if (sys.noiseInput.length !== n * nNoise)
    fail('noiseInput (nStates × noiseStd.length)', n * nNoise, sys.noiseInput.length);
  if (!Number.isInteger(nOut) || nOut < 1) fail('C (a multiple of nStates)', n, sys.C.length);
  return { n, nNoise, nOut };
}

export function linearSpectra(sys: DiscreteLinearSystem, options: LinearOptions): LinearSpectra {
  const { n, nNoise, nOut } = dimensions(sys);
  const { dt } = options;
  const m = options.nFreqs ?? DEFAULT_LINEAR_FREQS;
  if (!(dt > 0)) throw new Error(`Error in linearSpectra: dt must be > 0, got ${dt}`);
  if (!Number.isInteger(m) || m < 2)
    throw new Error(`Error in linearSpectra: nFreqs must be an integer ≥ 2, got ${m}`);
  const stimulusPsd = options.stimulusPsd;
  const psdAt = typeof stimulusPsd === 'number' ? () => stimulusPsd : stimulusPsd;
  const freqs = Float64Array.from({ length: m }, (_, j) => (j * 0.5) / ((m - 1) * dt));
  const gain = Array.from({ length: nOut }, () => new Float64Array(m));
  const signal = Array.from({ length: nOut }, () => new Float64Array(m));
  const noise = Array.from({ length: nOut }, () => new Float64Array(m));
  const { q, h } = hessenberg(transposed(sys), true);
  const Q = q!;
  // Frequency-independent parts: −Q*·c_t per output (the factors are of H − zI), Qᵀ·b_s and Qᵀ·B_n.
  const rhs = Array.from({ length: nOut }, (_, t) => {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const c = sys.C[t * n + i];
        re[k] -= Q.re[i * n + k] * c;
        im[k] += Q.im[i * n + k] * c;
      }
    }
    return { re, im };
  });
  const stimulus = rotate(Q, sys.stimulusInput, 1, n);
  const noiseIn = rotate(Q, sys.noiseInput, nNoise, n);
  const twoVar = Float64Array.from(sys.noiseStd, (s) => 2 * s * s);
  for (let j = 0; j < m; j++) {
    const theta = 2 * Math.PI * freqs[j] * dt;
    const sStim = psdAt(freqs[j]);
    const lu = shiftedHessenbergLu(n, h.re, h.im, Math.cos(theta), Math.sin(theta));
    for (let t = 0; t < nOut; t++) {
      const [yr, yi] = solveShiftedLu(lu, rhs[t].re, rhs[t].im, false);
      gain[t][j] = powerOf(yr, yi, stimulus, 0, 1);
      signal[t][j] = gain[t][j] * sStim;
      let total = 0;
      for (let s = 0; s < nNoise; s++) total += powerOf(yr, yi, noiseIn, s, nNoise) * twoVar[s];
      noise[t][j] = total;
    }
  }
  return { freqs, gain, signal, noise };
}

/** Aᵀ (plain transpose) as a complex matrix. */
function transposed(sys: DiscreteLinearSystem) {
  const n = sys.nStates;
  const t = complexMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      t.re[j * n + i] = sys.A[i * n + j];
      t.im[j * n + i] = sys.Aim ? sys.Aim[i * n + j] : 0;
    }
  }
  return t;
}

/** Qᵀ·B for a real n × cols matrix B (row-major); complex result, row-major. */
function rotate(Q: { re: Float64Array; im: Float64Array }, B: Float64Array, cols: number, n: number) {
  const re = new Float64Array(n * cols);
  const im = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const qr = Q.re[i * n + k];
      const qi = Q.im[i * n + k];
      for (let c = 0; c < cols; c++) {
        const b = B[i * cols + c];
        if (b === 0) continue;
        re[k * cols + c] += qr * b;
        im[k * cols + c] += qi * b;
      }
    }
  }
  return { re, im };
}

/** |Σ_k y_k·V[k·stride + col]|² for complex y and V. */
function powerOf(
  yr: Float64Array,
  yi: Float64Array,
  V: { re: Float64Array; im: Float64Array },
  col: number,
  stride: number,
): number {
  let sr = 0;
  let si = 0;
  for (let k = 0; k < yr.length; k++) {
    const vr = V.re[k * stride + col];
    const vi = V.im[k * stride + col];
    sr += yr[k] * vr - yi[k] * vi;
    si += yr[k] * vi + yi[k] * vr;
  }
  return sr * sr + si * si;
}

/** The rate of every output (bit/s, up to 1/(2dt)), with its spectra. */
export function linearRate(sys: DiscreteLinearSystem, options: LinearOptions): RateSpectrum[] {
  const spectra = linearSpectra(sys, options);
  return spectra.signal.map((signal, t) => rateSpectrum(spectra.freqs, signal, spectra.noise[t]));
}
