import type { Tape } from './tape.ts';
import { stimulusFrames, traceIndex } from './traces.ts';
import type { ProtocolData } from './types.ts';

/** Tape ids of one type's trace values over all samples and the frames after the grey period. */
export function typeValues(tape: Tape, data: ProtocolData, first: number, type: number): number[] {
  const at = traceIndex(data, first);
  const frames = stimulusFrames(data);
  const ids: number[] = [];
  for (let b = 0; b < data.nSamples; b++) for (const f of frames) ids.push(at(b, f, type));
  return ids;
}

/** Standard deviation √(var + ε²) on the tape (smooth at zero variance). */
export function tapeStd(tape: Tape, ids: number[], eps = 1e-6): number {
  const mean = tape.mean(ids);
  const variance = tape.mean(ids.map((id) => tape.square(tape.sub(id, mean))));
  return tape.sqrt(tape.shift(variance, eps * eps));
}
