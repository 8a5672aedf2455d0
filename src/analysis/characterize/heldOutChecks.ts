import {
  dsiContrast,
  dsiCorrelationToKnown,
  friPolarityCorrelation,
  greySpread,
  pdErrorToKnown,
  polaritySignAgreement,
} from '../heldOut.ts';
import type { Characterization } from './types.ts';

/** The held-out checks of a characterisation (DESIGN "Evaluation that is not a target"); absent where not run. */
export interface HeldOutChecks {
  /** Pearson correlation of FRI (radius 6) and known polarity over the 32 known types (flyvis; ensemble median ≈ 0.8). */
  friPolarityCorrelation?: number;
  /** Known types whose FRI has the known sign. */
  polaritySignAgreement?: { agree: number; total: number; mismatched: string[] };
  /** flyvis's DSI correlation to known (18 types, "is T4/T5"). */
  dsiCorrelationToKnown?: number;
  /** Mean DSI (max over ON/OFF) of T4/T5 and of the known non-selective types. */
  dsiContrast?: { t4t5: number; others: number };
  /** Angular distance (deg) of each T4 (ON) and T5 (OFF) preferred direction from the known one. */
  pdErrorDeg?: Record<string, number>;
  /** Spread of the grey steady state across types. */
  greySpread?: { min: number; max: number; range: number; std: number };
}

export function heldOutChecks(c: Characterization): HeldOutChecks {
  const out: HeldOutChecks = {};
  if (c.flashes) {
    out.friPolarityCorrelation = friPolarityCorrelation(c.flashes.fri, c.cellTypes);
    out.polaritySignAgreement = polaritySignAgreement(c.flashes.fri, c.cellTypes);
  }
  if (c.edges) {
    out.dsiCorrelationToKnown = dsiCorrelationToKnown(c.edges.dsi, c.cellTypes);
    out.dsiContrast = dsiContrast(c.edges.dsi, c.cellTypes);
    out.pdErrorDeg = pdErrorToKnown(c.edges.pdDeg, c.cellTypes);
  }
  if (c.grey) out.greySpread = greySpread(c.grey.stats.steadyState);
  return out;
}
