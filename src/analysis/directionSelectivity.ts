/** The stimulus conditions of each moving-edge sample (see EdgeSet). */
export interface EdgeConditions {
  angle: ArrayLike<number>;
  intensity: ArrayLike<number>;
  width: ArrayLike<number>;
  speed: ArrayLike<number>;
}

export interface DirectionTuning {
  /** nTypes × 2, index [type·2 + intensity]: DSI for OFF (0) and ON (1) edges, in [0, 1]. */
  dsi: Float64Array;
  /** nTypes × 2: preferred direction in degrees, [0, 360). */
  pdDeg: Float64Array;
}

/**
 * Direction selectivity index and preferred direction per cell type (MODEL_SPEC §5.3), from peak
 * responses (nSamples × nTypes, see edgePeakResponses). For each intensity I, width w and speed s:
 * DSI(I,w,s) = |Σ_θ peak·e^{iθ}| / (max over I' of Σ_θ peak(I') + 1e-15) — one normaliser shared by
 * ON and OFF — then averaged over (w, s). PD = arg Σ_{w,s,θ} peak·e^{iθ} (flyvis average=true).
 */
export function directionSelectivity(
  peaks: ArrayLike<number>,
  nTypes: number,
  conditions: EdgeConditions,
): DirectionTuning {
  const nSamples = conditions.angle.length;
  if (peaks.length !== nSamples * nTypes) {
    throw new Error(
      `Error in directionSelectivity: peaks must hold nSamples × nTypes = ${nSamples} × ${nTypes} values, got ${peaks.length}`,
    );
  }
  const groups = new Map<string, number[][]>(); // "width|speed" → sample lists per intensity
  for (let s = 0; s < nSamples; s++) {
    const intensity = conditions.intensity[s];
    if (intensity !== 0 && intensity !== 1) {
      throw new Error(
        `Error in directionSelectivity: intensity must be 0 or 1, got ${intensity} (sample ${s})`,
      );
    }
    const key = `${conditions.width[s]}|${conditions.speed[s]}`;
    if (!groups.has(key)) groups.set(key, [[], []]);
    groups.get(key)![intensity].push(s);
  }
  for (const [key, [off, on]] of groups) {
    if (off.length === 0 || on.length === 0) {
      throw new Error(
        `Error in directionSelectivity: width|speed ${key} needs both OFF and ON edges, got ${off.length} OFF and ${on.length} ON`,
      );
    }
  }
  const dsi = new Float64Array(nTypes * 2);
  const pdDeg = new Float64Array(nTypes * 2);
  const cos = Array.from(conditions.angle, (a) => Math.cos((a * Math.PI) / 180));
  const sin = Array.from(conditions.angle, (a) => Math.sin((a * Math.PI) / 180));
  for (let t = 0; t < nTypes; t++) {
    const total = [
      [0, 0],
      [0, 0],
    ];
    for (const samplesByIntensity of groups.values()) {
      const vectors = samplesByIntensity.map((samples) => {
        let [re, im, sum] = [0, 0, 0];
        for (const s of samples) {
          const p = peaks[s * nTypes + t];
          re += p * cos[s];
          im += p * sin[s];
          sum += p;
        }
        return { re, im, sum };
      });
      const norm = Math.max(vectors[0].sum, vectors[1].sum) + 1e-15;
      vectors.forEach((v, i) => {
        dsi[t * 2 + i] += Math.hypot(v.re, v.im) / norm / groups.size;
        total[i][0] += v.re;
        total[i][1] += v.im;
      });
    }
    for (let i = 0; i < 2; i++) {
      const deg = (Math.atan2(total[i][1], total[i][0]) * 180) / Math.PI;
      // A tiny negative angle + 360 can round to 360; keep the result in [0, 360).
      pdDeg[t * 2 + i] = deg < 0 && deg + 360 < 360 ? deg + 360 : Math.max(deg, 0);
    }
  }
  return { dsi, pdDeg };
}
