import { heldOutChecks, type Characterization, type HeldOutChecks } from '../analysis/characterize/index.ts';
import { MOTION_TUNING } from '../analysis/groundtruth.ts';
import { edgeTuningRows, flashTraces, maxDsi, naturalRows } from './characterizeData.ts';
import { figure, type ReportFigure, type ReportInput, type ReportMeta, type ReportSection } from './html.ts';
import {
  beforeAfterPanel,
  flashTracesPanel,
  naturalStatsPanel,
  polarTuningPanel,
  tablePanel,
} from './panels/index.ts';

/** One row per held-out metric, its value before and after (numbers, or 'agree/total' counts). */
export function heldOutRows(
  before: HeldOutChecks,
  after: HeldOutChecks,
): Record<string, string | number | undefined>[] {
  const count = (h: HeldOutChecks) =>
    h.polaritySignAgreement ? `${h.polaritySignAgreement.agree}/${h.polaritySignAgreement.total}` : undefined;
  const meanPdError = (h: HeldOutChecks) => {
    const v = Object.values(h.pdErrorDeg ?? {});
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
  };
  const metrics: [string, (h: HeldOutChecks) => string | number | undefined][] = [
    ['FRI–polarity correlation (32 known types)', (h) => h.friPolarityCorrelation],
    ['FRI sign agrees with known polarity', count],
    ['mean DSI of T4/T5', (h) => h.dsiContrast?.t4t5],
    ['mean DSI of known non-selective types', (h) => h.dsiContrast?.others],
    ['DSI correlation to known (18 types)', (h) => h.dsiCorrelationToKnown],
    ['mean T4/T5 preferred-direction error (°)', meanPdError],
    ['grey steady state: std across types', (h) => h.greySpread?.std],
    ['grey steady state: range across types', (h) => h.greySpread?.range],
  ];
  return metrics.map(([metric, f]) => ({ metric, before: f(before), after: f(after) }));
}

const perType = (
  before: Characterization,
  after: Characterization,
  pick: (c: Characterization) => ArrayLike<number>,
) => {
  const [b, a] = [pick(before), pick(after)];
  return before.cellTypes.map((type, t) => ({ type, before: b[t], after: a[t] }));
};

/**
 * A before/after report of two characterisations of the same cell types (the training demo: before
 * and after training): held-out checks, then per-type grey, FRI, DSI, flash traces, T4/T5 tuning and
 * naturalistic statistics for the protocols both ran.
 */
export function characterizeComparisonReport(
  before: Characterization,
  after: Characterization,
  meta: ReportMeta,
  labels: [string, string] = ['before', 'after'],
  title = 'flyaux characterize: before and after',
): ReportInput {
  if (before.cellTypes.join() !== after.cellTypes.join()) {
    throw new Error(
      `Error in characterizeComparisonReport: both characterisations must have the same cell types, got ${before.cellTypes.length} and ${after.cellTypes.length}`,
    );
  }
  const [b, a] = labels;
  const seriesLabels = labels;
  const sections: ReportSection[] = [
    {
      heading: 'Held-out checks',
      text: 'Scores against literature facts that no training target uses (DESIGN "Evaluation that is not a target").',
      panels: [
        figure(tablePanel, {
          columns: [
            { key: 'metric', label: 'metric' },
            { key: 'before', label: b, digits: 3 },
            { key: 'after', label: a, digits: 3 },
          ],
          rows: heldOutRows(heldOutChecks(before), heldOutChecks(after)),
        }),
      ],
    },
  ];
  const both = (key: keyof Characterization) => before[key] !== undefined && after[key] !== undefined;
  const panels: ReportFigure[] = [];
  if (both('grey')) {
    const rows = perType(before, after, (c) => c.grey!.stats.steadyState);
    panels.push(
      figure(
        beforeAfterPanel,
        { rows, valueLabel: 'grey steady state (a.u.)', seriesLabels },
        { title: 'Grey steady state' },
      ),
    );
  }
  if (both('flashes')) {
    const rows = perType(before, after, (c) => c.flashes!.fri);
    panels.push(
      figure(
        beforeAfterPanel,
        { rows, valueLabel: 'FRI (radius 6)', seriesLabels },
        { title: 'Flash response index' },
      ),
    );
  }
  if (both('edges')) {
    panels.push(
      figure(
        beforeAfterPanel,
        { rows: perType(before, after, maxDsi), valueLabel: 'DSI (max of ON, OFF)', seriesLabels },
        { title: 'Direction selectivity' },
      ),
    );
  }
  if (both('inforate')) {
    const rows = perType(before, after, (c) => c.inforate!.bitsPerS).filter(
      (r) => Number.isFinite(r.before) && Number.isFinite(r.after),
    );
    if (rows.length) {
      const valueLabel = 'information rate (bit/s)';
      panels.push(
        figure(beforeAfterPanel, { rows, valueLabel, seriesLabels }, { title: 'Information rate' }),
      );
    }
  }
  if (panels.length) sections.push({ heading: 'Per-type values', panels });
  if (both('flashes')) {
    const first = flashTraces(before, b);
    const traces = [...first.traces, ...flashTraces(after, a).traces];
    sections.push({
      heading: 'Flash responses',
      text: `Full-field ON and OFF flashes from 0 to 1 s; solid: ${b}, dashed: ${a}.`,
      panels: [
        figure(flashTracesPanel, { timeS: first.timeS, traces, valueLabel: 'voltage (a.u.)', onsetS: 0 }),
      ],
    });
  }
  if (both('edges')) {
    const types = MOTION_TUNING.slice().sort();
    sections.push({
      heading: 'T4/T5 direction tuning',
      panels: [
        figure(
          polarTuningPanel,
          { rows: edgeTuningRows(before, types) },
          { title: `Direction tuning of T4 and T5, ${b}` },
        ),
        figure(
          polarTuningPanel,
          { rows: edgeTuningRows(after, types) },
          { title: `Direction tuning of T4 and T5, ${a}` },
        ),
      ],
    });
  }
  if (both('naturalistic')) {
    sections.push({
      heading: 'Naturalistic movies',
      panels: [
        figure(naturalStatsPanel, {
          rows: [...naturalRows(before, b), ...naturalRows(after, a)],
          valueLabel: 'voltage (a.u.)',
        }),
      ],
    });
  }
  return { title, subtitle: `${b} vs ${a}`, sections, meta };
}
