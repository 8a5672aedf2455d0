/**
 * Thins a trace to at most `maxPoints` points for plotting, keeping each bucket's minimum and maximum in
 * time order, so peaks survive (plain striding would drop a 5 ms transient).
 */
export function decimateMinMax(
  time: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints: number,
): { time: number[]; values: number[] } {
  if (time.length !== values.length) {
    throw new Error(
      `Error in decimateMinMax: time has length ${time.length} but values has length ${values.length}`,
    );
  }
  if (!(maxPoints >= 2))
    throw new Error(`Error in decimateMinMax: maxPoints must be ≥ 2, but got ${maxPoints}`);
  const n = values.length;
  if (n <= maxPoints) return { time: Array.from(time), values: Array.from(values) };
  const buckets = Math.floor(maxPoints / 2);
  const out = { time: [] as number[], values: [] as number[] };
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
    }
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
      out.time.push(time[i]);
      out.values.push(values[i]);
    }
  }
  return out;
}
