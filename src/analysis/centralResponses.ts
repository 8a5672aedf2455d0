import type { Labeled } from '../engine/labeled.ts';

/**
 * Central-column voltages, sample-major: `data[(s·nFrames + f)·nTypes + t]` — the layout of the
 * engine's `SimulateResult.central` and of the flyvis reference arrays (sample, frame, cell type).
 */
export interface CentralResponses {
  data: Float32Array;
  nSamples: number;
  nFrames: number;
  nTypes: number;
}

/** Checks that the sizes fill the data; `caller` names the function in the error. */
export function checkCentral(r: CentralResponses, caller: string): void {
  const { nSamples, nFrames, nTypes } = r;
  const size = nSamples * nFrames * nTypes;
  if (![nSamples, nFrames, nTypes].every((n) => Number.isInteger(n) && n >= 0) || size !== r.data.length) {
    throw new Error(
      `Error in ${caller}: responses must hold nSamples × nFrames × nTypes = ${nSamples} × ${nFrames} × ${nTypes} = ${size} values, but hold ${r.data.length}`,
    );
  }
}

/** One cell type's voltage trace in one sample, as float64. */
export function centralTrace(r: CentralResponses, sample: number, type: number): Float64Array {
  const out = new Float64Array(r.nFrames);
  const base = sample * r.nFrames * r.nTypes + type;
  for (let f = 0; f < r.nFrames; f++) out[f] = r.data[base + f * r.nTypes];
  return out;
}

/** The raw layout of a labelled array with dims [sample, time, cell_type]. */
export function centralFromLabeled(r: Labeled): CentralResponses {
  const expected = ['sample', 'time', 'cell_type'];
  if (r.dims.join() !== expected.join()) {
    throw new Error(
      `Error in centralFromLabeled: expected dims [${expected.join(', ')}], got [${r.dims.join(', ')}]`,
    );
  }
  const [nSamples, nFrames, nTypes] = r.shape;
  return { data: r.data, nSamples, nFrames, nTypes };
}
