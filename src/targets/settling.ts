import { z } from 'zod';
import { Tape } from './tape.ts';
import { requireProtocol, traceIndex } from './traces.ts';
import type { Target } from './types.ts';

const schema = z
  .object({
    weight: z.number().min(0).default(1),
    /** Seconds at the end of the grey run over which the drift is measured. */
    windowS: z.number().positive().default(1),
    /** RMS drift (a.u./s) below which a type counts as settled. */
    tolerance: z.number().positive().default(0.01),
  })
  .strict();

export const settling: Target<z.infer<typeof schema>> = {
  name: 'settling',
  description: 'grey-screen steady state actually reached: mean (dV/dt)² over the last part of a grey period',
  protocol: 'grey',
  readout: 'RMS dV/dt over the window (a.u./s)',
  schema,
  evaluate(input, options, { cellTypes }) {
    const data = requireProtocol(input, 'settling', 'grey');
    const window = Math.min(data.nFrames - 1, Math.max(1, Math.round(options.windowS / data.dt)));
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const at = traceIndex(data, first);
    const losses = cellTypes.map((_, t) => {
      const terms: number[] = [];
      for (let k = data.nFrames - window; k < data.nFrames; k++) {
        terms.push(tape.square(tape.scale(tape.sub(at(0, k, t), at(0, k - 1, t)), 1 / data.dt)));
      }
      return tape.mean(terms);
    });
    const value = tape.mean(losses);
    const perType = Float64Array.from(losses, (id) => Math.sqrt(tape.val(id)));
    return {
      value: tape.val(value),
      perType,
      inBand: Uint8Array.from(perType, (v) => (v <= options.tolerance ? 1 : 0)),
      perTypeLoss: Float64Array.from(losses, (id) => tape.val(id)),
      dCentral: Float32Array.from(tape.gradient(value, first, data.central.length)),
    };
  },
};
