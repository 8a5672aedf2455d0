/**
 * Units of the noise model (DESIGN "Information rate: the details"). A white drive of spectral
 * level σ (a.u./√Hz; two-sided density σ²) is simulated as η ~ N(0, σ²/dt) per node and step, so its
 * statistics do not change with dt; its one-sided PSD is 2σ² a.u.²/Hz on [0, 1/(2dt)]. A white
 * sequence with per-step variance v (e.g. a white-noise stimulus, one value per frame) has one-sided
 * PSD 2·v·dt: its density does depend on dt.
 */

/** Per-step variance σ²/dt of a drive with spectral level σ. */
export const perStepVariance = (spectralStd: number, dt: number): number => spectralStd ** 2 / dt;

/** Spectral level σ = √(v·dt) of a white sequence with per-step variance v. */
export const spectralStd = (perStepVar: number, dt: number): number => Math.sqrt(perStepVar * dt);

/** One-sided PSD (a.u.²/Hz) of a white sequence with per-step variance v at time step dt. */
export const whitePsd = (perStepVar: number, dt: number): number => 2 * perStepVar * dt;
