import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { paramGradients, type ParamGrads } from '../grads/paramGradients.ts';
import { impulseRowsVJP } from './impulseRowsVJP.ts';
import {
  computeSpectra,
  type NetworkSpectra,
  type NetworkSpectraOptions,
  type SpectraBlock,
} from './networkSpectra.ts';
import { spectraPlan, type SpectraPlan } from './networkSpectraPlan.ts';
import type { RowPowers } from './rowSpectra.ts';
import { rowSpectraVJP } from './rowSpectraVJP.ts';
import { sparseEulerMapVJP } from './sparseEulerMap.ts';
import type { ReducedStructure } from './structure.ts';

/** ∂L/∂gain and ∂L/∂noise per type and frequency, given the spectra. */
export type SpectraCotangent = (spectra: NetworkSpectra) => { gain: Float64Array[]; noise: Float64Array[] };

/**
 * The spectra and ∂L/∂parameters for L with the given cotangents, holding the rectification
 * pattern D fixed: the spectra depend on the state only through D, so ∂L/∂bias = 0 (where no unit
 * sits at 0). The impulse responses of the forward pass are kept for the adjoint pass (memory
 * ≈ 8 bytes × units × outputs × lags per real k-point, twice that per complex one).
 */
export function networkSpectraWithVJP(
  tables: Pick<NetworkTables, 'cellTypes' | 'pairs' | 'countGroups'>,
  structure: ReducedStructure,
  params: Params,
  state: ArrayLike<number>,
  options: NetworkSpectraOptions,
  cotangentOf: SpectraCotangent,
): { spectra: NetworkSpectra; grads: ParamGrads } {
  const p = spectraPlan(structure, params, options);
  const blocks: SpectraBlock[] = [];
  const spectra = computeSpectra(structure, state, p, options, (b) => blocks.push(b));
  const cotangent = cotangentOf(spectra);
  const n = structure.nUnits;
  const gradRate = new Float64Array(n);
  const gradGroup = new Float64Array(structure.groupPair.length);
  for (const block of blocks) {
    const back = rowSpectraVJP(block.rows, block.weights, p.nFft, powerCotangent(block, p, cotangent));
    // d = a²·2σ² ⇒ ∂d/∂a = 2d/a;  c = a ⇒ ∂c/∂a = 1
    back.incoherent.forEach((g, s) => {
      const d = block.weights.incoherent[s];
      for (let u = 0; u < n; u++) if (d[u] !== 0) gradRate[u] += (g[u] * 2 * d[u]) / p.rate[u];
    });
    back.coherent.forEach((g, c) => {
      for (let u = 0; u < n; u++) if (block.weights.coherent[c][u] !== 0) gradRate[u] += g[u];
    });
    const mapCotangent = impulseRowsVJP(block.map, block.rows, back.rows);
    sparseEulerMapVJP(structure, block.map, p.groupWeight, p.rate, mapCotangent, gradGroup, gradRate);
  }
  const grads = paramGradients(structure.unitType, tables, params, options.dt, {
    gradBias: new Float64Array(n),
    gradRate,
    gradGroup,
  });
  return { spectra, grads };
}

/** Cotangents of a block's full-circle powers: the adjoint of `accumulate` in networkSpectra.ts. */
function powerCotangent(
  block: SpectraBlock,
  p: SpectraPlan,
  cotangent: { gain: Float64Array[]; noise: Float64Array[] },
): RowPowers {
  const { nFft, nFreqs: m } = p;
  const nOut = block.to - block.from;
  const w = p.kPoints[block.kIndex].weight;
  const firstShared = block.hasSignal ? 1 : 0;
  const cot: RowPowers = {
    incoherent: block.weights.incoherent.map(() => new Float64Array(nOut * nFft)),
    coherent: block.weights.coherent.map(() => new Float64Array(nOut * nFft)),
  };
  for (let t = block.from; t < block.to; t++) {
    const o = (t - block.from) * nFft;
    for (let j = 0; j < m; j++) {
      const g = w * cotangent.noise[t][j];
      for (const bin of [o + j, o + ((nFft - j) % nFft)]) {
        cot.incoherent[0][bin] += g;
        cot.incoherent[1][bin] += g;
        for (let c = firstShared; c < cot.coherent.length; c++) cot.coherent[c][bin] += g * p.sharedScale;
      }
      if (block.hasSignal) cot.coherent[0][o + j] += cotangent.gain[t][j];
    }
  }
  return cot;
}
