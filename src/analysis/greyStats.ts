export interface GreyTrace {
  /** nFrames × nTypes central voltages under grey 0.5, frame-major. */
  data: Float32Array;
  nFrames: number;
  nTypes: number;
  /** Per frame: seconds since the grey screen started. */
  time: ArrayLike<number>;
}

export interface GreyStats {
  /** V at the last frame. */
  steadyState: Float64Array;
  /** |V(end) − V(end − window)| / window, per second. */
  driftPerS: Float64Array;
  /** First time after which |V(t) − V(end)| stays below the tolerance; NaN where not settled. */
  settleS: Float64Array;
}

/**
 * Grey-screen statistics per cell type (DESIGN "Grey screen"). Every trace "settles" onto its own last
 * value, so a settle time is reported only where |V − V(end)| stayed below the tolerance for the whole
 * drift window (default the last 1 s); otherwise the type is drifting and settleS is NaN.
 */
export function greyStats(grey: GreyTrace, tolerance = 1e-3, windowS = 1): GreyStats {
  const { nFrames, nTypes, time, data } = grey;
  if (nFrames * nTypes !== data.length || time.length !== nFrames) {
    throw new Error(
      `Error in greyStats: expected ${nFrames} × ${nTypes} values and ${nFrames} times, got ${data.length} values and ${time.length} times`,
    );
  }
  const last = nFrames - 1;
  const target = time[last] - windowS;
  let ref = 0;
  for (let f = 1; f < nFrames; f++) if (Math.abs(time[f] - target) < Math.abs(time[ref] - target)) ref = f;
  const halfStep = nFrames > 1 ? (time[last] - time[last - 1]) / 2 : 0;
  if (Math.abs(time[ref] - target) > halfStep + 1e-9) {
    throw new Error(
      `Error in greyStats: the trace must cover the ${windowS} s drift window, but spans ${time[last] - time[0]} s`,
    );
  }
  const span = time[last] - time[ref];
  const out: GreyStats = {
    steadyState: new Float64Array(nTypes),
    driftPerS: new Float64Array(nTypes),
    settleS: new Float64Array(nTypes),
  };
  for (let t = 0; t < nTypes; t++) {
    const end = data[last * nTypes + t];
    out.steadyState[t] = end;
    out.driftPerS[t] = Math.abs(end - data[ref * nTypes + t]) / span;
    let lastOutside = -1;
    for (let f = 0; f < nFrames; f++)
      if (!(Math.abs(data[f * nTypes + t] - end) < tolerance)) lastOutside = f;
    out.settleS[t] = lastOutside >= ref ? NaN : time[lastOutside + 1];
  }
  return out;
}
