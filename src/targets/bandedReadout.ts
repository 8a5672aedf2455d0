import { inBand, type Band } from './bands.ts';
import type { Tape } from './tape.ts';
import type { TargetEval } from './types.ts';

/**
 * The common end of a band target: mean over types of hinge²(readout, band), with per-type
 * readouts, band membership and the gradient w.r.t. the traces (tape inputs first … first+n−1).
 */
export function bandedReadout(
  tape: Tape,
  readouts: number[],
  bands: Band[],
  first: number,
  n: number,
): TargetEval {
  const losses = readouts.map((id, t) => tape.hinge2(id, ...bands[t]));
  const value = tape.mean(losses);
  const perType = Float64Array.from(readouts, (id) => tape.val(id));
  return {
    value: tape.val(value),
    perType,
    bands,
    inBand: Uint8Array.from(perType, (v, t) => (inBand(v, bands[t]) ? 1 : 0)),
    perTypeLoss: Float64Array.from(losses, (id) => tape.val(id)),
    dCentral: Float32Array.from(tape.gradient(value, first, n)),
  };
}
