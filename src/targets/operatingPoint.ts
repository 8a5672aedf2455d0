import { z } from 'zod';
import { bandedReadout } from './bandedReadout.ts';
import { bandsPerType, bandsSchema } from './bands.ts';
import { Tape } from './tape.ts';
import { requireProtocol, traceIndex } from './traces.ts';
import type { Target } from './types.ts';

/**
 * Default band [0.05, 0.5] a.u.: graded synapses transmit only V > 0, so a type resting just above
 * 0 can signal both increments and decrements; 0.5 is about the std of photoreceptor responses to
 * naturalistic movies, so the resting level stays on the scale of the signals (flyaux
 * characterisation; the untrained network rests at 0.17–1.27, the task-trained one at −9 to +100).
 */
const schema = z
  .object({
    weight: z.number().min(0).default(1),
    bands: bandsSchema([0.05, 0.5]).default({ default: [0.05, 0.5], perType: {} }),
  })
  .strict();

export const operatingPoint: Target<z.infer<typeof schema>> = {
  name: 'operatingPoint',
  description: 'grey-screen steady state of every type inside a band just above the rectification threshold',
  protocol: 'grey',
  readout: 'V at the end of grey (a.u.)',
  schema,
  evaluate(input, options, { cellTypes }) {
    const data = requireProtocol(input, 'operatingPoint', 'grey');
    const bands = bandsPerType(options.bands, cellTypes, 'operatingPoint');
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const at = traceIndex(data, first);
    const last = data.nFrames - 1;
    const readouts = cellTypes.map((_, t) => at(0, last, t));
    return bandedReadout(tape, readouts, bands, first, data.central.length);
  },
};
