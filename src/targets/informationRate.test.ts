import { describe, expect, it } from 'vitest';
import type { Params } from '../network/params.ts';
import { initParams } from '../network/params.ts';
import { realNetwork } from '../testing/reference.ts';
import { builtinTarget } from './index.ts';
import { informationRate, type InformationRateOptions } from './informationRate.ts';
import type { TargetContext } from './types.ts';

const { tables } = await realNetwork();
const params = initParams(tables);
const context = (p: Params): TargetContext => ({
  cellTypes: tables.cellTypes,
  inputTypes: tables.inputTypes,
  pairTargets: Int32Array.from(tables.pairs, (pair) => pair.target),
  params: p,
  initialParams: params,
  tables,
});
// Cheap settings for the many evaluations of a finite-difference check (the gradient's form does not depend on them).
const cheap = { dt: 0.02, nFreqs: 9, kGrid: [1, 1] };

/** Central differences by the float32 values actually stored, step 1e-3 relative (group weights round at 6e-8). */
function finiteDifference(
  options: InformationRateOptions,
  key: 'bias' | 'tauS' | 'strength',
  i: number,
): number {
  const at = (sign: number) => {
    const p: Params = { ...params, [key]: params[key].slice() };
    p[key][i] *= 1 + sign * 1e-3;
    return { value: informationRate.evaluate(undefined, options, context(p)).value, x: p[key][i] };
  };
  const [hi, lo] = [at(1), at(-1)];
  return (hi.value - lo.value) / (hi.x - lo.x);
}

const largest = (g: Float64Array, count: number) =>
  [...g.keys()].sort((a, b) => Math.abs(g[b]) - Math.abs(g[a])).slice(0, count);

describe('informationRate target', () => {
  it('is registered, reads the parameters and returns −mean_t R_t/f_max with the rates (bit/s) per type', () => {
    expect(builtinTarget('informationRate')).toBe(informationRate);
    const options = informationRate.schema.parse(cheap);
    const result = informationRate.evaluate(undefined, options, context(params));
    const fMax = 1 / (2 * options.dt);
    const mean = result.perType.reduce((a, r) => a + r / fMax, 0) / tables.cellTypes.length;
    expect(result.value).toBeCloseTo(-mean, 12);
    expect(result.perType[tables.cellTypes.indexOf('R1')]).toBeGreaterThan(
      result.perType[tables.cellTypes.indexOf('L1')],
    );
  });

  it('has dParams equal to central finite differences on the real network (τ and strengths, relative error < 1e-3); biases get none', () => {
    const options = informationRate.schema.parse(cheap);
    const { dParams } = informationRate.evaluate(undefined, options, context(params));
    expect(dParams!.bias!.every((g) => g === 0)).toBe(true);
    for (const t of largest(dParams!.tauS!, 3)) {
      const fd = finiteDifference(options, 'tauS', t);
      expect(Math.abs(dParams!.tauS![t] - fd)).toBeLessThan(1e-3 * Math.abs(fd));
    }
    for (const p of largest(dParams!.strength!, 3)) {
      const fd = finiteDifference(options, 'strength', p);
      expect(Math.abs(dParams!.strength![p] - fd)).toBeLessThan(1e-3 * Math.abs(fd));
    }
  });

  it('per energy, also moves the fixed point: bias and strength gradients agree with finite differences (< 1e-3)', () => {
    const options = informationRate.schema.parse({
      ...cheap,
      perEnergy: true,
      typeWeights: { R1: 0, L1: 2 },
    });
    const { dParams } = informationRate.evaluate(undefined, options, context(params));
    for (const t of largest(dParams!.bias!, 2)) {
      const fd = finiteDifference(options, 'bias', t);
      expect(Math.abs(dParams!.bias![t] - fd)).toBeLessThan(1e-3 * Math.abs(fd));
    }
    for (const p of largest(dParams!.strength!, 2)) {
      const fd = finiteDifference(options, 'strength', p);
      expect(Math.abs(dParams!.strength![p] - fd)).toBeLessThan(1e-3 * Math.abs(fd));
    }
  });

  it('names unknown cell types, missing tables and option typos', () => {
    const options = informationRate.schema.parse({ ...cheap, typeWeights: { T4x: 1 } });
    expect(() => informationRate.evaluate(undefined, options, context(params))).toThrow(
      /unknown cell type 'T4x'/,
    );
    const noTables = { ...context(params), tables: undefined };
    expect(() => informationRate.evaluate(undefined, informationRate.schema.parse({}), noTables)).toThrow(
      /context.tables/,
    );
    expect(() => informationRate.schema.parse({ kgrid: [1, 1] })).toThrow(/kgrid/);
  });
});
