import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type NetworkTables } from '../../connectome/tables.ts';
import { cloneParams, FREE_PARAMS, type Params } from '../../network/params.ts';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { prng } from '../../util/random.ts';
import { createLatticeEngine } from '../lattice.ts';
import type { SimulateInput } from '../types.ts';
import { latticeValueAndGrad, type CentralLoss } from './latticeGrad.ts';

/** A fixed random linear readout of the traces: every trace value influences the loss. */
function linearLoss(size: number, seed: number): CentralLoss {
  const rng = prng(seed);
  const w = Float32Array.from({ length: size }, () => rng.normal());
  return (central) => {
    let value = 0;
    for (let i = 0; i < central.length; i++) value += w[i] * central[i];
    return { value, grad: w };
  };
}

let tables: NetworkTables;
let params: Params;
let input: SimulateInput;
beforeAll(async () => {
  // A small lattice (extent 3: 37 columns) of the real connectome, with the relu variant's
  // parameters (strong enough that many nodes cross 0) and random time constants above and below dt.
  const { connectome } = await realNetwork();
  tables = buildTables(connectome, { extent: 3 });
  params = loadReferenceParams('relu_variant');
  const rng = prng(3);
  params.tauS = Float32Array.from(params.tauS, () => 0.015 + 0.1 * rng.uniform());
  const nFrames = 30;
  const stimulus = Float32Array.from({ length: 2 * nFrames * tables.nHexals }, () => rng.uniform());
  input = { stimulus, nSamples: 2, nFrames, dt: 0.02 };
});

/** Central differences of the float32 forward; the loss is O(10), so eps 1e-3 keeps round-off ~1e-4. */
function finiteDifference(
  p: Params,
  name: (typeof FREE_PARAMS)[number],
  i: number,
  loss: CentralLoss,
  eps = 1e-3,
) {
  const run = (delta: number) => {
    const q = cloneParams(p);
    q[name][i] += delta;
    return loss(createLatticeEngine(tables, q).simulate(input).central).value;
  };
  return (run(eps) - run(-eps)) / (2 * eps);
}

describe('lattice backpropagation through time', () => {
  it('returns the same value and traces as the forward engine', () => {
    const loss = linearLoss(2 * 30 * 65, 1);
    const result = latticeValueAndGrad(tables, params, input, loss);
    const forward = createLatticeEngine(tables, params).simulate(input).central;
    expect(result.central).toEqual(forward);
    expect(result.value).toBeCloseTo(loss(forward).value, 10);
  });

  it('matches finite differences for biases, time constants and strengths (2% or 2e-3 absolute)', () => {
    const loss = linearLoss(2 * 30 * 65, 2);
    const { grads } = latticeValueAndGrad(tables, params, input, loss);
    const rng = prng(4);
    for (const name of FREE_PARAMS) {
      for (let k = 0; k < 6; k++) {
        const i = Math.floor(rng.uniform() * params[name].length);
        const eps = name === 'strength' ? 1e-3 * Math.max(params.strength[i], 1e-3) : 1e-3;
        const fd = finiteDifference(params, name, i, loss, eps);
        expect(
          Math.abs(grads[name][i] - fd),
          `${name}[${i}]: adjoint ${grads[name][i]}, fd ${fd}`,
        ).toBeLessThan(0.02 * Math.abs(fd) + 2e-3);
      }
    }
  });

  it('gives the same gradients when states are recomputed from checkpoints', () => {
    const loss = linearLoss(2 * 30 * 65, 5);
    const all = latticeValueAndGrad(tables, params, input, loss, { stimulusGrad: true });
    const recomputed = latticeValueAndGrad(tables, params, input, loss, {
      stimulusGrad: true,
      memoryBudgetBytes: 1,
    });
    expect(all.checkpointEvery).toBe(1);
    expect(recomputed.checkpointEvery).toBeGreaterThan(1);
    expect(recomputed.grads.bias).toEqual(all.grads.bias);
    expect(recomputed.grads.strength).toEqual(all.grads.strength);
    expect(recomputed.stimulus).toEqual(all.stimulus);
  });

  it('matches finite differences for the stimulus', () => {
    const loss = linearLoss(2 * 30 * 65, 6);
    const { stimulus } = latticeValueAndGrad(tables, params, input, loss, { stimulusGrad: true });
    const nHex = tables.nHexals;
    for (const [b, f, h] of [
      [0, 5, 18],
      [1, 20, 3],
      [0, 0, 30],
    ]) {
      const k = (b * 30 + f) * nHex + h;
      const run = (delta: number) => {
        const s = input.stimulus.slice();
        s[k] += delta;
        return loss(createLatticeEngine(tables, params).simulate({ ...input, stimulus: s }).central).value;
      };
      const fd = (run(1e-2) - run(-1e-2)) / 2e-2;
      expect(Math.abs(stimulus![k] - fd)).toBeLessThan(0.02 * Math.abs(fd) + 2e-3);
    }
  });
});
