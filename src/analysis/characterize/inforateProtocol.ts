import { informationRates } from '../inforate/informationRates.ts';
import type { InformationRateResult, ProtocolContext, ProtocolOutput } from './types.ts';

/**
 * Information rate per type (docs/information-rate.md): the linear estimator at the grey fixed point
 * for full-field white noise (std 0.15) at naturalDt with flyaux's default noise levels; NaN with a
 * note where the network has no stable fixed point. Fills `info_rate_bits_per_s`.
 */
export async function inforateProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<InformationRateResult>> {
  const r = informationRates(ctx.tables, ctx.params, { dt: ctx.options.naturalDt });
  return {
    result: { bitsPerS: r.bitsPerS, note: r.note, fMaxHz: r.fMaxHz },
    columns: { info_rate_bits_per_s: r.bitsPerS },
    examples: [],
    settings: {
      estimator: r.options.estimator,
      stimulus: `full-field white noise, mean 0.5, std ${r.options.contrast}`,
      dt: r.options.dt,
      noise: r.options.noise,
      f_max_hz: r.fMaxHz,
      note: r.note,
    },
  };
}
