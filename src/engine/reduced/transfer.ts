import type { Params } from '../../network/params.ts';
import { hessenberg, solveShiftedHessenberg, type ComplexMatrix } from './hessenberg.ts';
import { eulerMapMatrix, unitRates, type Wavevector } from './linearize.ts';
import type { ReducedStructure } from './structure.ts';
import { groupWeightsF32 } from './weights.ts';

/** Complex values as parallel arrays. */
export interface ComplexArray {
  re: Float64Array;
  im: Float64Array;
}

/**
 * Discrete-time transfer functions of x_{k+1} = A·x_k + B·u_k: H(f) = C·(e^{iωdt}·I − A)⁻¹·B with
 * ω = 2πf, for every input column of B and every readout state (the rows of C select states).
 * One Hessenberg reduction A = Q·H·Q*, then an O(n²) solve per frequency and input.
 * Result layout: input-major, then readout, then frequency.
 */
export function discreteTransfer(
  a: ComplexMatrix,
  inputs: ArrayLike<number>[],
  readout: ArrayLike<number>,
  freqsHz: ArrayLike<number>,
  dt: number,
): ComplexArray {
  const { n } = a;
  const { h, q } = hessenberg(a, true);
  const nOut = readout.length;
  const nF = freqsHz.length;
  const re = new Float64Array(inputs.length * nOut * nF);
  const im = new Float64Array(inputs.length * nOut * nF);
  inputs.forEach((b, input) => {
    if (b.length !== n)
      throw new Error(
        `Error in discreteTransfer: inputs[${input}] must have n = ${n} values, got ${b.length}`,
      );
    // Q*·b
    const br = new Float64Array(n);
    const bi = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        br[j] += q!.re[i * n + j] * b[i];
        bi[j] -= q!.im[i * n + j] * b[i];
      }
    }
    for (let f = 0; f < nF; f++) {
      const w = 2 * Math.PI * freqsHz[f] * dt;
      const [yr, yi] = solveShiftedHessenberg(h, Math.cos(w), Math.sin(w), br, bi);
      for (let o = 0; o < nOut; o++) {
        const row = readout[o];
        let sr = 0;
        let si = 0;
        for (let j = 0; j < n; j++) {
          sr += q!.re[row * n + j] * yr[j] - q!.im[row * n + j] * yi[j];
          si += q!.re[row * n + j] * yi[j] + q!.im[row * n + j] * yr[j];
        }
        re[(input * nOut + o) * nF + f] = sr;
        im[(input * nOut + o) * nF + f] = si;
      }
    }
  });
  return { re, im };
}

export interface ReducedTransferOptions {
  /** Spatial frequency of the input pattern (a plane wave e^{i k·x}; [0, 0] = full field). @default [0, 0] */
  k?: Wavevector;
}

/**
 * Transfer functions from the photoreceptor luminance to every type's central unit, linearised
 * around a reduced state V*: B = dt·T⁻¹ on the photoreceptor units (luminance enters their drive),
 * C reads each type's central unit. Result: nTypes × nFreq (type-major), a.u. per luminance unit.
 * H relates input frame k to the state before frame k is applied; flyvis's output frame k (the
 * state after input frame k) carries an extra factor e^{iωdt}.
 */
export function reducedTransfer(
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  dt: number,
  freqsHz: ArrayLike<number>,
  options: ReducedTransferOptions = {},
): ComplexArray {
  if (state.length !== structure.nUnits) {
    throw new Error(
      `Error in reducedTransfer: state must have nUnits = ${structure.nUnits} values, got ${state.length}`,
    );
  }
  const rate = unitRates(structure, params, dt);
  const a = eulerMapMatrix(structure, groupWeightsF32(structure, params), rate, state, options.k);
  const b = new Float64Array(structure.nUnits);
  for (const i of structure.inputUnits) b[i] = rate[i];
  return discreteTransfer(a, [b], structure.centralUnit, freqsHz, dt);
}
