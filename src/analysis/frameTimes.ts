/**
 * The flyvis analysis time axis: time = frame·dt − tPre in float64, so t = 0 is stimulus onset.
 * Kept in float64 on purpose: flyvis's windows depend on its round-off (frame 199 of a dt 1/200
 * flash sits at −0.0050000000000000044 and falls outside −dt ≤ t).
 */
export function frameTimes(nFrames: number, dt: number, tPre: number): Float64Array {
  const t = new Float64Array(nFrames);
  for (let f = 0; f < nFrames; f++) t[f] = f * dt - tPre;
  return t;
}
