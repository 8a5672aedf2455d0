import { buildReducedStructure } from '../src/engine/reduced/structure.ts';
import { simulateReduced } from '../src/engine/reduced/simulate.ts';
import { createLatticeEngine } from '../src/engine/lattice.ts';
import type { BenchCase, BenchNetwork } from './setup.ts';

/**
 * A spatially uniform stimulus (a full-field flicker) for `steps` Euler steps on the reduced
 * engine (one unit per type and column class) and on the lattice engine (every node). Both
 * report per-step times; the reduced run repeats `reducedRepeat` times per call to be timeable.
 */
export function setup(net: BenchNetwork, steps: number, reducedRepeat: number, dt = 0.02): BenchCase[] {
  const luminance = Float32Array.from({ length: steps }, (_, k) => 0.5 + 0.3 * Math.sin(k / 3));
  const stimulus = new Float32Array(steps * net.tables.nHexals);
  for (let k = 0; k < steps; k++)
    stimulus.fill(luminance[k], k * net.tables.nHexals, (k + 1) * net.tables.nHexals);
  const structure = buildReducedStructure(net.tables);
  const engine = createLatticeEngine(net.tables, net.params, { threads: 1 });
  return [
    {
      name: 'reduced_uniform',
      units: reducedRepeat * steps,
      run: () => {
        for (let r = 0; r < reducedRepeat; r++) {
          simulateReduced({ structure, params: net.params, luminance, nSamples: 1, nFrames: steps, dt });
        }
      },
    },
    {
      name: 'lattice_uniform',
      units: steps,
      run: () => {
        engine.simulate({ stimulus, nSamples: 1, nFrames: steps, dt });
      },
    },
  ];
}
