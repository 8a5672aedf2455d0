import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type NetworkTables } from '../connectome/tables.ts';
import { bitEqual } from '../testing/bitEqual.ts';
import { realNetwork } from '../testing/reference.ts';
import { noiseSource, sampleSeed } from './noise.ts';
import type { NoiseSpec } from './types.ts';

let tables: NetworkTables;
beforeAll(async () => {
  tables = buildTables((await realNetwork()).connectome, { extent: 3 });
});

/** One step of a sample's noise, written with a stride into an interleaved drive. */
function draw(sample: number, seed: number, offset = 0, stride = 1, spec: NoiseSpec = { intrinsicStd: 0.1 }) {
  const drive = new Float32Array(tables.nNodes * stride);
  noiseSource({ ...spec, seed }, 0.01, tables, sample)!(drive, offset, stride);
  return Float32Array.from({ length: tables.nNodes }, (_, i) => drive[offset + i * stride]);
}

describe('noiseSource', () => {
  it('gives each sample its own stream: the same for the same (seed, index), wherever it is written', () => {
    expect(bitEqual(draw(3, 7, 2, 4), draw(3, 7))).toBe(true);
    expect(bitEqual(draw(3, 7), draw(4, 7))).toBe(false);
    expect(bitEqual(draw(3, 7), draw(3, 8))).toBe(false);
  });

  it('draws intrinsic noise with variance σ²/dt (σ = 0.1, dt = 0.01: 1)', () => {
    const x = draw(0, 1);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(x.length));
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
  });

  it('gives R1–R8 of a column one shared value in shared input mode', () => {
    const x = draw(0, 1, 0, 1, { inputStd: 0.1, inputMode: 'shared' });
    const nHex = tables.nHexals;
    const column = (h: number) => tables.inputTypes.map((_, r) => x[tables.inputIndex[r * nHex + h]]);
    expect(new Set(column(5)).size).toBe(1);
    expect(column(5)[0]).not.toBe(column(6)[0]);
  });

  it('returns nothing without noise and rejects negative levels', () => {
    expect(noiseSource(undefined, 0.01, tables, 0)).toBeUndefined();
    expect(() => noiseSource({ intrinsicStd: -1 }, 0.01, tables, 0)).toThrow(
      'Error in noise: levels must be ≥ 0, got inputStd 0, intrinsicStd -1',
    );
  });

  it('mixes seed and sample index into distinct 32-bit seeds', () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let i = 0; i < 50; i++) seeds.add(sampleSeed(seed, i));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(s >>> 0).toBe(s);
  });
});
