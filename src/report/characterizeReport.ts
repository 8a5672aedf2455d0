import { heldOutChecks, type Characterization, type HeldOutChecks } from '../analysis/characterize/index.ts';
import { SUMMARY_COLUMNS, type SummaryRow, type SummaryValue } from '../analysis/summaryTable.ts';
import { edgeSection, flashSection, greySection, otherSections } from './characterizeSections.ts';
import { figure, type ReportInput, type ReportMeta, type ReportSection } from './html.ts';
import { tablePanel } from './panels/index.ts';

/** Three decimals, or three significant digits for small values (an untrained network's DSIs are ~1e-5). */
const fixed = (x: number) =>
  !Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(3) : x.toExponential(2);

/** The held-out checks in one paragraph each (DESIGN: evidence that no target was trained on). */
export function heldOutText(h: HeldOutChecks): string {
  const lines: string[] = [];
  if (h.friPolarityCorrelation !== undefined && h.polaritySignAgreement) {
    const { agree, total, mismatched } = h.polaritySignAgreement;
    lines.push(
      `FRI–polarity correlation over the ${total} types of known polarity: ${fixed(h.friPolarityCorrelation)} (flyvis task-trained ensemble median ≈ 0.8); ` +
        `FRI sign agrees for ${agree} of ${total}${mismatched.length ? ` (not: ${mismatched.join(', ')})` : ''}.`,
    );
  }
  if (h.dsiContrast && h.dsiCorrelationToKnown !== undefined) {
    lines.push(
      `Mean DSI of T4/T5 ${fixed(h.dsiContrast.t4t5)} vs ${fixed(h.dsiContrast.others)} for the known non-selective types; ` +
        `DSI correlation to known ${fixed(h.dsiCorrelationToKnown)}.`,
    );
  }
  if (h.pdErrorDeg) {
    const errors = Object.entries(h.pdErrorDeg).map(([t, d]) => `${t} ${d.toFixed(0)}°`);
    lines.push(`Preferred-direction error (T4 ON, T5 OFF edges): ${errors.join(', ')}.`);
  }
  if (h.greySpread) {
    const s = h.greySpread;
    lines.push(
      `Grey steady states span ${fixed(s.min)} … ${fixed(s.max)} (std ${fixed(s.std)}) across types.`,
    );
  }
  return lines.join('\n\n');
}

/** Short headers for the summary table (the CSV keeps the full column names). */
const SHORT_LABELS: Partial<Record<(typeof SUMMARY_COLUMNS)[number], string>> = {
  cell_type: 'type',
  grey_steady_state: 'grey',
  grey_fixed_point: 'fixed pt',
  grey_drift_per_s: 'drift /s',
  grey_settle_s: 'settle s',
  fri: 'FRI',
  dsi_on: 'DSI ON',
  dsi_off: 'DSI OFF',
  pd_on_deg: 'PD ON °',
  pd_off_deg: 'PD OFF °',
  time_to_peak_s: 'peak s',
  transience: 'trans.',
  natural_mean: 'mean',
  natural_std: 'std',
  natural_active_fraction: 'active',
  info_rate_bits_per_s: 'bit/s',
};

/** Preferred directions to 0.1°, so that 359.96° shows as 0.0 rather than as 360. */
const displayRow = (row: SummaryRow) => {
  const pd = (v: SummaryValue | undefined) => (typeof v === 'number' ? (Math.round(v * 10) / 10) % 360 : v);
  return { ...row, pd_on_deg: pd(row.pd_on_deg), pd_off_deg: pd(row.pd_off_deg) };
};

function summarySection(c: Characterization): ReportSection {
  const present = SUMMARY_COLUMNS.filter((k) => c.rows.some((r) => r[k] !== undefined));
  const failures = Object.entries(c.failures).map(([p, why]) => `${p}: ${why}`);
  return {
    heading: 'Summary',
    text: [heldOutText(heldOutChecks(c)), ...failures.map((f) => `Failed — ${f}`)].join('\n\n'),
    panels: [
      figure(
        tablePanel,
        {
          columns: present.map((key) => ({ key, label: SHORT_LABELS[key] ?? key })),
          rows: c.rows.map(displayRow),
        },
        {
          title: 'Per-type summary (summary.csv)',
          caption:
            'Columns of summary.csv: ' +
            present.map((k) => `${SHORT_LABELS[k] ?? k} = ${k}`).join(', ') +
            '. Empty (–) where a protocol was not run or a value is undefined (e.g. a type that has not settled).',
        },
      ),
      figure(
        tablePanel,
        {
          columns: [
            { key: 'protocol', label: 'protocol' },
            { key: 'wallS', label: 'wall (s)', digits: 1 },
            { key: 'cpuS', label: 'CPU, all threads (s)', digits: 1 },
            { key: 'sampleSteps', label: 'lattice sample-steps' },
          ],
          rows: c.timings.map((t) => ({ ...t })),
        },
        { title: 'Run time per protocol' },
      ),
    ],
  };
}

/** The HTML report of one characterisation: sections for the protocols that ran. */
export function characterizeReport(
  c: Characterization,
  meta: ReportMeta,
  title = 'flyaux characterize',
): ReportInput {
  const sections = [summarySection(c)];
  if (c.grey) sections.push(greySection(c));
  if (c.flashes) sections.push(flashSection(c));
  if (c.edges) sections.push(edgeSection(c));
  sections.push(...otherSections(c));
  return { title, subtitle: 'Responses of every cell type’s central column', sections, meta };
}
