import { createLatticeEngine } from '../src/engine/lattice.ts';
import { benchStimulus, type BenchCase, type BenchNetwork } from './setup.ts';

/** A batch on one thread and on two (this thread and a pool worker): wall time is what counts. */
export function setup(net: BenchNetwork, steps: number, batch: number, dt = 0.02): BenchCase[] {
  const stimulus = benchStimulus(net.tables, batch, steps);
  const input = { stimulus, nSamples: batch, nFrames: steps, dt };
  const engines = [1, 2].map((threads) => createLatticeEngine(net.tables, net.params, { threads }));
  // First calls start the worker and compile its kernels; they are not timed.
  for (const engine of engines)
    engine.simulate({ ...input, nFrames: 1, stimulus: stimulus.subarray(0, batch * net.tables.nHexals) });
  return engines.map((engine, i) => ({
    name: `batch_${i + 1}_thread${i ? 's' : ''}`,
    units: batch * steps * net.nEdges,
    run: () => {
      engine.simulate(input);
    },
  }));
}
