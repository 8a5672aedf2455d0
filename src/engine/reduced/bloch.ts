import type { Params } from '../../network/params.ts';
import { solveFixedPoint, type FixedPointOptions, type FixedPointResult } from './fixedPoint.ts';
import { eulerSpectrum, type Wavevector } from './linearize.ts';
import type { ReducedStructure } from './structure.ts';

export interface LatticeSpectrumOptions {
  /**
   * Points per axis of the spatial-frequency grid over the Brillouin zone of the class lattice:
   * ku = 2π·i / (Pu·nu), kv = 2π·j / (Pv·nv). With the (3, 2) class lattice the default [4, 6]
   * samples the column lattice's frequencies on a 12 × 12 grid. @default [4, 6]
   */
  kGrid?: [number, number];
  /** Operating point (reduced state, nUnits). Default: the grey fixed point (see `operatingPoint`). */
  state?: ArrayLike<number>;
  /** Options of the fixed-point search when no state is given (its `dt` is this function's). */
  fixedPoint?: Omit<FixedPointOptions, 'dt'>;
}

export interface LatticeSpectrum {
  /** Largest spectral radius of the Euler map over the grid: the lattice is locally stable iff < 1. */
  radius: number;
  /** Where it occurs (radians per column along u and v, modulo the class lattice's reciprocal lattice). */
  k: Wavevector;
  /** Largest continuous spectral abscissa (1/s) over the grid. */
  abscissa: number;
  /** Spectral radius of the spatially uniform mode (k = 0): what the reduced simulation sees. */
  uniformRadius: number;
  /** Spectral radius at every grid point, ku-major (nu × nv). */
  grid: Float64Array;
  kGrid: [number, number];
  /** The state linearised around, and how it was obtained. */
  state: Float64Array;
  operatingPoint: 'given' | FixedPointResult['status'];
}

/**
 * Stability of the whole (infinite) lattice around a spatially periodic state, from the lattice's
 * Fourier (Bloch) form: a perturbation δV(t, x) = φ(t, class(x))·e^{i k·x} couples the units
 * through W(k) (see `eulerMapMatrix`), one matrix per k on the class lattice's Brillouin zone, so
 * the Lawf sub-lattice is handled exactly (a k couples the column classes). Real weights give
 * radius(−k) = radius(k); only one of each pair is solved.
 */
export function latticeSpectralRadius(
  structure: ReducedStructure,
  params: Params,
  dt: number,
  options: LatticeSpectrumOptions = {},
): LatticeSpectrum {
  const [nu, nv] = options.kGrid ?? [4, 6];
  if (!(Number.isInteger(nu) && Number.isInteger(nv) && nu > 0 && nv > 0)) {
    throw new Error(
      `Error in latticeSpectralRadius: kGrid must be two positive integers, got [${options.kGrid}]`,
    );
  }
  const { state, operatingPoint } = resolveState(structure, params, dt, options);
  const [pu, pv] = structure.classPeriod;
  const grid = new Float64Array(nu * nv).fill(NaN);
  let best = { radius: -Infinity, k: [0, 0] as Wavevector };
  let abscissa = -Infinity;
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      const mirror = ((nu - i) % nu) * nv + ((nv - j) % nv);
      if (!Number.isNaN(grid[mirror])) {
        grid[i * nv + j] = grid[mirror];
        continue;
      }
      const k: Wavevector = [(2 * Math.PI * i) / (pu * nu), (2 * Math.PI * j) / (pv * nv)];
      const s = eulerSpectrum(structure, params, state, dt, k);
      grid[i * nv + j] = s.spectralRadius;
      abscissa = Math.max(abscissa, s.abscissa);
      if (s.spectralRadius > best.radius) best = { radius: s.spectralRadius, k };
    }
  }
  return {
    radius: best.radius,
    k: best.k,
    abscissa,
    uniformRadius: grid[0],
    grid,
    kGrid: [nu, nv],
    state,
    operatingPoint,
  };
}

/** The given state, else the stable grey fixed point, else the first unstable one found. */
function resolveState(
  structure: ReducedStructure,
  params: Params,
  dt: number,
  options: LatticeSpectrumOptions,
) {
  const given = options.state;
  if (given) {
    if (given.length !== structure.nUnits) {
      throw new Error(
        `Error in latticeSpectralRadius: state must have nUnits = ${structure.nUnits} values, got ${given.length}`,
      );
    }
    return { state: Float64Array.from(given), operatingPoint: 'given' as const };
  }
  const fp = solveFixedPoint(structure, params, { ...options.fixedPoint, dt });
  if (fp.status === 'not-found') {
    throw new Error(
      `Error in latticeSpectralRadius: no grey fixed point found (best residual ${fp.bestResidual.toExponential(2)}); pass a state to linearise around`,
    );
  }
  const chosen = fp.status === 'stable' ? fp.fixedPoint : fp.candidates[0];
  return { state: chosen.state, operatingPoint: fp.status };
}
