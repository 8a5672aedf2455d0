import { z } from 'zod';
import { Tape } from './tape.ts';
import { tapeStd, typeValues } from './naturalStats.ts';
import { requireProtocol } from './traces.ts';
import type { Target } from './types.ts';

const schema = z
  .object({
    weight: z.number().min(0).default(1),
    /**
     * σ* (a.u.) for every type without its own entry in `sigma`. Default: the photoreceptors' std
     * on the same movies, held fixed within a step (a stop-gradient: the photoreceptors set the
     * scale, they are not pulled towards the others). `flyaux train` fixes it from the initial network.
     */
    referenceStd: z.number().positive().optional(),
    /** Per-type σ* overrides (a.u.). */
    sigma: z.record(z.string(), z.number().positive()).default({}),
    /** Readouts within this factor of σ* count as aligned. */
    tolerance: z.number().min(1).default(2),
  })
  .strict();

export const scaleAlignment: Target<z.infer<typeof schema>> = {
  name: 'scaleAlignment',
  description:
    "response std on naturalistic movies on the photoreceptors' scale: (log σ_t − log σ*)² per non-input type",
  protocol: 'naturalistic',
  readout: 'response std on naturalistic movies (a.u.)',
  schema,
  evaluate(input, options, { cellTypes, inputTypes }) {
    const data = requireProtocol(input, 'scaleAlignment', 'naturalistic');
    for (const name of Object.keys(options.sigma)) {
      if (!cellTypes.includes(name)) throw new Error(`scaleAlignment: unknown cell type '${name}' in sigma`);
    }
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const stds = cellTypes.map((_, t) => tapeStd(tape, typeValues(tape, data, first, t)));
    const isInput = cellTypes.map((name) => inputTypes.includes(name));
    const reference = options.referenceStd ?? photoreceptorStd(tape, stds, isInput);
    const sigmaStar = cellTypes.map((name) => options.sigma[name] ?? reference);
    const losses = cellTypes.map((_, t) =>
      isInput[t] ? tape.constant(0) : tape.square(tape.shift(tape.log(stds[t]), -Math.log(sigmaStar[t]))),
    );
    const value = tape.scale(tape.sum(losses), 1 / isInput.filter((x) => !x).length);
    const perType = Float64Array.from(stds, (id) => tape.val(id));
    return {
      value: tape.val(value),
      perType,
      inBand: Uint8Array.from(perType, (s, t) =>
        isInput[t] || (s <= sigmaStar[t] * options.tolerance && s >= sigmaStar[t] / options.tolerance)
          ? 1
          : 0,
      ),
      perTypeLoss: Float64Array.from(losses, (id) => tape.val(id)),
      dCentral: Float32Array.from(tape.gradient(value, first, data.central.length)),
    };
  },
};

/** Mean std of the input types, as a number (not differentiated). */
export function photoreceptorStd(tape: Tape, stds: number[], isInput: boolean[]): number {
  const values = stds.filter((_, t) => isInput[t]).map((id) => tape.val(id));
  return values.reduce((a, b) => a + b, 0) / values.length;
}
