import type { Panel } from '../panel.ts';
import { beforeAfterPanel } from './beforeAfter.ts';
import { flashTracesPanel } from './flashTraces.ts';
import { greySteadyStatePanel } from './greySteadyState.ts';
import { lossCurvePanel } from './lossCurve.ts';
import { naturalStatsPanel } from './naturalStats.ts';
import { polarTuningPanel } from './polarTuning.ts';
import { sortedBarsPanel } from './sortedBars.ts';
import { spectraPanel } from './spectra.ts';
import { stimulusFramesPanel } from './stimulusFrames.ts';
import { tablePanel } from './table.ts';

export * from './beforeAfter.ts';
export * from './flashTraces.ts';
export * from './greySteadyState.ts';
export * from './lossCurve.ts';
export * from './naturalStats.ts';
export * from './polarTuning.ts';
export * from './sortedBars.ts';
export * from './spectra.ts';
export * from './stimulusFrames.ts';
export * from './table.ts';

/** Every built-in panel, by name. */
export const PANELS: Record<string, Panel<unknown>> = Object.fromEntries(
  [
    greySteadyStatePanel,
    flashTracesPanel,
    polarTuningPanel,
    naturalStatsPanel,
    stimulusFramesPanel,
    beforeAfterPanel,
    lossCurvePanel,
    sortedBarsPanel,
    spectraPanel,
    tablePanel,
  ].map((p) => [p.name, p as Panel<unknown>]),
);

/** Looks a panel up by name; an unknown name lists the accepted ones. */
export function panelByName(name: string): Panel<unknown> {
  const panel = PANELS[name];
  if (!panel) throw new Error(`Unknown panel '${name}'. Accepted: ${Object.keys(PANELS).join(', ')}`);
  return panel;
}
