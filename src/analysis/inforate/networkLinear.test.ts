import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../connectome/load.ts';
import { initParams } from '../../network/params.ts';
import { realNetwork, referencePath } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { networkLinearRates } from './networkLinear.ts';

const { tables } = await realNetwork();
const quick = { fixedPoint: { randomStarts: 0 } };

describe('networkLinearRates', () => {
  it('gives the default network’s photoreceptors their calibrated 200 bit/s (dt 1/100, std 0.15) and every type a rate up to 50 Hz', () => {
    const result = networkLinearRates(tables, initParams(tables), quick);
    if (result.status !== 'stable') throw new Error(result.reason);
    for (const name of tables.inputTypes) {
      // R1–R8 receive (almost) nothing from the network: each is the isolated photoreceptor of the calibration.
      expect(Math.abs(result.perType[tables.cellTypes.indexOf(name)].rate / 200 - 1)).toBeLessThan(1e-4);
    }
    for (const r of result.perType) {
      expect(r.fMax).toBeCloseTo(50, 12);
      expect(r.rate).toBeGreaterThanOrEqual(0);
      expect(r.clippedBins).toBe(0);
    }
    expect(result.spectralRadius).toBeLessThan(1);
  });

  it('reports strong_seed1 as unstable, with the spectral radius, instead of a rate', () => {
    const result = networkLinearRates(tables, loadReferenceParams('strong_seed1'), quick);
    expect(result.status).toBe('unstable');
    if (result.status === 'stable') return;
    expect(result.reason).toMatch(/unstable \(Euler-map spectral radius 1\.0\d+/);
  });

  it('refuses a lattice too small for the column classes of Lawf’s sub-lattice', async () => {
    const small = await loadNetwork({ path: referencePath('flyvis_data'), extent: 2 });
    expect(() => networkLinearRates(small.tables, initParams(small.tables), quick)).toThrow(/extent ≥ 3/);
  });
});
