import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import type { ReducedStructure } from '../reduced/structure.ts';
import { divergence, reducedStepper } from '../reduced/simulate.ts';
import type { CentralLoss } from './latticeGrad.ts';
import { paramGradients, type ParamGrads } from './paramGradients.ts';

export interface ReducedGradInput {
  tables: Pick<NetworkTables, 'cellTypes' | 'pairs' | 'countGroups'>;
  structure: ReducedStructure;
  params: Params;
  /** nSamples × nFrames full-field luminance, sample-major. */
  luminance: Float32Array;
  nSamples: number;
  nFrames: number;
  dt: number;
  /** @default 1e4 */
  divergenceBound?: number;
}

export interface ReducedGradResult {
  value: number;
  central: Float32Array;
  grads: ParamGrads;
  /** dL/dluminance, nSamples × nFrames. */
  luminance: Float32Array;
}

/**
 * Forward run of the reduced engine from the bias state (the same float32 Euler arithmetic as
 * simulateReduced), the loss on the central traces, and backpropagation through time; every
 * state is stored (the reduced system is small). The bias gradient includes V₀ = b.
 */
export function reducedValueAndGrad(input: ReducedGradInput, loss: CentralLoss): ReducedGradResult {
  const { structure: s, params, luminance, nSamples: B, nFrames: T, dt } = input;
  const bound = input.divergenceBound ?? 1e4;
  const n = s.nUnits;
  const nTypes = s.cellTypes.length;
  if (luminance.length !== B * T) {
    throw new Error(
      `Error in reducedValueAndGrad: luminance must have ${B * T} values, got ${luminance.length}`,
    );
  }
  const { weight, bias, rate, isInput, step } = reducedStepper(s, params, dt, bound);
  const { rowStart, entrySource } = s;
  const nEntries = entrySource.length;

  const states = new Float32Array(B * (T + 1) * n);
  const central = new Float32Array(B * T * nTypes);
  for (let b = 0; b < B; b++) {
    const base = b * (T + 1) * n;
    states.set(bias, base);
    for (let k = 0; k < T; k++) {
      const next = states.subarray(base + (k + 1) * n, base + (k + 2) * n);
      if (!step(states.subarray(base + k * n, base + (k + 1) * n), next, luminance[b * T + k])) {
        throw divergence(s, next, bound, k, dt);
      }
      for (let t = 0; t < nTypes; t++) central[(b * T + k) * nTypes + t] = next[s.centralUnit[t]];
    }
  }

  const { value, grad: dCentral } = loss(central);
  const gradBias = new Float64Array(n);
  const gradRate = new Float64Array(n);
  const gradEntry = new Float64Array(nEntries);
  const gradLuminance = new Float32Array(B * T);
  const lambda = new Float64Array(n);
  const c = new Float64Array(n);
  const relu = new Float64Array(n);
  const back = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    const base = b * (T + 1) * n;
    lambda.fill(0);
    for (let k = T - 1; k >= 0; k--) {
      const cur = base + k * n;
      const nxt = cur + n;
      for (let t = 0; t < nTypes; t++) lambda[s.centralUnit[t]] += dCentral[(b * T + k) * nTypes + t];
      let gx = 0;
      for (let i = 0; i < n; i++) {
        const v = states[cur + i];
        relu[i] = v > 0 ? v : 0;
        c[i] = rate[i] * lambda[i];
        gradBias[i] += c[i];
        gradRate[i] += (lambda[i] * (states[nxt + i] - v)) / rate[i];
        if (isInput[i]) gx += c[i];
        back[i] = 0;
      }
      gradLuminance[b * T + k] = gx;
      for (let i = 0; i < n; i++) {
        for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
          gradEntry[e] += c[i] * relu[entrySource[e]];
          back[entrySource[e]] += weight[e] * c[i];
        }
      }
      for (let i = 0; i < n; i++) lambda[i] += states[cur + i] > 0 ? back[i] - c[i] : -c[i];
    }
    for (let i = 0; i < n; i++) gradBias[i] += lambda[i];
  }
  const gradGroup = new Float64Array(s.groupPair.length);
  for (let e = 0; e < nEntries; e++) {
    for (let k = s.termStart[e]; k < s.termStart[e + 1]; k++) gradGroup[s.termGroup[k]] += gradEntry[e];
  }
  const grads = paramGradients(s.unitType, input.tables, params, dt, { gradBias, gradRate, gradGroup });
  return { value, central, grads, luminance: gradLuminance };
}
