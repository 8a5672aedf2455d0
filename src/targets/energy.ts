import { z } from 'zod';
import { typeValues } from './naturalStats.ts';
import { Tape } from './tape.ts';
import { requireProtocol } from './traces.ts';
import type { Target } from './types.ts';

const schema = z
  .object({
    weight: z.number().min(0).default(0.1),
  })
  .strict();

export const energy: Target<z.infer<typeof schema>> = {
  name: 'energy',
  description: 'metabolic cost: mean transmitter release relu(V) over types and frames',
  protocol: 'naturalistic',
  readout: 'mean relu(V) (a.u.)',
  schema,
  evaluate(input, _options, { cellTypes }) {
    const data = requireProtocol(input, 'energy', 'naturalistic');
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const perTypeIds = cellTypes.map((_, t) =>
      tape.mean(typeValues(tape, data, first, t).map((id) => tape.relu(id))),
    );
    const value = tape.mean(perTypeIds);
    const perType = Float64Array.from(perTypeIds, (id) => tape.val(id));
    return {
      value: tape.val(value),
      perType,
      perTypeLoss: perType.map((v) => v / cellTypes.length),
      dCentral: Float32Array.from(tape.gradient(value, first, data.central.length)),
    };
  },
};
