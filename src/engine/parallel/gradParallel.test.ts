import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type NetworkTables } from '../../connectome/tables.ts';
import { initParams, type Params } from '../../network/params.ts';
import { bitEqual } from '../../testing/bitEqual.ts';
import { realNetwork } from '../../testing/reference.ts';
import { prng } from '../../util/random.ts';
import { latticeValueAndGrad, type CentralLoss } from '../grads/latticeGrad.ts';
import type { SimulateInput } from '../types.ts';
import { closeWorkerPool } from './pool.ts';

let tables: NetworkTables;
let params: Params;
let input: SimulateInput;
let loss: CentralLoss;
beforeAll(async () => {
  tables = buildTables((await realNetwork()).connectome, { extent: 3 });
  params = initParams(tables, { seed: 4 });
  const rng = prng(6);
  const [nSamples, nFrames] = [3, 15];
  const stimulus = Float32Array.from({ length: nSamples * nFrames * tables.nHexals }, () => rng.uniform());
  input = { stimulus, nSamples, nFrames, dt: 0.02 };
  const w = Float32Array.from({ length: nSamples * nFrames * tables.cellTypes.length }, () => rng.normal());
  loss = (central) => ({ value: central.reduce((s, v, i) => s + w[i] * v, 0), grad: w });
});
afterAll(() => closeWorkerPool());

describe('latticeValueAndGrad on worker threads', () => {
  it('gives bit-identical values, traces and gradients on 1 and 2 threads, with and without checkpoints', () => {
    for (const memoryBudgetBytes of [undefined, 1]) {
      const run = (threads: number) =>
        latticeValueAndGrad(tables, params, input, loss, { threads, stimulusGrad: true, memoryBudgetBytes });
      const [one, two] = [run(1), run(2)];
      expect(two.value).toBe(one.value);
      expect(bitEqual(two.central, one.central)).toBe(true);
      for (const key of ['bias', 'tauS', 'strength'] as const)
        expect(bitEqual(two.grads[key], one.grads[key])).toBe(true);
      expect(bitEqual(two.stimulus, one.stimulus)).toBe(true);
      expect(two.checkpointEvery).toBe(one.checkpointEvery);
    }
  });

  it('adds the samples’ gradients: a batch equals the sum of its samples run alone', () => {
    const batch = latticeValueAndGrad(tables, params, input, loss, { threads: 2 });
    const nHex = tables.nHexals;
    const nTypes = tables.cellTypes.length;
    const T = input.nFrames;
    const alone = [0, 1, 2].map((b) =>
      latticeValueAndGrad(
        tables,
        params,
        { ...input, nSamples: 1, stimulus: input.stimulus.subarray(b * T * nHex, (b + 1) * T * nHex) },
        (central) => {
          const full = new Float32Array(3 * T * nTypes);
          full.set(central, b * T * nTypes);
          const { grad } = loss(full);
          return { value: 0, grad: grad.subarray(b * T * nTypes, (b + 1) * T * nTypes) };
        },
        { threads: 1 },
      ),
    );
    for (const key of ['bias', 'tauS', 'strength'] as const) {
      const sum = batch.grads[key].map(
        (_, i) => alone[0].grads[key][i] + alone[1].grads[key][i] + alone[2].grads[key][i],
      );
      expect(bitEqual(batch.grads[key], sum)).toBe(true);
    }
  });
});
