import { centralTrace, checkCentral, type CentralResponses } from '../centralResponses.ts';

/**
 * Amplitude of each sample's response at its grating's temporal frequency (the F1 component),
 * nSamples × nTypes: (2/N)·|Σ r(t)·e^{−2πi·f·t}| over the N frames with 0 ≤ t < tStim (t = frame
 * time from onset), r with its mean over those frames removed. Whole cycles give the exact amplitude.
 */
export function gratingF1(
  r: CentralResponses,
  time: ArrayLike<number>,
  temporalFrequency: ArrayLike<number>,
  tStim: number,
): Float64Array {
  checkCentral(r, 'gratingF1');
  const dt = r.nFrames > 1 ? time[1] - time[0] : 1;
  const frames: number[] = [];
  for (let f = 0; f < r.nFrames; f++) if (time[f] > -dt / 2 && time[f] < tStim - dt / 2) frames.push(f);
  const out = new Float64Array(r.nSamples * r.nTypes);
  for (let s = 0; s < r.nSamples; s++) {
    const w = 2 * Math.PI * temporalFrequency[s];
    for (let t = 0; t < r.nTypes; t++) {
      const v = centralTrace(r, s, t);
      const mean = frames.reduce((a, f) => a + v[f], 0) / frames.length;
      let [re, im] = [0, 0];
      for (const f of frames) {
        re += (v[f] - mean) * Math.cos(w * time[f]);
        im -= (v[f] - mean) * Math.sin(w * time[f]);
      }
      out[s * r.nTypes + t] = (2 / frames.length) * Math.hypot(re, im);
    }
  }
  return out;
}

/**
 * Direction tuning of F1 amplitudes per type: DSI = |Σ_θ F1·e^{iθ}| / Σ_θ F1 per (period, frequency)
 * group, averaged over groups; PD = arg of the vector sum over all samples, in degrees [0, 360).
 */
export function gratingDirectionTuning(
  f1: ArrayLike<number>,
  nTypes: number,
  conditions: { angle: ArrayLike<number>; group: ArrayLike<string> },
): { dsi: Float64Array; pdDeg: Float64Array } {
  const nSamples = conditions.angle.length;
  const groups = [...new Set(Array.from(conditions.group))];
  const dsi = new Float64Array(nTypes);
  const pdDeg = new Float64Array(nTypes);
  for (let t = 0; t < nTypes; t++) {
    let [allRe, allIm] = [0, 0];
    for (const g of groups) {
      let [re, im, sum] = [0, 0, 0];
      for (let s = 0; s < nSamples; s++) {
        if (conditions.group[s] !== g) continue;
        const a = (conditions.angle[s] * Math.PI) / 180;
        const p = f1[s * nTypes + t];
        re += p * Math.cos(a);
        im += p * Math.sin(a);
        sum += p;
      }
      dsi[t] += (sum > 0 ? Math.hypot(re, im) / sum : 0) / groups.length;
      allRe += re;
      allIm += im;
    }
    const deg = (Math.atan2(allIm, allRe) * 180) / Math.PI;
    pdDeg[t] = deg < 0 && deg + 360 < 360 ? deg + 360 : Math.max(deg, 0);
  }
  return { dsi, pdDeg };
}
