import { describe, expect, it } from 'vitest';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { findFixedPoint, fixedPointSystem } from './findFixedPoint.ts';
import { complexMatrix } from './hessenberg.ts';
import { reducedSteadyState, simulateReduced } from './simulate.ts';
import { buildReducedStructure } from './structure.ts';
import { discreteTransfer, reducedTransfer } from './transfer.ts';

describe('discreteTransfer', () => {
  it('gives a / (e^{iωdt} − (1 − a)) for one Euler leaky integrator', () => {
    const dt = 0.01;
    const a = dt / 0.05;
    const freqs = [0, 1, 7.5, 20, 50];
    const h = discreteTransfer(complexMatrix(1, Float64Array.of(1 - a)), [[a]], [0], freqs, dt);
    freqs.forEach((f, k) => {
      const w = 2 * Math.PI * f * dt;
      const dr = Math.cos(w) - (1 - a);
      const di = Math.sin(w);
      const d2 = dr * dr + di * di;
      expect(h.re[k]).toBeCloseTo((a * dr) / d2, 14);
      expect(h.im[k]).toBeCloseTo((-a * di) / d2, 14);
    });
    expect(h.re[0]).toBeCloseTo(1, 14); // unit DC gain
  });

  it('gives the product of the stages for a cascade of two integrators, readable at each stage', () => {
    const dt = 0.02;
    const [a1, a2] = [0.3, 0.6];
    const a = complexMatrix(2, Float64Array.of(1 - a1, 0, a2, 1 - a2));
    const freqs = [2, 11];
    const h = discreteTransfer(a, [[a1, 0]], [0, 1], freqs, dt);
    freqs.forEach((f, k) => {
      const z = [Math.cos(2 * Math.PI * f * dt), Math.sin(2 * Math.PI * f * dt)];
      const stage = (gain: number) => {
        const [dr, di] = [z[0] - (1 - gain), z[1]];
        const d2 = dr * dr + di * di;
        return [(gain * dr) / d2, (-gain * di) / d2];
      };
      const [s1, s2] = [stage(a1), stage(a2)];
      expect(h.re[k]).toBeCloseTo(s1[0], 13);
      expect(h.re[2 + k]).toBeCloseTo(s1[0] * s2[0] - s1[1] * s2[1], 13);
      expect(h.im[2 + k]).toBeCloseTo(s1[0] * s2[1] + s1[1] * s2[0], 13);
    });
  });
});

describe('reducedTransfer', () => {
  it("predicts the amplitude and phase of the default network's response to a small full-field sinusoid", async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('default');
    const dt = 1 / 100;
    const bias = Float64Array.from(structure.unitType, (t) => params.bias[t]);
    const { state } = findFixedPoint(fixedPointSystem(structure, params, 0.5), bias);
    const freqs = [2, 10];
    const h = reducedTransfer(structure, params, state, dt, freqs);
    const nTypes = structure.cellTypes.length;

    const eps = 0.01;
    const settle = 200;
    const nFrames = settle + 400; // whole periods of 2 Hz and 10 Hz after the transient
    const initialState = reducedSteadyState({ structure, params, tPre: 3, dt });
    freqs.forEach((f, fi) => {
      const w = 2 * Math.PI * f * dt;
      const luminance = Float32Array.from({ length: nFrames }, (_, k) => 0.5 + eps * Math.sin(w * k));
      const { central } = simulateReduced({
        structure,
        params,
        luminance,
        nSamples: 1,
        nFrames,
        dt,
        initialState,
      });
      let worst = 0;
      let scale = 0;
      for (let t = 0; t < nTypes; t++) {
        // Output frame k is the state after input frame k: the response to sin(ωk) is Im(e^{iω}·H·e^{iωk}).
        const [hr, hi] = [h.re[t * freqs.length + fi], h.im[t * freqs.length + fi]];
        const gr = Math.cos(w) * hr - Math.sin(w) * hi;
        const gi = Math.sin(w) * hr + Math.cos(w) * hi;
        for (let k = settle; k < nFrames; k++) {
          const predicted =
            state[structure.centralUnit[t]] + eps * (gr * Math.sin(w * k) + gi * Math.cos(w * k));
          worst = Math.max(worst, Math.abs(central[k * nTypes + t] - predicted));
        }
        scale = Math.max(scale, eps * Math.hypot(gr, gi));
      }
      expect(scale).toBeGreaterThan(1e-3);
      expect(worst / scale).toBeLessThan(1e-4); // measured 1.7e-5 (2 Hz), 4.0e-5 (10 Hz): float32 round-off
    });
  });
});
