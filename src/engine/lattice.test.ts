import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkTables } from '../connectome/tables.ts';
import { realNetwork, refFloat32 } from '../testing/reference.ts';
import { loadReferenceParams } from '../testing/referenceParams.ts';
import { DivergenceError } from './divergence.ts';
import { createLatticeEngine, framesIn } from './lattice.ts';

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function range(a: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    lo = Math.min(lo, a[i]);
    hi = Math.max(hi, a[i]);
  }
  return hi - lo;
}

const greyMovie = (nFrames: number, nHex: number) => new Float32Array(nFrames * nHex).fill(0.5);

let tables: NetworkTables;
beforeAll(async () => {
  tables = (await realNetwork()).tables;
});

describe('lattice engine vs flyvis, default network', () => {
  it('reproduces the grey-screen run at dt 1/50: central traces and all nodes at step 1, 1 s and 5 s (1e-5)', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    const stimulus = greyMovie(250, tables.nHexals);
    const run = engine.simulate({ stimulus, nSamples: 1, nFrames: 250, dt: 1 / 50, record: 'full' });
    const full = (frame: number) =>
      run.recorded!.subarray(frame * tables.nNodes, (frame + 1) * tables.nNodes);
    expect(maxAbsDiff(run.central, refFloat32('default/grey_dt50_central.npy').data)).toBeLessThan(1e-5);
    expect(maxAbsDiff(full(0), refFloat32('default/grey_dt50_full_step1.npy').data)).toBeLessThan(1e-5);
    expect(maxAbsDiff(full(49), refFloat32('default/grey_dt50_full_1s.npy').data)).toBeLessThan(1e-5);
    expect(maxAbsDiff(run.finalState, refFloat32('default/grey_dt50_full_final.npy').data)).toBeLessThan(
      1e-5,
    );
    expect(maxAbsDiff(engine.biasState(), refFloat32('default/grey_dt50_initial_state_full.npy').data)).toBe(
      0,
    );
  });

  it('reproduces the grey-screen run at dt 1/200 (1e-5)', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    const oneSecond = engine.steadyState({ tPre: 1, dt: 1 / 200 });
    expect(maxAbsDiff(oneSecond, refFloat32('default/grey_dt200_full_1s.npy').data)).toBeLessThan(1e-5);
    const run = engine.simulate({
      stimulus: greyMovie(1000, tables.nHexals),
      nSamples: 1,
      nFrames: 1000,
      dt: 1 / 200,
    });
    expect(maxAbsDiff(run.central, refFloat32('default/grey_dt200_central.npy').data)).toBeLessThan(1e-5);
    expect(maxAbsDiff(run.finalState, refFloat32('default/grey_dt200_full_final.npy').data)).toBeLessThan(
      1e-5,
    );
  });

  it('reproduces the four flashes at dt 1/200 from a 1 s grey steady state (1e-5)', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    const dt = 1 / 200;
    const initialState = engine.steadyState({ tPre: 1, dt });
    const stimulus = refFloat32('default/flash_dt200_stimulus.npy').data;
    const run = engine.simulate({ stimulus, nSamples: 4, nFrames: 600, dt, initialState });
    expect(maxAbsDiff(run.central, refFloat32('default/flash_dt200_central.npy').data)).toBeLessThan(1e-5);
  });
});

describe('lattice engine vs flyvis, other networks (1e-5 of the response range)', () => {
  it('relu_variant: grey screen, where 55% of nodes sit below 0, matches at every node', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('relu_variant'));
    const run = engine.simulate({
      stimulus: greyMovie(250, tables.nHexals),
      nSamples: 1,
      nFrames: 250,
      dt: 1 / 50,
    });
    const ref = refFloat32('relu_variant/grey_dt50_central.npy').data;
    expect(maxAbsDiff(run.central, ref)).toBeLessThan(1e-5 * range(ref));
    const final = refFloat32('relu_variant/grey_dt50_full_final.npy').data;
    expect(maxAbsDiff(run.finalState, final)).toBeLessThan(1e-5 * range(final));
  });

  it('relu_variant: random stimulus and flashes at dt 1/50 from a 1 s grey state', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('relu_variant'));
    const dt = 1 / 50;
    const initialState = engine.steadyState({ tPre: 1, dt });
    const random = engine.simulate({
      stimulus: refFloat32('relu_variant/random_stimulus.npy').data,
      nSamples: 1,
      nFrames: 50,
      dt,
      initialState,
      record: 'full',
    });
    const ref = refFloat32('relu_variant/random_auto_central.npy').data;
    expect(maxAbsDiff(random.central, ref)).toBeLessThan(1e-5 * range(ref));
    const first10 = refFloat32('relu_variant/random_auto_full_first10.npy').data;
    expect(maxAbsDiff(random.recorded!.subarray(0, first10.length), first10)).toBeLessThan(
      1e-5 * range(first10),
    );
    const flash = engine.simulate({
      stimulus: refFloat32('relu_variant/flash_dt50_stimulus.npy').data,
      nSamples: 4,
      nFrames: 150,
      dt,
      initialState,
    });
    const flashRef = refFloat32('relu_variant/flash_dt50_central.npy').data;
    expect(maxAbsDiff(flash.central, flashRef)).toBeLessThan(1e-5 * range(flashRef));
  });

  it('strong_seed1: 2 s of grey from the bias state and the random stimulus after 1 s of grey', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('strong_seed1'));
    const dt = 1 / 50;
    const grey = engine.simulate({ stimulus: greyMovie(100, tables.nHexals), nSamples: 1, nFrames: 100, dt });
    const greyRef = refFloat32('strong_seed1/grey_central.npy').data;
    expect(maxAbsDiff(grey.central, greyRef)).toBeLessThan(1e-5 * range(greyRef));
    const final = refFloat32('strong_seed1/grey_full_final.npy').data;
    expect(maxAbsDiff(grey.finalState, final)).toBeLessThan(1e-5 * range(final));
    const random = engine.simulate({
      stimulus: refFloat32('strong_seed1/random_stimulus.npy').data,
      nSamples: 1,
      nFrames: 50,
      dt,
      initialState: engine.steadyState({ tPre: 1, dt }),
    });
    const randomRef = refFloat32('strong_seed1/random_central.npy').data;
    expect(maxAbsDiff(random.central, randomRef)).toBeLessThan(1e-5 * range(randomRef));
  });

  it('divergent_seed1: stops with the step, time and cell types instead of returning NaN', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('divergent_seed1'));
    const run = () =>
      engine.simulate({ stimulus: greyMovie(100, tables.nHexals), nSamples: 1, nFrames: 100, dt: 1 / 50 });
    expect(run).toThrow(DivergenceError);
    try {
      run();
    } catch (e) {
      const err = e as DivergenceError;
      expect(err.step).toBeGreaterThan(0);
      expect(err.step).toBeLessThan(100);
      expect(err.timeS).toBeCloseTo((err.step + 1) / 50, 10);
      expect(err.cellTypes.length).toBeGreaterThan(0);
      expect(err.message).toMatch(/diverged at step \d+ \(t = [\d.]+ s\)/);
    }
  });
});

describe('lattice engine semantics', () => {
  it('framesIn truncates like int(t/dt) and survives float round-off', () => {
    expect(framesIn(0.25, 0.02)).toBe(12);
    expect(framesIn(1, 0.02)).toBe(50);
    expect(framesIn(1, 1 / 200)).toBe(200);
    expect(framesIn(0, 0.02)).toBe(0);
  });

  it('rejects a stimulus of the wrong size, a bad dt and an unknown recorded type with clear errors', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    expect(() =>
      engine.simulate({ stimulus: new Float32Array(10), nSamples: 1, nFrames: 1, dt: 0.02 }),
    ).toThrow(/stimulus must have nSamples × nFrames × nHexals = 1 × 1 × 721 values, but has 10/);
    const one = greyMovie(1, tables.nHexals);
    expect(() => engine.simulate({ stimulus: one, nSamples: 1, nFrames: 1, dt: 0 })).toThrow(
      /dt must be a positive/,
    );
    expect(() =>
      engine.simulate({ stimulus: one, nSamples: 1, nFrames: 1, dt: 0.02, record: { types: ['T4x'] } }),
    ).toThrow(/unknown cell type 'T4x'/);
  });

  it('gives the same noisy run for the same seed and a different one for another seed', () => {
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    const stimulus = greyMovie(5, tables.nHexals);
    const run = (seed: number) =>
      engine.simulate({ stimulus, nSamples: 1, nFrames: 5, dt: 0.02, noise: { intrinsicStd: 0.01, seed } })
        .central;
    expect(run(1)).toEqual(run(1));
    expect(maxAbsDiff(run(1), run(2))).toBeGreaterThan(0);
  });
});
