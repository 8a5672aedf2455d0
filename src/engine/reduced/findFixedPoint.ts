import type { Params } from '../../network/params.ts';
import { luFactor, luSolve } from './denseLu.ts';
import type { ReducedStructure } from './structure.ts';
import { denseWeights, reducedWeights } from './weights.ts';

/** The fixed-point equation V = G(V) = b + x + W·relu(V) of one parameter set, built once for many starts. */
export interface FixedPointSystem {
  n: number;
  /** Dense reduced weights (row = target), for the Newton Jacobian I − W·D. */
  w: Float64Array;
  map: (v: Float64Array) => Float64Array;
}

/** `input` is the luminance on the photoreceptor units (0.5 = grey). */
export function fixedPointSystem(
  structure: ReducedStructure,
  params: Params,
  input: number,
): FixedPointSystem {
  const weight = reducedWeights(structure, params);
  const drive = Float64Array.from(structure.unitType, (t) => params.bias[t]);
  for (const i of structure.inputUnits) drive[i] += input;
  const { rowStart, entrySource } = structure;
  const map = (v: Float64Array) => {
    const g = drive.slice();
    for (let i = 0; i < g.length; i++) {
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        const x = v[entrySource[e]];
        if (x > 0) g[i] += weight[e] * x;
      }
    }
    return g;
  };
  return { n: structure.nUnits, w: denseWeights(structure, weight), map };
}

export interface FindOptions {
  /** Accept when max |V − G(V)| ≤ tol · (1 + max |V|). @default 1e-10 */
  tol?: number;
  /** Damped iterations V ← V + ½(G(V) − V) before Newton. @default 200 */
  dampedSteps?: number;
  /** @default 60 */
  newtonSteps?: number;
}

/**
 * From one start: damped iteration (an Euler run with equal time constants, which pulls the start
 * into a basin), then Newton with the Jacobian I − W·D, D = diag(V > 0), and backtracking on ‖F‖².
 */
export function findFixedPoint(
  system: FixedPointSystem,
  start: ArrayLike<number>,
  options: FindOptions = {},
): { state: Float64Array; residual: number; converged: boolean } {
  const { tol = 1e-10, dampedSteps = 200, newtonSteps = 60 } = options;
  const { n, w, map } = system;
  if (start.length !== n)
    throw new Error(`Error in findFixedPoint: start must have nUnits = ${n} values, got ${start.length}`);
  const residualOf = (v: Float64Array) => {
    const g = map(v);
    return v.map((x, i) => x - g[i]);
  };
  let v = Float64Array.from(start);
  for (let it = 0; it < dampedSteps; it++) {
    const g = map(v);
    const next = v.map((x, i) => x + 0.5 * (g[i] - x));
    if (!(maxAbs(next) < 1e6)) {
      v = Float64Array.from(start);
      break;
    }
    v = next;
  }
  let f = residualOf(v);
  const done = () => maxAbs(f) <= tol * (1 + maxAbs(v));
  for (let it = 0; it < newtonSteps && !done(); it++) {
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) jac[i * n + j] = (i === j ? 1 : 0) - (v[j] > 0 ? w[i * n + j] : 0);
    }
    const lu = luFactor(jac, n);
    if (!lu) break;
    const step = luSolve(
      lu,
      f.map((x) => -x),
    );
    // Across a ReLU kink a full step may not decrease ‖F‖²; then take it anyway.
    const norm0 = sumSquares(f);
    let accepted = false;
    for (let lambda = 1; lambda >= 1 / 64 && !accepted; lambda /= 2) {
      const trial = v.map((x, i) => x + lambda * step[i]);
      const ft = residualOf(trial);
      if (sumSquares(ft) < (1 - 1e-4 * lambda) * norm0) [v, f, accepted] = [trial, ft, true];
    }
    if (!accepted) {
      v = v.map((x, i) => x + step[i]);
      f = residualOf(v);
    }
    if (!(maxAbs(v) < 1e8)) break;
  }
  return { state: v, residual: maxAbs(f), converged: done() };
}

export const maxAbs = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};
const sumSquares = (a: Float64Array) => a.reduce((s, x) => s + x * x, 0);
