import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkTables } from '../../connectome/tables.ts';
import { cloneParams, FREE_PARAMS, type Params } from '../../network/params.ts';
import { realNetwork } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { prng } from '../../util/random.ts';
import { simulateReduced } from '../reduced/simulate.ts';
import { buildReducedStructure, type ReducedStructure } from '../reduced/structure.ts';
import type { CentralLoss } from './latticeGrad.ts';
import { reducedValueAndGrad, type ReducedGradInput } from './reducedGrad.ts';

/** Squared deviation of every trace value from a random target: nonlinear, every value matters. */
function squaredLoss(size: number, seed: number): CentralLoss {
  const rng = prng(seed);
  const target = Float32Array.from({ length: size }, () => rng.normal());
  return (central) => {
    let value = 0;
    const grad = new Float32Array(central.length);
    for (let i = 0; i < central.length; i++) {
      const d = central[i] - target[i];
      value += d * d;
      grad[i] = 2 * d;
    }
    return { value, grad };
  };
}

let tables: NetworkTables;
let structure: ReducedStructure;
let params: Params;
let input: Omit<ReducedGradInput, 'params'>;
beforeAll(async () => {
  tables = (await realNetwork()).tables;
  structure = buildReducedStructure(tables);
  params = loadReferenceParams('relu_variant');
  const rng = prng(8);
  params.tauS = Float32Array.from(params.tauS, () => 0.01 + 0.1 * rng.uniform());
  const nFrames = 40;
  const luminance = Float32Array.from({ length: 2 * nFrames }, () => rng.uniform());
  input = { tables, structure, luminance, nSamples: 2, nFrames, dt: 0.02 };
});

describe('reduced-engine backpropagation through time', () => {
  it('runs the same forward as simulateReduced', () => {
    const loss = squaredLoss(2 * 40 * 65, 1);
    const { central } = reducedValueAndGrad({ ...input, params }, loss);
    expect(central).toEqual(simulateReduced({ ...input, params }).central);
  });

  it('matches finite differences for every free parameter kind and the luminance (1% or 1e-3)', () => {
    const loss = squaredLoss(2 * 40 * 65, 2);
    const result = reducedValueAndGrad({ ...input, params }, loss);
    const value = (p: Params, luminance = input.luminance) =>
      loss(simulateReduced({ ...input, params: p, luminance }).central).value;
    const rng = prng(9);
    for (const name of FREE_PARAMS) {
      for (let k = 0; k < 8; k++) {
        const i = Math.floor(rng.uniform() * params[name].length);
        const eps = name === 'strength' ? 1e-2 * Math.max(params.strength[i], 1e-4) : 1e-3;
        const shifted = (d: number) => {
          const q = cloneParams(params);
          q[name][i] += d;
          return value(q);
        };
        const fd = (shifted(eps) - shifted(-eps)) / (2 * eps);
        const got = result.grads[name][i];
        expect(Math.abs(got - fd), `${name}[${i}] adjoint ${got} fd ${fd}`).toBeLessThan(
          0.01 * Math.abs(fd) + 1e-3,
        );
      }
    }
    for (const k of [3, 41, 70]) {
      const shifted = (d: number) => {
        const l = input.luminance.slice();
        l[k] += d;
        return value(params, l);
      };
      const fd = (shifted(1e-2) - shifted(-1e-2)) / 2e-2;
      expect(Math.abs(result.luminance[k] - fd)).toBeLessThan(0.01 * Math.abs(fd) + 1e-3);
    }
  });
});
