/**
 * Closed-form rate of the two-stage Euler cascade (DESIGN "Information rate: the details"):
 *   x_{k+1} = (1 − a)·x_k + a·(s_k + n1_k)          stage 1: stimulus plus input noise
 *   y_{k+1} = (1 − a2)·y_k + a2·(x_k + n2_k)       stage 2: stage 1 plus its own drive noise
 * with white s, n1, n2 of per-step variances S, σ₁², σ₂² and a = dt/τ₁. Stage 2's filter multiplies
 * signal and noise alike, so the SNR of y is |H1|²S / (|H1|²σ₁² + σ₂²) with
 * |H1(e^{iω})|² = a²/(p − q·cos ω), p = 1 + (1 − a)², q = 2(1 − a): the rate depends on τ₁ and not
 * on τ₂. Using ∫₀^π log(A − B·cos ω) dω = π·log((A + √(A² − B²))/2):
 *   R = (1/(2dt))·log2[(A₁ + √(A₁² − B²)) / (A₀ + √(A₀² − B²))],
 *   A₁ = (S + σ₁²)·a² + σ₂²·p,  A₀ = σ₁²·a² + σ₂²·p,  B = σ₂²·q.
 */
export interface CascadeSpec {
  /** Time step, s. */
  dt: number;
  /** Time constant of stage 1, s (a = dt/τ₁ must lie in (0, 2) for a stable Euler map). */
  tau1: number;
  /** Per-step variance S of the white stimulus. */
  stimulusVar: number;
  /** Per-step variance σ₁² of the input noise (stage 1's drive). */
  inputNoiseVar: number;
  /** Per-step variance σ₂² of stage 2's drive noise. */
  driveNoiseVar: number;
}

/** Information rate of the cascade's output, bit/s, up to the Nyquist frequency 1/(2dt). */
export function cascadeRate(spec: CascadeSpec): number {
  const { dt, tau1, stimulusVar: S, inputNoiseVar: s1, driveNoiseVar: s2 } = spec;
  const a = dt / tau1;
  if (!(dt > 0) || !(a > 0 && a < 2)) {
    throw new Error(`Error in cascadeRate: expected dt > 0 and 0 < dt/tau1 < 2, got dt ${dt}, tau1 ${tau1}`);
  }
  if (!(S >= 0 && s1 >= 0 && s2 >= 0) || s1 + s2 === 0) {
    throw new Error(
      `Error in cascadeRate: variances must be ≥ 0 with some noise, got S ${S}, inputNoiseVar ${s1}, driveNoiseVar ${s2}`,
    );
  }
  const p = 1 + (1 - a) ** 2;
  const q = 2 * (1 - a);
  const A1 = (S + s1) * a * a + s2 * p;
  const A0 = s1 * a * a + s2 * p;
  const B = s2 * q;
  const root = (A: number) => A + Math.sqrt(A * A - B * B);
  return Math.log2(root(A1) / root(A0)) / (2 * dt);
}
