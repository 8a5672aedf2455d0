import {
  KNOWN_DSI_TYPES,
  KNOWN_PREFERRED_CONTRASTS,
  MOTION_TUNING,
  NO_MOTION_TUNING,
  OFF_MOTION_TUNING,
  ON_MOTION_TUNING,
  PREFERRED_DIRECTIONS_DEG,
} from './groundtruth.ts';
import { pearson } from './pearson.ts';

/*
 * Held-out checks (DESIGN "Evaluation that is not a target"): scores against literature facts that no
 * training target may use. Per-type inputs are arrays in `cellTypes` order; DSI and PD are nTypes × 2
 * ([type·2 + intensity], 0 = OFF edge, 1 = ON edge) as directionSelectivity returns them.
 */

function lookup(cellTypes: readonly string[], types: readonly string[], caller: string): number[] {
  return types.map((t) => {
    const i = cellTypes.indexOf(t);
    if (i < 0) throw new Error(`Error in ${caller}: cell type '${t}' is missing from cellTypes`);
    return i;
  });
}

const KNOWN_POLARITY_TYPES = Object.keys(KNOWN_PREFERRED_CONTRASTS);

/** flyvis's `fri_correlation_to_known`: Pearson correlation of FRI and polarity over the 32 known types. */
export function friPolarityCorrelation(fri: ArrayLike<number>, cellTypes: readonly string[]): number {
  const idx = lookup(cellTypes, KNOWN_POLARITY_TYPES, 'friPolarityCorrelation');
  return pearson(
    idx.map((i) => fri[i]),
    KNOWN_POLARITY_TYPES.map((t) => KNOWN_PREFERRED_CONTRASTS[t]),
  );
}

/** How many of the 32 known types have an FRI of the known sign (an FRI of exactly 0 counts as wrong). */
export function polaritySignAgreement(
  fri: ArrayLike<number>,
  cellTypes: readonly string[],
): { agree: number; total: number; mismatched: string[] } {
  const idx = lookup(cellTypes, KNOWN_POLARITY_TYPES, 'polaritySignAgreement');
  const mismatched = KNOWN_POLARITY_TYPES.filter(
    (t, k) => Math.sign(fri[idx[k]]) !== KNOWN_PREFERRED_CONTRASTS[t],
  );
  return {
    agree: KNOWN_POLARITY_TYPES.length - mismatched.length,
    total: KNOWN_POLARITY_TYPES.length,
    mismatched,
  };
}

const maxOverIntensity = (dsi: ArrayLike<number>, i: number) => Math.max(dsi[2 * i], dsi[2 * i + 1]);

/** flyvis's `dsi_correlation_to_known`: DSI (max over ON/OFF) of the 18 known types vs "is T4/T5". */
export function dsiCorrelationToKnown(dsi: ArrayLike<number>, cellTypes: readonly string[]): number {
  const idx = lookup(cellTypes, KNOWN_DSI_TYPES, 'dsiCorrelationToKnown');
  return pearson(
    idx.map((i) => maxOverIntensity(dsi, i)),
    KNOWN_DSI_TYPES.map((t) => (MOTION_TUNING.includes(t) ? 1 : 0)),
  );
}

/** Mean DSI (max over ON/OFF) of T4/T5 and of the known non-direction-selective types. */
export function dsiContrast(
  dsi: ArrayLike<number>,
  cellTypes: readonly string[],
): { t4t5: number; others: number } {
  const meanOf = (types: string[]) =>
    lookup(cellTypes, types, 'dsiContrast').reduce((a, i) => a + maxOverIntensity(dsi, i), 0) / types.length;
  return { t4t5: meanOf(MOTION_TUNING), others: meanOf(NO_MOTION_TUNING) };
}

/** Angular distance in degrees, in [0, 180], of each T4 (ON) / T5 (OFF) PD from the known direction. */
export function pdErrorToKnown(
  pdDeg: ArrayLike<number>,
  cellTypes: readonly string[],
): Record<string, number> {
  const cases = [
    ...ON_MOTION_TUNING.map((t) => [t, 1] as const),
    ...OFF_MOTION_TUNING.map((t) => [t, 0] as const),
  ];
  const idx = lookup(
    cellTypes,
    cases.map(([t]) => t),
    'pdErrorToKnown',
  );
  return Object.fromEntries(
    cases.map(([type, intensity], k) => {
      const d = Math.abs(
        (((pdDeg[2 * idx[k] + intensity] - PREFERRED_DIRECTIONS_DEG[type]) % 360) + 360) % 360,
      );
      return [type, d > 180 ? 360 - d : d];
    }),
  );
}

/** Spread of the grey-screen steady state across cell types (DESIGN: biological types sit on comparable scales). */
export function greySpread(grey: ArrayLike<number>): {
  min: number;
  max: number;
  range: number;
  std: number;
} {
  const v = Array.from(grey);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  const [min, max] = [Math.min(...v), Math.max(...v)];
  return { min, max, range: max - min, std };
}
