/** Frame arithmetic shared by the stimulus generators, with flyvis's rounding. */

/** Whole frames in `seconds` at time step `dt`, truncated like flyvis's int(t / dt). */
export function frameCount(seconds: number, dt: number): number {
  return Math.trunc(seconds / dt);
}

/**
 * Which of nSource frames to show at each of n output frames: trunc(linspace(0, nSource − 1, n)),
 * as flyvis's `resample`. Computed exactly in integers, i.e. floor(i·(nSource − 1)/(n − 1)); torch's
 * float32 linspace agrees for every default speed and dt except speed 25 at dt 1/50 on an AVX2 CPU,
 * where its vectorised path shows offset 11 instead of 12 at frame 9.
 */
export function resampleIndices(nSource: number, n: number): Int32Array {
  if (!Number.isInteger(nSource) || nSource < 1 || !Number.isInteger(n) || n < 0) {
    throw new Error(
      `Error in resampleIndices: expected integers nSource ≥ 1 and n ≥ 0, got ${nSource} and ${n}`,
    );
  }
  const indices = new Int32Array(n);
  if (n === 1) return indices;
  for (let i = 0; i < n; i++) indices[i] = Math.floor((i * (nSource - 1)) / (n - 1));
  return indices;
}
