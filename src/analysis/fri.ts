import { checkCentral, centralTrace } from './centralResponses.ts';
import { flashSample, type FlashSet } from './flashSet.ts';

/**
 * Flash response index per cell type (MODEL_SPEC §5.2), in [−1, 1], positive = ON-preferring:
 * window −dt ≤ t ≤ tStim (float64, so flyvis's round-off applies), m = minimum over the window and
 * both intensities, responses shifted by +|m| (also when m > 0, as flyvis), p = window maximum,
 * FRI = (p_on − p_off) / (p_on + p_off + 1e-16).
 */
export function flashResponseIndex(flashes: FlashSet, radius = 6): Float64Array {
  checkCentral(flashes, 'flashResponseIndex');
  const on = flashSample(flashes, 1, radius, 'flashResponseIndex');
  const off = flashSample(flashes, 0, radius, 'flashResponseIndex');
  const window: number[] = [];
  for (let f = 0; f < flashes.nFrames; f++) {
    const t = flashes.time[f];
    if (t >= -flashes.dt && t <= flashes.tStim) window.push(f);
  }
  const fri = new Float64Array(flashes.nTypes);
  for (let type = 0; type < flashes.nTypes; type++) {
    const onTrace = centralTrace(flashes, on, type);
    const offTrace = centralTrace(flashes, off, type);
    let m = Infinity;
    for (const f of window) m = Math.min(m, onTrace[f], offTrace[f]);
    let pOn = -Infinity;
    let pOff = -Infinity;
    for (const f of window) {
      pOn = Math.max(pOn, onTrace[f] + Math.abs(m));
      pOff = Math.max(pOff, offTrace[f] + Math.abs(m));
    }
    fri[type] = (pOn - pOff) / (pOn + pOff + 1e-16);
  }
  return fri;
}
