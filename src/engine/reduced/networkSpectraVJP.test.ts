import { describe, expect, it } from 'vitest';
import type { Params } from '../../network/params.ts';
import { prng } from '../../util/random.ts';
import { findFixedPoint, fixedPointSystem } from './findFixedPoint.ts';
import { networkSpectra, type NetworkSpectra } from './networkSpectra.ts';
import { networkSpectraWithVJP } from './networkSpectraVJP.ts';
import { buildReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';

const { tables, params } = tinyNetwork(5);
const structure = buildReducedStructure(tables);
const bias = Float64Array.from(structure.unitType, (t) => params.bias[t]);
const state = findFixedPoint(fixedPointSystem(structure, params, 0.5), bias).state;

describe('networkSpectraWithVJP', () => {
  for (const inputMode of ['independent', 'shared'] as const) {
    it(`matches central finite differences of Σ α·gain + β·noise w.r.t. τ and strengths, ${inputMode} input noise (relative error < 1e-4)`, () => {
      const options = {
        dt: 0.01,
        nFreqs: 9,
        kGrid: [2, 3] as [number, number],
        noise: { inputStd: 0.004, intrinsicStd: 0.001, inputMode },
        tol: 1e-13,
      };
      const rng = prng(7);
      const base = networkSpectra(structure, params, state, options);
      // Random weights scaled by each value, so every type and frequency counts.
      const alpha = base.gain.map((g) => g.map((x) => rng.normal() / (x + 1e-12)));
      const beta = base.noise.map((g) => g.map((x) => rng.normal() / x));
      const loss = (s: NetworkSpectra) =>
        s.gain.reduce((a, g, t) => a + g.reduce((b, x, f) => b + alpha[t][f] * x, 0), 0) +
        s.noise.reduce((a, g, t) => a + g.reduce((b, x, f) => b + beta[t][f] * x, 0), 0);
      const { spectra, grads } = networkSpectraWithVJP(tables, structure, params, state, options, () => ({
        gain: alpha,
        noise: beta,
      }));
      expect(loss(spectra)).toBeCloseTo(loss(base), 12);
      expect(grads.bias.every((g) => g === 0)).toBe(true); // the spectra see the state only through D
      const check = (key: 'tauS' | 'strength', i: number) => {
        // Parameters and group weights are float32: difference by the values actually stored, with a
        // step (1e-3 relative) large enough that the weights' rounding (6e-8) stays below 1e-4 of it.
        const shifted = (sign: number) => {
          const p: Params = { ...params, [key]: params[key].slice() };
          p[key][i] *= 1 + sign * 1e-3;
          return { value: loss(networkSpectra(structure, p, state, options)), x: p[key][i] };
        };
        const [hi, lo] = [shifted(1), shifted(-1)];
        const fd = (hi.value - lo.value) / (hi.x - lo.x);
        expect(Math.abs(grads[key][i] - fd)).toBeLessThan(1e-4 * Math.abs(fd) + 1e-9);
      };
      for (let t = 0; t < tables.cellTypes.length; t++) check('tauS', t);
      for (let p = 0; p < tables.pairs.length; p++) check('strength', p);
    });
  }
});
