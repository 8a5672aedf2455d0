/** An example user target (docs/targets.md): every type's mean grey voltage near a level. */
import { z } from 'zod';
import type { Target } from '../src/targets/types.ts';

const schema = z.object({ weight: z.number().default(1), level: z.number().default(0.2) }).strict();

export const target: Target<z.infer<typeof schema>> = {
  name: 'greyLevel',
  description: 'mean grey voltage near a level',
  protocol: 'grey',
  readout: 'mean V at grey (a.u.)',
  schema,
  evaluate(data, { level }) {
    const { central, nFrames, nTypes } = data!;
    const perType = new Float64Array(nTypes);
    const dCentral = new Float32Array(central.length);
    let value = 0;
    for (let t = 0; t < nTypes; t++) {
      for (let f = 0; f < nFrames; f++) perType[t] += central[f * nTypes + t] / nFrames;
      value += (perType[t] - level) ** 2 / nTypes;
      for (let f = 0; f < nFrames; f++)
        dCentral[f * nTypes + t] = (2 * (perType[t] - level)) / (nTypes * nFrames);
    }
    return { value, perType, dCentral };
  },
};
