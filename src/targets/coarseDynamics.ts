import { z } from 'zod';
import { bandsPerType, bandsSchema, inBand } from './bands.ts';
import { Tape } from './tape.ts';
import { requireProtocol, traceIndex } from './traces.ts';
import type { Target } from './types.ts';

/**
 * Full-field flash kinetics per type (DESIGN definitions, smoothed): r(t) = V(t) − V(onset) over
 * the flash; the preferred flash (ON or OFF) weighs in by a softmax of the peak |r|. Time to peak
 * is a soft-argmax of |r| (temperature 2 % of the peak), transience 1 − |mean r over the last
 * 100 ms| / peak. Default bands: peak within 10–200 ms and transience ≥ 0.2 (some adaptation);
 * per-type overrides follow physiology that the held-out checks do not score: L1/L2 transient,
 * L3 sustained (Silies et al. 2013), Mi1/Tm3 fast, Mi4/Mi9 slower (Arenz et al. 2017).
 */
const schema = z
  .object({
    weight: z.number().min(0).default(1),
    timeToPeakS: bandsSchema([0.01, 0.2]).default({
      default: [0.01, 0.2],
      perType: { Mi1: [0.01, 0.06], Tm3: [0.01, 0.06], Mi4: [0.04, 0.3], Mi9: [0.04, 0.3] },
    }),
    transience: bandsSchema([0.2, 1]).default({
      default: [0.2, 1],
      perType: { L1: [0.5, 1], L2: [0.5, 1], L3: [0, 0.4] },
    }),
    /** Seconds at the end of the flash whose mean response measures the sustained part. */
    tailS: z.number().positive().default(0.1),
  })
  .strict();

export const coarseDynamics: Target<z.infer<typeof schema>> = {
  name: 'coarseDynamics',
  description: 'time to peak and transience of full-field flash responses inside per-type bands',
  protocol: 'flashes',
  readout: 'time to peak (s) of the preferred full-field flash',
  schema,
  evaluate(input, options, { cellTypes }) {
    const data = requireProtocol(input, 'coarseDynamics', 'flashes');
    const ttpBands = bandsPerType(options.timeToPeakS, cellTypes, 'coarseDynamics.timeToPeakS');
    const trBands = bandsPerType(options.transience, cellTypes, 'coarseDynamics.transience');
    const tape = new Tape();
    const first = tape.inputs(data.central);
    const at = traceIndex(data, first);
    const onset = data.onsetFrame;
    const nFlash = data.nFrames - onset;
    const nTail = Math.max(1, Math.round(options.tailS / data.dt));
    const times = Array.from({ length: nFlash }, (_, k) => (k + 1) * data.dt);
    const ttp = new Float64Array(cellTypes.length);
    const transience = new Float64Array(cellTypes.length);
    const losses = cellTypes.map((_, t) => {
      const perSample = Array.from({ length: data.nSamples }, (_, b) => {
        const r = times.map((_, k) => tape.sub(at(b, onset + k, t), at(b, onset - 1, t)));
        const mag = r.map((id) => tape.smoothAbs(id));
        const peakScale = Math.max(...mag.map((id) => tape.val(id))) + 1e-9;
        const peak = tape.softMax(mag, 0.02 * peakScale);
        const weights = tape.softmaxWeights(mag, 0.02 * peakScale);
        const timeToPeak = tape.sum(weights.map((w, k) => tape.scale(w, times[k])));
        const tail = tape.smoothAbs(tape.mean(r.slice(nFlash - nTail)));
        return { peak, timeToPeak, transience: tape.sub(tape.constant(1), tape.div(tail, peak)) };
      });
      const peaks = perSample.map((s) => s.peak);
      const scale = Math.max(...peaks.map((id) => tape.val(id))) + 1e-9;
      const prefer = tape.softmaxWeights(peaks, 0.05 * scale);
      const mix = (key: 'timeToPeak' | 'transience') =>
        tape.sum(perSample.map((s, b) => tape.mul(prefer[b], s[key])));
      const tp = mix('timeToPeak');
      const tr = mix('transience');
      ttp[t] = tape.val(tp);
      transience[t] = tape.val(tr);
      // Time to peak in units of 100 ms, so both terms are of order one.
      return tape.add(
        tape.hinge2(tape.scale(tp, 10), ttpBands[t][0] * 10, ttpBands[t][1] * 10),
        tape.hinge2(tr, ...trBands[t]),
      );
    });
    const value = tape.mean(losses);
    return {
      value: tape.val(value),
      perType: ttp,
      bands: ttpBands,
      inBand: Uint8Array.from(ttp, (v, t) =>
        inBand(v, ttpBands[t]) && inBand(transience[t], trBands[t]) ? 1 : 0,
      ),
      perTypeLoss: Float64Array.from(losses, (id) => tape.val(id)),
      dCentral: Float32Array.from(tape.gradient(value, first, data.central.length)),
    };
  },
};
