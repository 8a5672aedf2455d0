import { latticeValueAndGrad } from '../src/engine/grads/latticeGrad.ts';
import { benchStimulus, type BenchCase, type BenchNetwork } from './setup.ts';

/** One sample forward and backward through `steps` Euler steps (all states stored), one thread. */
export function setup(net: BenchNetwork, steps: number, dt = 0.02): BenchCase[] {
  const stimulus = benchStimulus(net.tables, 1, steps);
  const input = { stimulus, nSamples: 1, nFrames: steps, dt };
  const loss = (central: Float32Array) => ({
    value: central.reduce((s, v) => s + v, 0),
    grad: new Float32Array(central.length).fill(1),
  });
  return [
    {
      name: 'lattice_forward_backward',
      units: steps * net.nEdges,
      run: () => {
        latticeValueAndGrad(net.tables, net.params, input, loss, { threads: 1 });
      },
    },
  ];
}
