import type { NoiseSpec } from './types.ts';

/**
 * Default noise levels for information rates; the reasoning is in docs/information-rate.md.
 *
 * Input noise: calibrated so that an isolated model photoreceptor (a leaky integrator of luminance
 * plus its input and intrinsic noise) driven by DESIGN's default full-field white noise (std 0.15
 * per frame) at dt 1/100 carries 200 bit/s over its 0–50 Hz band: the capacity at which light-adapted
 * Drosophila R1–R6 saturate at 25 °C (Juusola & Hardie 2001). With white stimulus and noise in the
 * same drive the photoreceptor's SNR is flat, SNR = c²·dt/(σ_in² + σ_int²), and R = f_N·log2(1 + SNR).
 *
 * Intrinsic noise: a tenth of the input level on every node. A cell pooling six photoreceptors with
 * independent input noise through a total gain G is input-noise limited when G > √6·0.1 ≈ 0.24: true
 * for the fly's photoreceptor–LMC gain of about 6 (Laughlin et al. 1987), false for the untrained
 * flyvis R1–R6 → L1/L2 gain of 6 × 0.01 = 0.06, so an information-rate target rewards amplification.
 */
export const NOISE_CALIBRATION = {
  /** Per-frame std of the calibration stimulus (DESIGN "White noise"). */
  contrastStd: 0.15,
  /** Time step of the calibration, s (Nyquist 50 Hz). */
  dt: 1 / 100,
  /** Target photoreceptor rate at that dt, bit/s (Juusola & Hardie 2001). */
  photoreceptorRate: 200,
  /** Intrinsic noise level as a fraction of the input noise level. */
  intrinsicToInput: 0.1,
} as const;

/**
 * Input-noise level σ_in (a.u./√Hz) that gives an isolated photoreceptor the rate `rate` (bit/s) for
 * white noise of per-frame std `contrastStd` at time step `dt`, when its intrinsic noise is
 * `intrinsicToInput`·σ_in.
 */
export function inputNoiseForRate(
  rate: number,
  contrastStd: number,
  dt: number,
  intrinsicToInput: number,
): number {
  const fNyquist = 1 / (2 * dt);
  if (!(rate > 0 && contrastStd > 0 && dt > 0 && intrinsicToInput >= 0)) {
    throw new Error(
      `Error in inputNoiseForRate: expected rate, contrastStd, dt > 0 and intrinsicToInput ≥ 0, got ${rate}, ${contrastStd}, ${dt}, ${intrinsicToInput}`,
    );
  }
  const snr = 2 ** (rate / fNyquist) - 1;
  return contrastStd * Math.sqrt(dt / (snr * (1 + intrinsicToInput ** 2)));
}

const c = NOISE_CALIBRATION;
/** ≈ 3.85e-3 a.u./√Hz */
export const DEFAULT_INPUT_NOISE_STD = inputNoiseForRate(
  c.photoreceptorRate,
  c.contrastStd,
  c.dt,
  c.intrinsicToInput,
);
/** ≈ 3.85e-4 a.u./√Hz */
export const DEFAULT_INTRINSIC_NOISE_STD = c.intrinsicToInput * DEFAULT_INPUT_NOISE_STD;

/** The noise the information-rate estimators use unless told otherwise. */
export const DEFAULT_INFORMATION_NOISE: Readonly<Required<Omit<NoiseSpec, 'seed'>>> = {
  inputStd: DEFAULT_INPUT_NOISE_STD,
  intrinsicStd: DEFAULT_INTRINSIC_NOISE_STD,
  // R1–R6 feeding one cartridge sit in six ommatidia (neural superposition): independent noise.
  inputMode: 'independent',
};
