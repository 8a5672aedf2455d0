import { describe, expect, it } from 'vitest';
import { hexDistance } from '../../connectome/hex.ts';
import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { realNetwork, refFloat32, refNpy } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { DivergenceError } from '../divergence.ts';
import { reducedSteadyState, simulateReduced } from './simulate.ts';
import { buildReducedStructure, type ReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';

/** Max |a − b| per cell type over frames, for nFrames × nTypes arrays. */
function maxDiffPerType(a: Float32Array, b: Float32Array, nTypes: number): Float64Array {
  const out = new Float64Array(nTypes);
  for (let k = 0; k < a.length; k++) out[k % nTypes] = Math.max(out[k % nTypes], Math.abs(a[k] - b[k]));
  return out;
}

const grey = (nFrames: number) => new Float32Array(nFrames).fill(0.5);

describe('simulateReduced against flyvis (all 45,669 nodes, central column)', () => {
  it('matches the default network on 5 s of grey at dt 1/50 to the finite lattice border effect (≤ 7e-5)', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const ref = refFloat32('default', 'grey_dt50_central.npy');
    const nFrames = ref.shape[0];
    const params = loadReferenceParams('default');
    const { central } = simulateReduced({
      structure,
      params,
      luminance: grey(nFrames),
      nSamples: 1,
      nFrames,
      dt: 1 / 50,
    });
    const perType = maxDiffPerType(central, ref.data, 65);
    // Measured: 6.04e-5 (T4a, whose long-range offsets reach the border soonest), TmY15/TmY4 1.2e-5,
    // median over types 1.2e-7 (one float32 ulp).
    expect(Math.max(...perType)).toBeLessThan(7e-5);
    expect([...perType].sort((a, b) => a - b)[32]).toBeLessThan(3e-7);
    // Two steps cannot reach the border from (0, 0) (offsets ≤ 7 columns, extent 15): float32 round-off only.
    expect(Math.max(...maxDiffPerType(central.subarray(0, 130), ref.data.subarray(0, 130), 65))).toBeLessThan(
      2e-7,
    );
  });

  it('matches the full-field flashes at dt 1/200 after a 1 s grey steady state', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const params = loadReferenceParams('default');
    const ref = refFloat32('default', 'flash_dt200_central.npy');
    const stim = refFloat32('default', 'flash_dt200_stimulus.npy');
    const radius = refNpy('default', 'flash_dt200_arg_radius.npy').data;
    const [, nFrames] = ref.shape;
    const samples = [0, 1, 2, 3].filter((b) => radius[b] === -1);
    expect(samples).toEqual([0, 2]);
    const luminance = Float32Array.from({ length: samples.length * nFrames }, (_, k) => {
      const b = samples[Math.floor(k / nFrames)];
      return stim.data[(b * nFrames + (k % nFrames)) * 721 + 360];
    });
    const initialState = reducedSteadyState({ structure, params, tPre: 1, dt: 1 / 200 });
    const { central } = simulateReduced({
      structure,
      params,
      luminance,
      nSamples: 2,
      nFrames,
      dt: 1 / 200,
      initialState,
    });
    samples.forEach((b, i) => {
      const got = central.subarray(i * nFrames * 65, (i + 1) * nFrames * 65);
      const want = ref.data.subarray(b * nFrames * 65, (b + 1) * nFrames * 65);
      expect(Math.max(...maxDiffPerType(got, want, 65))).toBeLessThan(7e-5); // measured 6.06e-5 (T4a)
    });
  });

  it('stays within 1e-2 of the relu variant, where the border reaches deeper (55% of units below 0)', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const ref = refFloat32('relu_variant', 'grey_dt50_central.npy');
    const params = loadReferenceParams('relu_variant');
    const { central } = simulateReduced({
      structure,
      params,
      luminance: grey(250),
      nSamples: 1,
      nFrames: 250,
      dt: 1 / 50,
    });
    // Measured 6.3e-3 (T2); the error grows monotonically from the centre to the border (docs/reduced-engine.md).
    expect(Math.max(...maxDiffPerType(central, ref.data, 65))).toBeLessThan(1e-2);
  });

  it('does not describe the unstable strong_seed1 network: non-uniform modes grow on the lattice', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables);
    const ref = refFloat32('strong_seed1', 'grey_central.npy');
    const params = loadReferenceParams('strong_seed1');
    const { central } = simulateReduced({
      structure,
      params,
      luminance: grey(100),
      nSamples: 1,
      nFrames: 100,
      dt: 1 / 50,
    });
    const perType = maxDiffPerType(central, ref.data, 65);
    expect(Math.max(...perType)).toBeGreaterThan(0.05); // measured 0.090 (TmY14)
  });

  it('is far off with the naive one-unit-per-type collapse (the Lawf sub-lattice)', async () => {
    const { tables } = await realNetwork();
    const structure = buildReducedStructure(tables, { classPeriod: [1, 1] });
    const ref = refFloat32('default', 'grey_dt50_central.npy');
    const params = loadReferenceParams('default');
    const { central } = simulateReduced({
      structure,
      params,
      luminance: grey(250),
      nSamples: 1,
      nFrames: 250,
      dt: 1 / 50,
    });
    expect(Math.max(...maxDiffPerType(central, ref.data, 65))).toBeGreaterThan(0.05); // measured 0.096 (Am)
  });
});

/** Plain float32 Euler on every node and edge of the tables (the oracle for the reduction). */
function latticeEuler(tables: NetworkTables, params: Params, dt: number, nSteps: number): Float32Array {
  const weight = Float32Array.from(tables.edgeCountGroup, (g) => {
    const p = tables.countGroups[g].pair;
    return Math.fround(
      Math.fround(params.sign[p] * Math.fround(Math.exp(params.synCountLog[g]))) * params.strength[p],
    );
  });
  const isInput = new Set(tables.inputTypes.map((n) => tables.cellTypes.indexOf(n)));
  let v = Float32Array.from(tables.nodeType, (t) => params.bias[t]);
  for (let k = 0; k < nSteps; k++) {
    const sum = new Float64Array(tables.nNodes);
    for (let e = 0; e < weight.length; e++)
      sum[tables.edgeTarget[e]] += weight[e] * Math.max(0, v[tables.edgeSource[e]]);
    v = v.map((x, i) => {
      const t = tables.nodeType[i];
      const a = Math.fround(dt / Math.max(params.tauS[t], dt));
      return x + a * (params.bias[t] - x + Math.fround(sum[i]) + (isInput.has(t) ? 0.5 : 0));
    });
  }
  return v;
}

function unitOfNode(structure: ReducedStructure, tables: NetworkTables, i: number): number {
  const [pu, pv] = structure.classPeriod;
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  const c = mod(tables.nodeU[i], pu) * pv + mod(tables.nodeV[i], pv);
  for (let u = 0; u < structure.nUnits; u++)
    if (structure.unitType[u] === tables.nodeType[i] && structure.unitClass[u] === c) return u;
  return -1;
}

describe('simulateReduced on a synthetic network with strides (1, 1), (2, 1), (1, 3)', () => {
  it('equals every lattice node the border cannot have reached yet', () => {
    const { tables, params } = tinyNetwork(12);
    const structure = buildReducedStructure(tables);
    const nSteps = 3;
    const lattice = latticeEuler(tables, params, 0.01, nSteps);
    const { finalState } = simulateReduced({
      structure,
      params,
      luminance: grey(nSteps),
      nSamples: 1,
      nFrames: nSteps,
      dt: 0.01,
    });
    // Offsets reach hex distance ≤ 3, so after 3 steps nodes within 12 − 9 = 3 of (0, 0) see no border.
    let compared = 0;
    let below = 0;
    for (let i = 0; i < tables.nNodes; i++) {
      if (hexDistance(tables.nodeU[i], tables.nodeV[i]) > 3) continue;
      const unit = unitOfNode(structure, tables, i);
      expect(Math.abs(finalState[unit] - lattice[i])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(lattice[i])));
      compared++;
      if (lattice[i] < 0) below++;
    }
    expect(compared).toBeGreaterThan(60);
    expect(below).toBeGreaterThan(0);
  });

  it('takes one initial state per sample or one shared by all', () => {
    const { tables, params } = tinyNetwork(3);
    const structure = buildReducedStructure(tables);
    const n = structure.nUnits;
    const shared = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const luminance = Float32Array.from({ length: 2 * 5 }, (_, k) => (k < 5 ? 0.2 : 0.9));
    const a = simulateReduced({
      structure,
      params,
      luminance,
      nSamples: 2,
      nFrames: 5,
      dt: 0.01,
      initialState: shared,
    });
    const perSample = new Float32Array(2 * n);
    perSample.set(shared);
    perSample.set(shared, n);
    const b = simulateReduced({
      structure,
      params,
      luminance,
      nSamples: 2,
      nFrames: 5,
      dt: 0.01,
      initialState: perSample,
    });
    expect(b.central).toEqual(a.central);
    expect(a.central.subarray(0, 20)).not.toEqual(a.central.subarray(20, 40));
  });

  it('names the expected and actual sizes of a wrong luminance array', () => {
    const { tables, params } = tinyNetwork(3);
    const structure = buildReducedStructure(tables);
    expect(() =>
      simulateReduced({ structure, params, luminance: grey(7), nSamples: 2, nFrames: 4, dt: 0.01 }),
    ).toThrow('Error in simulateReduced: luminance must have nSamples × nFrames = 8 values, got 7');
  });

  it('stops with a DivergenceError naming the cell types when voltages run away', () => {
    const { tables, params } = tinyNetwork(3);
    const structure = buildReducedStructure(tables);
    const strong = {
      ...params,
      strength: params.strength.map((s) => 50 * s),
      bias: params.bias.map(() => 1),
    };
    const run = () =>
      simulateReduced({
        structure,
        params: strong,
        luminance: grey(400),
        nSamples: 1,
        nFrames: 400,
        dt: 0.01,
      });
    expect(run).toThrow(DivergenceError);
  });
});
