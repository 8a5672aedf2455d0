import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../connectome/load.ts';
import { initParams } from '../../network/params.ts';
import { referencePath } from '../../testing/reference.ts';
import { informationRates, type Estimator } from './informationRates.ts';

// Extent 3 (2,345 nodes) keeps the simulation to seconds; the linear estimator is for the infinite lattice.
const { tables } = await loadNetwork({ path: referencePath('flyvis_data'), extent: 3 });
const params = initParams(tables);

describe('informationRates', () => {
  // Scatter of the simulation estimator, measured over 3 seeds at 8 × 4096 frames: SD ≈ 2 % per type above
  // 10 bit/s (max 4.5 %), mean over those types within ±1 %, types below 10 bit/s within 1.1 bit/s.
  it('agrees between the estimators on the default network (extent 3, std 0.15, 8 × 4096 frames): within 8 % above 10 bit/s, 2 bit/s below', () => {
    const result = informationRates(tables, params, {
      estimator: 'both',
      linear: { fixedPoint: { randomStarts: 0 } },
      simulation: { nFrames: 4096 },
    });
    const { linear, simulation } = result;
    if (linear?.status !== 'stable' || !simulation) throw new Error('expected both estimators to give rates');
    const high: number[] = [];
    tables.cellTypes.forEach((_, t) => {
      const lin = linear.perType[t].rate;
      const sim = simulation.perType[t].rate;
      expect(simulation.perType[t].fMax).toBeCloseTo(linear.perType[t].fMax, 12);
      if (lin > 10) {
        expect(Math.abs(sim / lin - 1)).toBeLessThan(0.08);
        high.push(sim / lin - 1);
      } else expect(Math.abs(sim - lin)).toBeLessThan(2);
    });
    // 8 photoreceptors, L1–L3, T1, Am, Tm5b; no systematic offset
    expect(high.length).toBeGreaterThanOrEqual(13);
    expect(Math.abs(high.reduce((a, b) => a + b, 0) / high.length)).toBeLessThan(0.02);
    expect(result.bitsPerS).toEqual(Float64Array.from(linear.perType, (r) => r.rate));
    expect(result.note).toMatch(/^linear estimator, full-field white noise std 0.15, dt 0.01 s/);
  });

  it('rejects an unknown estimator, the linear estimator on movies, negative noise and a single repeat', () => {
    expect(() => informationRates(tables, params, { estimator: 'exact' as Estimator })).toThrow(
      "unknown estimator 'exact'. Accepted: linear, simulation, both",
    );
    expect(() => informationRates(tables, params, { stimulus: 'naturalistic', estimator: 'both' })).toThrow(
      /only the simulation estimator applies/,
    );
    const noise = { inputStd: -1, intrinsicStd: 0, inputMode: 'independent' as const };
    expect(() => informationRates(tables, params, { noise })).toThrow(/noise levels must be ≥ 0/);
    expect(() =>
      informationRates(tables, params, { estimator: 'simulation', simulation: { nRepeats: 1 } }),
    ).toThrow(/nRepeats must be an integer ≥ 2, got 1/);
  });
});
