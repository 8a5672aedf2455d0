import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type NetworkTables } from '../../connectome/tables.ts';
import { initParams } from '../../network/params.ts';
import { bitEqual } from '../../testing/bitEqual.ts';
import { realNetwork } from '../../testing/reference.ts';
import { prng } from '../../util/random.ts';
import { kernelNetwork } from '../weights.ts';
import { createEulerKernel, readSample, writeSample, type KernelNetwork } from './eulerKernel.ts';

let tables: NetworkTables;
let net: KernelNetwork;
beforeAll(async () => {
  tables = buildTables((await realNetwork()).connectome, { extent: 3 });
  net = kernelNetwork(tables, initParams(tables, { seed: 1 }), 0.02);
});

/** 20 steps of sample-specific random states and drives, in a kernel of `nSamples`, for sample `b`. */
function run(nSamples: number, b: number): Float32Array {
  const kernel = createEulerKernel(net, nSamples, 1e4);
  const n = tables.nNodes;
  for (let j = 0; j < nSamples; j++) {
    const rng = prng(100 + j);
    writeSample(
      kernel.state,
      nSamples,
      j,
      Float32Array.from({ length: n }, () => rng.normal()),
    );
  }
  for (let f = 0; f < 20; f++) {
    for (let j = 0; j < nSamples; j++) {
      const rng = prng(1000 * f + j);
      writeSample(
        kernel.drive,
        nSamples,
        j,
        Float32Array.from({ length: n }, () => 0.5 * rng.normal()),
      );
    }
    expect(kernel.step()).toBe(true);
  }
  const out = new Float32Array(n);
  readSample(kernel.state, nSamples, b, out);
  return out;
}

describe('createEulerKernel', () => {
  it('gives every sample bit-identical results whatever the batch it runs in (1, 3 or 8 samples)', () => {
    const alone = [0, 1, 2].map((j) => {
      // Sample j alone: same seeds as lane j of a batch.
      const kernel = createEulerKernel(net, 1, 1e4);
      const rng = prng(100 + j);
      kernel.state.set(Float32Array.from({ length: tables.nNodes }, () => rng.normal()));
      for (let f = 0; f < 20; f++) {
        const r = prng(1000 * f + j);
        kernel.drive.set(Float32Array.from({ length: tables.nNodes }, () => 0.5 * r.normal()));
        kernel.step();
      }
      return kernel.state.slice();
    });
    for (const batch of [3, 8]) {
      for (const j of [0, 1, 2]) expect(bitEqual(run(batch, j), alone[j])).toBe(true);
    }
  });

  it('reports a voltage beyond the bound and rejects batch sizes it does not unroll', () => {
    const kernel = createEulerKernel(net, 2, 1e4);
    kernel.drive[1] = 1e12; // node 0 of sample 1
    expect(kernel.step()).toBe(false);
    expect(() => createEulerKernel(net, 9, 1e4)).toThrow(
      'Error in createEulerKernel: nSamples must be an integer in 1…8, got 9',
    );
  });
});
