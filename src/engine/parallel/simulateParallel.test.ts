import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type NetworkTables } from '../../connectome/tables.ts';
import { initParams, type Params } from '../../network/params.ts';
import { bitEqual } from '../../testing/bitEqual.ts';
import { realNetwork } from '../../testing/reference.ts';
import { prng } from '../../util/random.ts';
import { DivergenceError } from '../divergence.ts';
import { createKernelCache } from '../kernelCache.ts';
import { createLatticeEngine } from '../lattice.ts';
import { simulateBlock } from '../simulateBlock.ts';
import type { SimulateInput } from '../types.ts';
import { closeWorkerPool, poolUnavailableReason, poolWorkers } from './pool.ts';

let tables: NetworkTables;
let params: Params;
let input: SimulateInput;
beforeAll(async () => {
  tables = buildTables((await realNetwork()).connectome, { extent: 3 });
  params = initParams(tables, { seed: 2 });
  const rng = prng(5);
  const nSamples = 11; // kernels of 6 and 5 samples here, blocks of 5 and 6 on two threads
  const nFrames = 12;
  const stimulus = Float32Array.from({ length: nSamples * nFrames * tables.nHexals }, () => rng.uniform());
  input = { stimulus, nSamples, nFrames, dt: 0.02, record: 'full', noise: { intrinsicStd: 0.02, seed: 9 } };
});
afterAll(() => closeWorkerPool());

describe('simulate on worker threads', () => {
  it('starts workers here (tsx registered in the worker)', () => {
    expect(poolWorkers(1)).toHaveLength(1);
    expect(poolUnavailableReason()).toBeUndefined();
  });

  it('gives every sample bit-identical traces, recordings and final states on 1 and 2 threads', () => {
    const run = (threads: number) => createLatticeEngine(tables, params, { threads }).simulate(input);
    const [one, two] = [run(1), run(2)];
    expect(bitEqual(two.central, one.central)).toBe(true);
    expect(bitEqual(two.recorded, one.recorded)).toBe(true);
    expect(bitEqual(two.finalState, one.finalState)).toBe(true);
  });

  it('lets the process exit with idle workers, without closeWorkerPool', () => {
    const pool = pathToFileURL(fileURLToPath(new URL('./pool.ts', import.meta.url))).href;
    const script = `import { poolWorkers } from '${pool}'; console.log(poolWorkers(1).length);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('1');
    expect(child.status).toBe(0);
  });

  it('after a failed parallel call, the next one gets its own results (no reply is left behind)', () => {
    const engine = createLatticeEngine(tables, params, { threads: 2 });
    const bad = { ...input, record: undefined, noise: { intrinsicStd: -1 } };
    expect(() => engine.simulate(bad)).toThrow('Error in noise: levels must be ≥ 0');
    const good = { ...input, record: undefined };
    const one = createLatticeEngine(tables, params, { threads: 1 }).simulate(good);
    expect(bitEqual(engine.simulate(good).central, one.central)).toBe(true);
  });

  it('reuses its workers across engines and calls', () => {
    const [first] = poolWorkers(1);
    createLatticeEngine(tables, params, { threads: 2 }).simulate(input);
    expect(poolWorkers(1)[0]).toBe(first);
  });

  it('gives a sample the same noisy run alone as in a batch: noise streams follow (seed, sample index)', () => {
    const cache = createKernelCache(tables, params)(input.dt, 1e4);
    const block = (first: number, count: number) =>
      simulateBlock(tables, cache, {
        stimulus: input.stimulus.subarray(first * 12 * tables.nHexals, (first + count) * 12 * tables.nHexals),
        nSamples: count,
        nFrames: 12,
        dt: input.dt,
        initialState: createLatticeEngine(tables, params).biasState(count),
        noise: input.noise,
        firstSample: first,
        bound: 1e4,
      });
    const batch = block(0, 11);
    const nTypes = tables.cellTypes.length;
    expect(bitEqual(block(7, 1).central, batch.central.subarray(7 * 12 * nTypes, 8 * 12 * nTypes))).toBe(
      true,
    );
    expect(bitEqual(block(3, 2).central, batch.central.subarray(3 * 12 * nTypes, 5 * 12 * nTypes))).toBe(
      true,
    );
  });

  it('reports divergence at the same step with the same cell types on 1 and 2 threads', () => {
    const strong = { ...params, strength: params.strength.map((s) => 40 * s) };
    const message = (threads: number) => {
      try {
        createLatticeEngine(tables, strong, { threads }).simulate({ ...input, record: undefined });
      } catch (e) {
        expect(e).toBeInstanceOf(DivergenceError);
        return (e as Error).message;
      }
      return 'did not diverge';
    };
    const one = message(1);
    expect(one).toMatch(/diverged at step \d+/);
    expect(message(2)).toBe(one);
  });
});
