import { describe, expect, it } from 'vitest';
import { findFixedPoint, fixedPointSystem } from './findFixedPoint.ts';
import { impulseRows, NoDecayError } from './impulseRows.ts';
import { eulerMapMatrix, unitRates, type Wavevector } from './linearize.ts';
import { networkSpectra, type NetworkSpectraOptions } from './networkSpectra.ts';
import { buildReducedStructure } from './structure.ts';
import { tinyNetwork } from './tinyNetwork.fixture.ts';
import { discreteTransfer } from './transfer.ts';
import { groupWeightsF32 } from './weights.ts';

// Class period (2, 3); some units sit below 0, so D matters.
const { tables, params } = tinyNetwork(5);
const structure = buildReducedStructure(tables);
const bias = Float64Array.from(structure.unitType, (t) => params.bias[t]);
const state = findFixedPoint(fixedPointSystem(structure, params, 0.5), bias).state;
const dt = 0.01;

/** The same spectra by dense solves (Hessenberg, per frequency) of every k-point's Bloch matrix. */
function denseSpectra(options: NetworkSpectraOptions & { nFreqs: number; kGrid: [number, number] }) {
  const n = structure.nUnits;
  const rate = unitRates(structure, params, dt);
  const [nu, nv] = options.kGrid;
  const [pu, pv] = structure.classPeriod;
  const freqs = Array.from({ length: options.nFreqs }, (_, j) => j / (2 * (options.nFreqs - 1) * dt));
  const { inputStd, intrinsicStd } = options.noise;
  const isInput = (u: number) => structure.inputUnits.includes(u);
  const sources = Array.from({ length: n }, (_, u) =>
    Float64Array.from({ length: n }, (_, i) => (i === u ? rate[u] : 0)),
  );
  const level = Float64Array.from(
    { length: n },
    (_, u) => 2 * (intrinsicStd ** 2 + (isInput(u) ? inputStd ** 2 : 0)),
  );
  const nTypes = structure.centralUnit.length;
  const noise = Array.from({ length: nTypes }, () => new Float64Array(freqs.length));
  let gain: Float64Array[] = [];
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      const k: Wavevector = [(2 * Math.PI * i) / (pu * nu), (2 * Math.PI * j) / (pv * nv)];
      const a = eulerMapMatrix(structure, groupWeightsF32(structure, params), rate, state, k);
      const h = discreteTransfer(a, sources, structure.centralUnit, freqs, dt);
      const at = (u: number, t: number, f: number) => (u * nTypes + t) * freqs.length + f;
      for (let t = 0; t < nTypes; t++) {
        for (let f = 0; f < freqs.length; f++) {
          for (let u = 0; u < n; u++)
            noise[t][f] += (level[u] * (h.re[at(u, t, f)] ** 2 + h.im[at(u, t, f)] ** 2)) / (nu * nv);
        }
      }
      if (i === 0 && j === 0) {
        const b = Float64Array.from({ length: n }, (_, u) => (isInput(u) ? rate[u] : 0));
        const s = discreteTransfer(a, [b], structure.centralUnit, freqs, dt);
        gain = Array.from({ length: nTypes }, (_, t) =>
          Float64Array.from(
            freqs,
            (_, f) => s.re[t * freqs.length + f] ** 2 + s.im[t * freqs.length + f] ** 2,
          ),
        );
      }
    }
  }
  return { gain, noise };
}

const relativeError = (a: Float64Array[], b: Float64Array[]) => {
  const scale = Math.max(...b.flatMap((x) => [...x]));
  return Math.max(
    ...a.flatMap((x, t) => [...x].map((v, f) => Math.abs(v - b[t][f]) / (Math.abs(b[t][f]) + 1e-9 * scale))),
  );
};

describe('networkSpectra', () => {
  it('equals dense solves of every k-point’s Bloch matrix, real and complex points, ±k folded (relative error < 1e-8)', () => {
    expect(structure.classPeriod).toEqual([2, 3]);
    expect(state.some((v) => v <= 0)).toBe(true);
    const noise = { inputStd: 0.004, intrinsicStd: 0.001, inputMode: 'independent' as const };
    const options = { dt, nFreqs: 9, kGrid: [2, 3] as [number, number], noise, tol: 1e-13 };
    const fast = networkSpectra(structure, params, state, options);
    const dense = denseSpectra(options);
    expect(relativeError(fast.noise, dense.noise)).toBeLessThan(1e-8);
    expect(relativeError(fast.gain, dense.gain)).toBeLessThan(1e-8);
    expect(fast.freqs[8]).toBeCloseTo(50, 12);
  });

  it('splits the noise into input and intrinsic parts; shared input noise adds coherently within a column', () => {
    const noise = { inputStd: 0.004, intrinsicStd: 0, inputMode: 'independent' as const };
    const independent = networkSpectra(structure, params, state, { dt, nFreqs: 9, kGrid: [2, 3], noise });
    const shared = networkSpectra(structure, params, state, {
      dt,
      nFreqs: 9,
      kGrid: [2, 3],
      noise: { ...noise, inputMode: 'shared' },
    });
    const r = tables.cellTypes.indexOf('R');
    // R's central unit: one photoreceptor per column, so sharing changes nothing for R itself.
    shared.noise[r].forEach((v, f) => expect(v).toBeCloseTo(independent.noise[r][f], 15));
    expect(independent.intrinsicNoise.every((x) => x.every((v) => v === 0))).toBe(true);
  });

  it('rejects a frequency count that is not 2^p + 1 and noise levels that are all zero', () => {
    const noise = { inputStd: 0.004, intrinsicStd: 0.001, inputMode: 'independent' as const };
    expect(() => networkSpectra(structure, params, state, { dt, nFreqs: 100, noise })).toThrow(
      /nFreqs must be 2\^p \+ 1/,
    );
    expect(() =>
      networkSpectra(structure, params, state, { dt, noise: { ...noise, inputStd: 0, intrinsicStd: 0 } }),
    ).toThrow(/not both 0/);
  });
});

describe('impulseRows', () => {
  it('throws NoDecayError when the map does not contract', () => {
    const map = {
      n: 1,
      diag: Float64Array.of(1.001),
      target: new Int32Array(0),
      source: new Int32Array(0),
      re: new Float64Array(0),
      im: new Float64Array(0),
      entry: new Int32Array(0),
      k: [0, 0] as Wavevector,
      real: true,
    };
    expect(() => impulseRows(map, [0], { maxLags: 100 })).toThrow(NoDecayError);
  });
});
