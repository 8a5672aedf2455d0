import { z } from 'zod';
import { bandedReadout } from './bandedReadout.ts';
import { bandsPerType, bandsSchema } from './bands.ts';
import { typeValues } from './naturalStats.ts';
import { Tape } from './tape.ts';
import { requireProtocol } from './traces.ts';
import type { Target } from './types.ts';

/**
 * Default band [0.2, 0.8]: a type should transmit (V > 0) for part of the time and stay below
 * threshold for part of it, so both increments and decrements of its input reach its targets;
 * a silent (< 0.2) or always-transmitting (> 0.8) type signals only one direction.
 */
const schema = z
  .object({
    weight: z.number().min(0).default(1),
    bands: bandsSchema([0.2, 0.8]).default({ default: [0.2, 0.8], perType: {} }),
    /** Temperature of the smooth step sigmoid(V/T) (a.u.). */
    temperature: z.number().positive().default(0.05),
  })
  .strict();

export const responsiveness: Target<z.infer<typeof schema>> = {
  name: 'responsiveness',
  description:
    'fraction of naturalistic-movie frames with V > 0 (transmitting) inside a band, as mean sigmoid(V/T)',
  protocol: 'naturalistic',
  readout: 'fraction of frames transmitting (V > 0, smooth)',
  schema,
  evaluate(input, options, { cellTypes }) {
    const data = requireProtocol(input, 'responsiveness', 'naturalistic');
    const bands = bandsPerType(options.bands, cellTypes, 'responsiveness');
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const fractions = cellTypes.map((_, t) =>
      tape.mean(
        typeValues(tape, data, first, t).map((id) => tape.sigmoid(tape.scale(id, 1 / options.temperature))),
      ),
    );
    return bandedReadout(tape, fractions, bands, first, data.central.length);
  },
};
