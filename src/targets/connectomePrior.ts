import { z } from 'zod';
import type { Target } from './types.ts';

const schema = z
  .object({
    weight: z.number().min(0).default(0.01),
    /** ε in log(strength + ε), relative to the pair's initial strength. */
    epsilon: z.number().positive().default(1e-3),
  })
  .strict();

export const connectomePrior: Target<z.infer<typeof schema>> = {
  name: 'connectomePrior',
  description:
    'keeps the wiring meaningful: mean over pairs of (log(s + ε) − log(s₀ + ε))², ε relative to s₀',
  protocol: 'params',
  readout: 'mean |log strength change| of incoming pairs',
  schema,
  evaluate(_data, options, { params, initialParams, cellTypes, pairTargets }) {
    const n = params.strength.length;
    const grad = new Float64Array(n);
    let value = 0;
    const change = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const eps = options.epsilon * initialParams.strength[p] + 1e-12;
      const d = Math.log(params.strength[p] + eps) - Math.log(initialParams.strength[p] + eps);
      change[p] = d;
      value += (d * d) / n;
      grad[p] = (2 * d) / ((params.strength[p] + eps) * n);
    }
    const sum = new Float64Array(cellTypes.length);
    const count = new Float64Array(cellTypes.length);
    change.forEach((d, p) => {
      sum[pairTargets[p]] += Math.abs(d);
      count[pairTargets[p]] += 1;
    });
    return {
      value,
      perType: sum.map((s, t) => (count[t] > 0 ? s / count[t] : NaN)),
      dParams: { strength: grad },
    };
  },
};
