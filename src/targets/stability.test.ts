import { describe, expect, it } from 'vitest';
import type { NetworkTables } from '../connectome/tables.ts';
import { tinyNetwork } from '../engine/reduced/tinyNetwork.fixture.ts';
import type { Params } from '../network/params.ts';
import { realNetwork } from '../testing/reference.ts';
import { loadReferenceParams } from '../testing/referenceParams.ts';
import { builtinTarget } from './index.ts';
import { stability } from './stability.ts';
import type { TargetContext } from './types.ts';

const context = (tables: NetworkTables, params: Params): TargetContext => ({
  cellTypes: tables.cellTypes,
  inputTypes: tables.inputTypes,
  pairTargets: Int32Array.from(tables.pairs, (p) => p.target),
  params,
  initialParams: params,
  tables,
});

type Key = 'bias' | 'tauS' | 'strength';

/** Largest relative error of dParams against central differences of the target value (float32 steps as stored). */
function worstError(
  tables: NetworkTables,
  params: Params,
  options: ReturnType<typeof stability.schema.parse>,
  entries: [Key, number][],
): number {
  const grad = stability.evaluate(undefined, options, context(tables, params)).dParams!;
  const value = (p: Params) => stability.evaluate(undefined, options, context(tables, p)).value;
  let worst = 0;
  for (const [key, i] of entries) {
    const h = key === 'bias' ? 3e-5 : 1e-3 * Math.abs(params[key][i]);
    const [plus, minus] = [params[key].slice(), params[key].slice()];
    plus[i] += h;
    minus[i] -= h;
    const fd =
      (value({ ...params, [key]: plus }) - value({ ...params, [key]: minus })) / (plus[i] - minus[i]);
    worst = Math.max(worst, Math.abs(grad[key]![i] - fd) / (Math.abs(fd) + 1e-6));
  }
  return worst;
}

describe('stability target', () => {
  it('is registered, rejects option typos by name and asks for the network tables', () => {
    expect(builtinTarget('stability')).toBe(stability);
    expect(() => stability.schema.parse({ margn: 0.1 })).toThrow(/margn/);
    expect(() => stability.schema.parse({ margin: 1.5 })).toThrow();
    const { tables, params } = tinyNetwork(4, 4);
    const { tables: _, ...withoutTables } = context(tables, params);
    expect(() => stability.evaluate(undefined, stability.schema.parse({}), withoutTables)).toThrow(
      'Error in stability: expected the network tables in the target context (context.tables), got none',
    );
  });

  it('is 0 and in band for a network that contracts by more than the margin, with mode shares summing to 1', () => {
    const { tables, params } = tinyNetwork(4, 4);
    const result = stability.evaluate(undefined, stability.schema.parse({}), context(tables, params));
    expect(result.summary!.spectralRadius).toBeLessThan(0.95);
    expect(result.value).toBe(0);
    expect(Array.from(result.inBand!)).toEqual(tables.cellTypes.map(() => 1));
    expect(result.perType.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(result.dParams!.strength!.every((g) => g === 0)).toBe(true);
  });

  it('has dParams matching finite differences of the whole target on a tiny network (every parameter, rel. 1e-4)', () => {
    // Margin 0.5 makes ρ ≈ 0.81 a violation; a 0.3 a.u. gain half-width gives the biases a path.
    const { tables, params } = tinyNetwork(4, 4);
    const options = stability.schema.parse({ margin: 0.5, gainHalfWidth: 0.3 });
    const result = stability.evaluate(undefined, options, context(tables, params));
    expect(result.value).toBeGreaterThan(0.1);
    expect(Array.from(result.inBand!)).toEqual(tables.cellTypes.map(() => 0));
    const entries: [Key, number][] = [
      ...Array.from(params.bias.keys(), (i): [Key, number] => ['bias', i]),
      ...Array.from(params.tauS.keys(), (i): [Key, number] => ['tauS', i]),
      ...Array.from(params.strength.keys(), (i): [Key, number] => ['strength', i]),
    ];
    expect(worstError(tables, params, options, entries)).toBeLessThan(1e-4);
    const withModes = stability.schema.parse({ margin: 0.5, gainHalfWidth: 0.3, latticeModes: true });
    expect(worstError(tables, params, withModes, entries)).toBeLessThan(1e-4);
  });
});

describe('stability target on the flyvis networks (dt 1/50, margin 0.05)', () => {
  it('reads the default network as stable (ρ = 0.6810), relu_variant as just past the margin, strong_seed1 as unstable', async () => {
    const { tables } = await realNetwork();
    const options = stability.schema.parse({});
    const run = (name: 'default' | 'relu_variant' | 'strong_seed1') =>
      stability.evaluate(undefined, options, context(tables, loadReferenceParams(name)));
    const top = (perType: Float64Array) =>
      Array.from(perType.keys())
        .sort((a, b) => perType[b] - perType[a])
        .slice(0, 2)
        .map((t) => tables.cellTypes[t]);

    const base = run('default');
    expect(base.value).toBe(0);
    expect(base.summary!.spectralRadius).toBeCloseTo(0.681, 3);
    expect(base.summary!.operatingPoint).toBe('stable fixed point');
    expect(top(base.perType)).toEqual(['T4a', 'T5a']);

    // 132 of 380 units rest within 0.05 of 0: the smoothed gain gives 0.9524, the exact one 0.9553.
    const relu = run('relu_variant');
    expect(relu.summary!.uniformRadiusExact).toBeCloseTo(0.9553, 4);
    expect(relu.summary!.spectralRadius).toBeCloseTo(0.9524, 4);
    expect(relu.value).toBeCloseTo(((0.9524 - 0.95) / 0.05) ** 2, 3);

    const strong = run('strong_seed1');
    expect(strong.summary!.operatingPoint).toMatch(/^unstable fixed point/);
    expect(strong.summary!.uniformRadiusExact).toBeCloseTo(1.0322, 4);
    expect(strong.summary!.frequencyHz).toBeCloseTo(1.7, 1);
    expect(strong.value).toBeGreaterThan(2);
    expect(top(strong.perType)).toEqual(['TmY14', 'T5b']);
  });

  it('has dParams matching finite differences on relu_variant (2 biases, 2 τ, 2 strengths; rel. 1e-4)', async () => {
    const { tables } = await realNetwork();
    const params = loadReferenceParams('relu_variant');
    const options = stability.schema.parse({});
    const grad = stability.evaluate(undefined, options, context(tables, params)).dParams!;
    const largest = (key: Key) =>
      Array.from(grad[key]!.keys())
        .sort((a, b) => Math.abs(grad[key]![b]) - Math.abs(grad[key]![a]))
        .slice(0, 2)
        .map((i): [Key, number] => [key, i]);
    const entries = [...largest('bias'), ...largest('tauS'), ...largest('strength')];
    expect(worstError(tables, params, options, entries)).toBeLessThan(1e-4);
  });
});
