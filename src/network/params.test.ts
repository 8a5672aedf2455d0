import { describe, expect, it } from 'vitest';
import { realNetwork, refFloat32 } from '../testing/reference.ts';
import { FREE_PARAMS, initParams, paramKey, paramLengths, PARAM_NAMES, validateParams } from './params.ts';

function maxRelativeDifference(ours: Float32Array, reference: Float32Array): number {
  return ours.reduce((m, x, i) => Math.max(m, Math.abs(x / reference[i] - 1)), 0);
}

describe('initParams on the flyvis connectome', () => {
  it('has 734 free and 2,959 fixed parameters, as flyvis reports', async () => {
    const { tables } = await realNetwork();
    const n = paramLengths(tables);
    const free = FREE_PARAMS.reduce((s, name) => s + n[name], 0);
    const total = PARAM_NAMES.reduce((s, name) => s + n[name], 0);
    expect([free, total - free]).toEqual([734, 2959]);
  });

  it('gives flyvis time constants (0.05 s), signs and strengths (within 1.5e-7 relative)', async () => {
    const { tables } = await realNetwork();
    const p = initParams(tables);
    expect(p.tauS).toEqual(refFloat32('network', 'nodes_time_const.npy').data);
    expect(p.tauS.every((t) => t === Math.fround(0.05))).toBe(true);
    expect(p.sign).toEqual(refFloat32('network', 'edges_sign.npy').data);
    expect(
      maxRelativeDifference(p.strength, refFloat32('network', 'edges_syn_strength.npy').data),
    ).toBeLessThan(1.5e-7);
  });

  it('stores synapse counts as logs: within one float32 step of flyvis edges_syn_count_raw, exp within 5e-7 of the counts', async () => {
    const { tables } = await realNetwork();
    const p = initParams(tables);
    // flyvis takes a float32 log (not correctly rounded); ln rounded to float32 differs by one step in 740 of 2,355 values.
    const raw = refFloat32('network', 'edges_syn_count_raw.npy').data;
    expect(p.synCountLog.reduce((m, x, i) => Math.max(m, Math.abs(x - raw[i])), 0)).toBeLessThanOrEqual(
      4.8e-7,
    );
    const counts = refFloat32('network', 'edges_syn_count.npy').data;
    expect(maxRelativeDifference(p.synCountLog.map(Math.exp), counts)).toBeLessThan(5e-7);
  });

  it('draws biases around 0.5 with spread 0.05, the same for the same seed and different for another', async () => {
    const { tables } = await realNetwork();
    const bias = initParams(tables).bias;
    const mean = bias.reduce((a, b) => a + b, 0) / bias.length;
    const std = Math.sqrt(bias.reduce((a, b) => a + (b - mean) ** 2, 0) / (bias.length - 1));
    // 65 draws: the mean is within 3 standard errors (0.019) of 0.5.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(std - 0.05)).toBeLessThan(0.015);
    expect(initParams(tables, { seed: 0 }).bias).toEqual(bias);
    expect(initParams(tables, { seed: 1 }).bias).not.toEqual(bias);
    expect(initParams(tables, { seed: 1 }).bias).toEqual(initParams(tables, { seed: 1 }).bias);
  });
});

describe('validateParams and paramKey', () => {
  it('names the parameter of a non-finite value and the vector of a wrong length', async () => {
    const { tables } = await realNetwork();
    const p = initParams(tables);
    const t4a = tables.cellTypes.indexOf('T4a');
    p.bias[t4a] = NaN;
    expect(() => validateParams(tables, p, 'x.json')).toThrow('T4a.bias is NaN');
    expect(() => validateParams(tables, { ...initParams(tables), tauS: new Float32Array(3) })).toThrow(
      "'tauS' must have 65 values for this connectome, but has 3",
    );
    expect(paramKey(tables, 'strength', 0)).toBe('R1→L1.strength');
    expect(paramKey(tables, 'synCountLog', 0)).toBe('R1→L1(0,0).synCountLog');
  });
});
