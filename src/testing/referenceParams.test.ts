import { describe, expect, it } from 'vitest';
import { FLYVIS_KEYS, validateParams } from '../network/params.ts';
import { realNetwork, refFloat32 } from './reference.ts';
import { loadReferenceParams } from './referenceParams.ts';

describe('loadReferenceParams', () => {
  it('gives every reference network with vectors that fit the real connectome', async () => {
    const { tables } = await realNetwork();
    for (const name of ['default', 'strong_seed1', 'relu_variant', 'divergent_seed1'] as const) {
      expect(() => validateParams(tables, loadReferenceParams(name), name)).not.toThrow();
    }
  });

  it('default equals the parameter vectors flyvis exported for its default network', () => {
    const p = loadReferenceParams('default');
    expect(p.bias).toEqual(refFloat32('network', 'nodes_bias.npy').data);
    expect(p.tauS).toEqual(refFloat32('network', 'nodes_time_const.npy').data);
    expect(p.sign).toEqual(refFloat32('network', 'edges_sign.npy').data);
    expect(p.synCountLog).toEqual(refFloat32('network', 'edges_syn_count_raw.npy').data);
    expect(p.strength).toEqual(refFloat32('network', 'edges_syn_strength.npy').data);
  });

  it('strong_seed1 and divergent_seed1 equal their params_*.npy, with default signs and counts', () => {
    const base = loadReferenceParams('default');
    for (const name of ['strong_seed1', 'divergent_seed1'] as const) {
      const p = loadReferenceParams(name);
      for (const key of ['bias', 'tauS', 'strength'] as const) {
        expect(p[key]).toEqual(refFloat32(name, `params_${FLYVIS_KEYS[key]}.npy`).data);
      }
      expect(p.sign).toEqual(base.sign);
      expect(p.synCountLog).toEqual(base.synCountLog);
    }
  });

  it('relu_variant is the default network with the variant biases and strengths', () => {
    const base = loadReferenceParams('default');
    const p = loadReferenceParams('relu_variant');
    expect(p.bias).toEqual(refFloat32('relu_variant', 'nodes_bias.npy').data);
    expect(p.strength).toEqual(refFloat32('relu_variant', 'edges_syn_strength.npy').data);
    expect(p.tauS).toEqual(base.tauS);
    expect(Math.max(...p.bias.map((b, i) => Math.abs(b - (base.bias[i] - 0.5))))).toBeLessThan(1e-6);
  });
});
