import type { Params } from '../../network/params.ts';
import { arnoldiEigenpair, type RitzPair } from './arnoldi.ts';
import { spectralRadius } from './eigenvalues.ts';
import { activeEulerOperator, activeUnits, denseEulerMap, reluGain } from './eulerOperator.ts';
import { unitRates } from './linearize.ts';
import { realEigenvalues } from './realEigenvalues.ts';
import type { ReducedStructure } from './structure.ts';

export interface UniformStability {
  /** Spectral radius of the uniform-mode Euler map at dt (stable iff < 1). */
  spectralRadius: number;
  /** Continuous spectral abscissa max Re λ(J), J = (A − I)/dt, in 1/s. */
  abscissa: number;
  /** 'arnoldi', or 'dense' when Arnoldi did not converge (or the coupled block is tiny). */
  method: 'arnoldi' | 'dense';
}

/**
 * Stability of the spatially uniform mode around a reduced state, by two Arnoldi runs on the
 * sparse Euler map of the coupled units (largest modulus, largest real part) instead of a full
 * eigen-solve: the same two numbers as `eulerSpectrum` at k = 0 (to ~1e-13), at a few percent of
 * its cost. Units at or below 0 contribute their own decay 1 − a.
 */
export function uniformStability(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  dt: number,
): UniformStability {
  if (state.length !== structure.nUnits)
    throw new Error(
      `Error in uniformStability: state must have nUnits = ${structure.nUnits} values, got ${state.length}`,
    );
  const { gain } = reluGain(state, 0);
  const units = activeUnits(gain);
  const rate = unitRates(structure, params, dt);
  let radius = 0;
  let maxRe = -Infinity;
  rate.forEach((a, i) => {
    if (gain[i] > 0) return;
    radius = Math.max(radius, Math.abs(1 - a));
    maxRe = Math.max(maxRe, 1 - a);
  });
  let method: UniformStability['method'] = 'arnoldi';
  if (units.length > 0) {
    const op = activeEulerOperator(structure, params, dt, gain, units);
    const runs: RitzPair[] =
      units.length >= 8
        ? [arnoldiEigenpair(op, { which: 'modulus' }), arnoldiEigenpair(op, { which: 'real' })]
        : [];
    if (runs.length === 2 && runs.every((r) => r.converged)) {
      radius = Math.max(radius, Math.hypot(runs[0].value.re, runs[0].value.im));
      maxRe = Math.max(maxRe, runs[1].value.re);
    } else {
      method = 'dense';
      const matrix = denseEulerMap(structure, params, dt, gain, units, [0, 0]);
      const spectrum = realEigenvalues(matrix.re, matrix.n);
      radius = Math.max(radius, spectralRadius(spectrum).radius);
      for (const re of spectrum.re) maxRe = Math.max(maxRe, re);
    }
  }
  return { spectralRadius: radius, abscissa: (maxRe - 1) / dt, method };
}
