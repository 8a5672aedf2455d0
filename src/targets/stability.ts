import { z } from 'zod';
import type { NetworkTables } from '../connectome/tables.ts';
import { eulerDominantMode, type EulerMode } from '../engine/reduced/eulerRadius.ts';
import { spectralRadiusGradient } from '../engine/reduced/radiusGradient.ts';
import { buildReducedStructure, type ReducedStructure } from '../engine/reduced/structure.ts';
import { stabilityState } from './stabilityState.ts';
import type { Target } from './types.ts';

/**
 * Stability of the grey operating point, judged as DESIGN asks for the discrete Euler map at the
 * simulation time step: A = I + dt·T⁻¹(−I + W·D) around the grey fixed point V* (reduced engine),
 * ρ = max |λ(A)|. Loss = hinge²((ρ − (1 − margin)) / margin): 0 while the map contracts by at least
 * `margin` per step, 1 at ρ = 1 (the edge of instability), 4 at ρ = 1 + margin.
 *
 * Default margin 0.05 at dt = 0.02 s: every small deviation shrinks by ≥ 5 % per step, i.e. the
 * slowest mode decays with a time constant ≤ dt/−ln(0.95) ≈ 0.39 s and oscillating modes are
 * damped: the network then settles to ≤ 1e-3 of an O(1) deviation within ~3 s, inside the grey
 * periods that the other targets read. The margin is per step, so it is tied to dt: silent units
 * (V* ≤ 0, eigenvalue 1 − dt/τ) with τ > 0.39 s also count as too slow.
 *
 * D = diag(V* > 0) is locally constant, so with the exact gain the biases get no gradient; D is
 * therefore replaced by a smoothstep gain over |V*| < gainHalfWidth (default 0.05 a.u., the lower
 * edge of the operating-point band: a network that rests in that band sees the exact ρ). Then
 * dρ/dV* is pulled back through the fixed point to biases and strengths (`fixedPointVJP`); τ and
 * strengths also act directly. dρ = Re(conj(λ)·uᵀ·dA·r)/|λ| from the dominant eigenvalue's left (u)
 * and right (r) vectors; a complex pair gives the same ρ and gradient for either member.
 */
const schema = z
  .object({
    weight: z.number().min(0).default(1),
    /** Time step (s) of the Euler map being judged: the training protocols' dt. */
    dt: z.number().positive().default(0.02),
    /** Required contraction per step: ρ ≤ 1 − margin. */
    margin: z.number().gt(0).lt(1).default(0.05),
    /** Half-width (a.u.) of the smoothed ReLU gain; 0 = exact gain (no bias gradient). */
    gainHalfWidth: z.number().min(0).default(0.05),
    /** Also take the max over the lattice's non-uniform modes (Bloch form, dense complex solves: slow). */
    latticeModes: z.boolean().default(false),
    /** Points per axis of the k-grid over the class lattice's Brillouin zone (see latticeSpectralRadius). */
    kGrid: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([2, 3]),
    /** Random starts of the fixed-point search besides the bias and simulated starts. */
    randomStarts: z.number().int().min(0).default(0),
    /** Seconds of grey simulated when no fixed point is found (the state then linearised around). */
    fallbackS: z.number().positive().default(3),
  })
  .strict();

const structures = new WeakMap<NetworkTables, ReducedStructure>();

export const stability: Target<z.infer<typeof schema>> = {
  name: 'stability',
  description:
    'no runaway: spectral radius ρ of the Euler map at the grey fixed point ≤ 1 − margin (hinge² of the excess / margin)',
  protocol: 'params',
  readout: "share of the least damped mode (|r|² summed over the type's units)",
  schema,
  evaluate(_data, options, { params, tables, cellTypes }) {
    if (!tables)
      throw new Error(
        'Error in stability: expected the network tables in the target context (context.tables), got none',
      );
    let structure = structures.get(tables);
    if (!structure) structures.set(tables, (structure = buildReducedStructure(tables)));
    const { dt, margin, gainHalfWidth } = options;
    const at = stabilityState(structure, params, options);
    const modes = wavevectors(structure, options).map((k) =>
      eulerDominantMode(structure, params, at.state, dt, { k, gainHalfWidth }),
    );
    const mode = modes.reduce((a, b) => (b.radius > a.radius ? b : a));
    const excess = (mode.radius - (1 - margin)) / margin;
    const value = excess > 0 ? excess * excess : 0;
    const nTypes = cellTypes.length;
    const grads = {
      bias: new Float64Array(nTypes),
      tauS: new Float64Array(nTypes),
      strength: new Float64Array(params.strength.length),
    };
    if (value > 0) {
      const g = spectralRadiusGradient(
        structure,
        tables,
        params,
        mode,
        at.isFixedPoint ? at.state : undefined,
      );
      const dValue = (2 * excess) / margin;
      for (const key of ['bias', 'tauS', 'strength'] as const)
        g[key].forEach((x, i) => (grads[key][i] = dValue * x));
    }
    const perType = new Float64Array(nTypes);
    mode.modeShare.forEach((s, u) => (perType[structure.unitType[u]] += s));
    return {
      value,
      perType,
      inBand: new Uint8Array(nTypes).fill(value > 0 ? 0 : 1),
      perTypeLoss: perType.map((s) => s * value),
      dParams: grads,
      summary: summarize(mode, at, options),
    };
  },
};

/** k = 0, and with latticeModes the grid of `latticeSpectralRadius` without mirror points (ρ(−k) = ρ(k)). */
function wavevectors(
  structure: ReducedStructure,
  { latticeModes, kGrid }: z.infer<typeof schema>,
): [number, number][] {
  if (!latticeModes) return [[0, 0]];
  const [nu, nv] = kGrid;
  const [pu, pv] = structure.classPeriod;
  const ks: [number, number][] = [];
  const seen = new Set<number>();
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      if (seen.has(((nu - i) % nu) * nv + ((nv - j) % nv))) continue;
      seen.add(i * nv + j);
      ks.push([(2 * Math.PI * i) / (pu * nu), (2 * Math.PI * j) / (pv * nv)]);
    }
  }
  return ks;
}

function summarize(mode: EulerMode, at: ReturnType<typeof stabilityState>, options: z.infer<typeof schema>) {
  return {
    spectralRadius: mode.radius,
    limit: 1 - options.margin,
    eigenvalueRe: mode.value.re,
    eigenvalueIm: mode.value.im,
    /** Oscillation frequency of the mode, |arg λ| / (2π·dt). */
    frequencyHz: Math.abs(Math.atan2(mode.value.im, mode.value.re)) / (2 * Math.PI * options.dt),
    kU: mode.k[0],
    kV: mode.k[1],
    uniformRadiusExact: at.spectralRadius,
    abscissaPerS: at.abscissa,
    operatingPoint: at.source,
    method: mode.method,
    condition: mode.pair?.condition ?? 1,
  };
}
