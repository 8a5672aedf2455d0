import { describe, expect, it } from 'vitest';
import { prng } from '../../util/random.ts';
import { eulerSpectrum } from './linearize.ts';
import { buildReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';
import { uniformStability } from './uniformStability.ts';

describe('uniformStability', () => {
  it('gives the spectral radius and abscissa of the full eigen-solve (to 1e-8) at states with units below 0', () => {
    const { tables, params } = tinyNetwork(4, 2);
    const structure = buildReducedStructure(tables);
    // Stronger synapses, so the coupled block (not a silent unit's decay) is what is measured.
    const strong = { ...params, strength: params.strength.map((s) => 4 * s) };
    const rng = prng(3);
    for (let trial = 0; trial < 4; trial++) {
      const state = Float64Array.from({ length: structure.nUnits }, () => rng.normal());
      for (const dt of [0.01, 0.02]) {
        const fast = uniformStability(structure, strong, state, dt);
        const full = eulerSpectrum(structure, strong, state, dt);
        // Units of one type in equal classes give defective eigenvalues, which any solver only
        // gets to ~√ε (measured differences up to 2.8e-9; 1e-15 where the dominant one is simple).
        expect(Math.abs(fast.spectralRadius - full.spectralRadius)).toBeLessThan(1e-8);
        expect(Math.abs(fast.abscissa - full.abscissa)).toBeLessThan(1e-8 / dt);
      }
    }
  });
});
