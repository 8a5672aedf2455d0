import { z } from 'zod';

export type Band = [number, number];

/** A default band and per-cell-type overrides, e.g. `{ default: [0.05, 0.5], perType: { L3: [0, 0.4] } }`. */
export const bandsSchema = (fallback: Band) =>
  z
    .object({
      default: z.tuple([z.number(), z.number()]).default(fallback),
      perType: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}),
    })
    .strict()
    .refine(
      (b) => [b.default, ...Object.values(b.perType)].every(([lo, hi]) => lo <= hi),
      'each band needs lo ≤ hi',
    );

export type Bands = { default: Band; perType: Record<string, Band> };

/** Band per cell type in type order; unknown type names are an error (a typo would silently do nothing). */
export function bandsPerType(bands: Bands, cellTypes: string[], where: string): Band[] {
  for (const name of Object.keys(bands.perType)) {
    if (!cellTypes.includes(name)) {
      throw new Error(
        `${where}: unknown cell type '${name}' in perType bands. Accepted: ${cellTypes.join(', ')}`,
      );
    }
  }
  return cellTypes.map((t) => bands.perType[t] ?? bands.default);
}

/** Squared distance outside [lo, hi] and its derivative. */
export function hingeSquared(x: number, [lo, hi]: Band): { value: number; slope: number } {
  if (x < lo) return { value: (lo - x) ** 2, slope: 2 * (x - lo) };
  if (x > hi) return { value: (x - hi) ** 2, slope: 2 * (x - hi) };
  return { value: 0, slope: 0 };
}

export const inBand = (x: number, [lo, hi]: Band) => x >= lo && x <= hi;
