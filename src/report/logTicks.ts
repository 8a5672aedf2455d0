/**
 * Powers of ten spanning the positive values, for a log axis with one tick and grid line per decade
 * (vega's default log ticks draw a grid line at every 1…9 multiple, which buries the data).
 */
export function logDecades(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(lo <= hi))
    throw new Error('Error in logDecades: expected at least one positive finite value, but got none');
  const decades: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    decades.push(Number(`1e${e}`));
  return decades;
}
