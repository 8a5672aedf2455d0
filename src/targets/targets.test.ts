import { describe, expect, it } from 'vitest';
import { prng } from '../util/random.ts';
import { initParams } from '../network/params.ts';
import { buildTables } from '../connectome/tables.ts';
import { parseConnectome } from '../connectome/parse.ts';
import { syntheticConnectomeJson } from '../testing/syntheticConnectome.ts';
import { checkTargetGradient } from './gradcheck.ts';
import { TARGETS, builtinTarget } from './index.ts';
import type { ProtocolData, ProtocolName, TargetContext } from './types.ts';

const cellTypes = ['R1', 'R2', 'L1', 'L2', 'L3', 'Mi1', 'Tm3', 'Mi4', 'Mi9'];
const tables = buildTables(parseConnectome(syntheticConnectomeJson(), 'synthetic'), { extent: 2 });
const params = initParams(tables);
const context: TargetContext = {
  cellTypes,
  inputTypes: ['R1', 'R2'],
  pairTargets: Int32Array.from(tables.pairs, (p) => p.target % cellTypes.length),
  params,
  initialParams: params,
};

/** Smooth random traces with an onset step, so every target has something to measure. */
function traces(
  protocol: ProtocolName,
  nSamples: number,
  nFrames: number,
  onsetFrame: number,
  seed: number,
): ProtocolData {
  const rng = prng(seed);
  const nTypes = cellTypes.length;
  const central = new Float64Array(nSamples * nFrames * nTypes);
  for (let b = 0; b < nSamples; b++) {
    for (let t = 0; t < nTypes; t++) {
      let v = 0.3 * rng.normal();
      for (let f = 0; f < nFrames; f++) {
        const drive =
          f >= onsetFrame ? (b === 0 ? 1 : -1) * Math.exp(-(f - onsetFrame) / 8) * (t + 1) * 0.1 : 0;
        v = 0.8 * v + 0.2 * (0.3 * rng.normal() + drive);
        central[(b * nFrames + f) * nTypes + t] = v;
      }
    }
  }
  const samples = Array.from({ length: nSamples }, (_, b) => ({ intensity: b === 0 ? 1 : 0 }));
  return { protocol, central, nSamples, nFrames, nTypes, dt: 0.01, onsetFrame, samples };
}

const dataFor: Record<ProtocolName | 'params', ProtocolData | undefined> = {
  grey: traces('grey', 1, 120, 0, 1),
  flashes: traces('flashes', 2, 80, 30, 2),
  naturalistic: traces('naturalistic', 3, 60, 10, 3),
  params: undefined,
};

describe('built-in targets', () => {
  // scaleAlignment gets an explicit σ*: by default σ* is the photoreceptors' current std, held fixed.
  const explicitOptions: Record<string, object> = { scaleAlignment: { referenceStd: 0.2 } };
  for (const [name, target] of Object.entries(TARGETS)) {
    if (target.protocol === 'params') continue;
    it(`${name}: dCentral agrees with finite differences (relative error < 1e-4)`, () => {
      const options = target.schema.parse(explicitOptions[name] ?? {});
      const { maxRelativeError } = checkTargetGradient(target, dataFor[target.protocol]!, options, context, {
        count: 15,
        floor: 1e-4,
      });
      expect(maxRelativeError).toBeLessThan(1e-4);
    });
  }

  it('connectomePrior: the strength gradient agrees with finite differences and is zero at the start', () => {
    const target = builtinTarget('connectomePrior');
    const options = target.schema.parse({});
    const moved = { ...params, strength: params.strength.map((s, p) => s * (1 + 0.3 * Math.sin(p))) };
    const ctx = { ...context, params: moved };
    const grad = target.evaluate(undefined, options, ctx).dParams!.strength!;
    for (const p of [1, 2, 4]) {
      // Strengths are float32: difference by the values actually stored.
      const shifted = (d: number) => {
        const s = moved.strength.slice();
        s[p] += d;
        return {
          value: target.evaluate(undefined, options, { ...ctx, params: { ...moved, strength: s } }).value,
          s: s[p],
        };
      };
      const [hi, lo] = [shifted(1e-3 * moved.strength[p]), shifted(-1e-3 * moved.strength[p])];
      const fd = (hi.value - lo.value) / (hi.s - lo.s);
      expect(Math.abs(grad[p] - fd)).toBeLessThan(1e-3 * Math.abs(fd));
    }
    expect(target.evaluate(undefined, options, context).value).toBe(0);
  });

  it('operatingPoint is zero when every type rests inside its band and reports the resting values', () => {
    const target = builtinTarget('operatingPoint');
    const data = traces('grey', 1, 10, 0, 4);
    data.central.fill(0.2);
    const result = target.evaluate(data, target.schema.parse({}), context);
    expect(result.value).toBe(0);
    expect(Array.from(result.perType)).toEqual(cellTypes.map(() => 0.2));
    expect(Array.from(result.inBand!)).toEqual(cellTypes.map(() => 1));
  });

  it('rejects option typos and unknown cell types with the key named', () => {
    const target = builtinTarget('operatingPoint');
    expect(() => target.schema.parse({ wieght: 1 })).toThrow(/wieght/);
    const options = target.schema.parse({ bands: { perType: { T4x: [0, 1] } } });
    expect(() => target.evaluate(dataFor.grey, options, context)).toThrow(/unknown cell type 'T4x'/);
    expect(() => builtinTarget('dsi2')).toThrow("Unknown target 'dsi2'. Accepted: operatingPoint, settling");
  });

  it('responsiveness counts a type that is always above 0 as transmitting all the time', () => {
    const target = builtinTarget('responsiveness');
    const data = traces('naturalistic', 2, 20, 5, 5);
    data.central.fill(1);
    const result = target.evaluate(data, target.schema.parse({}), context);
    expect(result.perType[0]).toBeGreaterThan(0.99);
    expect(result.inBand![0]).toBe(0);
  });
});
