import { createLatticeEngine } from '../src/engine/lattice.ts';
import { benchStimulus, type BenchCase, type BenchNetwork } from './setup.ts';

/**
 * The lattice engine's forward pass, one thread: `steps` Euler steps of one sample
 * (lattice_forward), and of a batch, whose samples share each edge's index and weight loads
 * (lattice_forward_batch; units are sample-steps, so per-unit times compare with one sample).
 */
export function setup(net: BenchNetwork, steps: number, batch: number, dt = 0.02): BenchCase[] {
  const engine = createLatticeEngine(net.tables, net.params, { threads: 1 });
  const one = benchStimulus(net.tables, 1, steps);
  const many = benchStimulus(net.tables, batch, steps);
  const simulate = (stimulus: Float32Array, nSamples: number) => () => {
    engine.simulate({ stimulus, nSamples, nFrames: steps, dt });
  };
  return [
    { name: 'lattice_forward', units: steps * net.nEdges, run: simulate(one, 1) },
    { name: 'lattice_forward_batch', units: batch * steps * net.nEdges, run: simulate(many, batch) },
  ];
}
