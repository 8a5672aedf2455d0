/** Per-cell-type summary of `flyaux characterize`: one row per type, columns in this order. */
export const SUMMARY_COLUMNS = [
  'cell_type',
  'grey_steady_state',
  'grey_fixed_point',
  'grey_drift_per_s',
  'grey_settle_s',
  'fri',
  'dsi_on',
  'dsi_off',
  'pd_on_deg',
  'pd_off_deg',
  'time_to_peak_s',
  'transience',
  'natural_mean',
  'natural_std',
  'natural_active_fraction',
  'info_rate_bits_per_s',
] as const;

export type SummaryColumn = Exclude<(typeof SUMMARY_COLUMNS)[number], 'cell_type'>;
/** A number, or a short note where a number would mislead (e.g. grey_fixed_point: 'no stable fixed point'). */
export type SummaryValue = number | string;
/** Columns that were not run are absent. */
export type SummaryRow = { cell_type: string } & Partial<Record<SummaryColumn, SummaryValue>>;

/** Builds the rows from per-type columns (arrays in `cellTypes` order); columns not given stay empty. */
export function summaryRows(
  cellTypes: readonly string[],
  columns: Partial<Record<SummaryColumn, ArrayLike<SummaryValue>>>,
): SummaryRow[] {
  for (const [name, values] of Object.entries(columns)) {
    if (!SUMMARY_COLUMNS.includes(name as SummaryColumn)) {
      throw new Error(
        `Error in summaryRows: unknown column '${name}'. Accepted: ${SUMMARY_COLUMNS.slice(1).join(', ')}`,
      );
    }
    if (values!.length !== cellTypes.length) {
      throw new Error(
        `Error in summaryRows: column '${name}' has ${values!.length} values for ${cellTypes.length} cell types`,
      );
    }
  }
  return cellTypes.map((cell_type, i) => {
    const row: SummaryRow = { cell_type };
    for (const [name, values] of Object.entries(columns)) row[name as SummaryColumn] = values![i];
    return row;
  });
}

/** CSV with a header; empty cells where a column was not run, NaN as "NaN", numbers round-trip exact. */
export function formatSummaryCsv(rows: readonly SummaryRow[]): string {
  const cell = (v: SummaryValue | undefined): string => {
    if (v === undefined) return '';
    if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [SUMMARY_COLUMNS.join(',')];
  for (const row of rows) lines.push(SUMMARY_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

/** JSON: one object per row with every column; null where not run or not a finite number. */
export function formatSummaryJson(rows: readonly SummaryRow[]): string {
  const full = rows.map((row) =>
    Object.fromEntries(
      SUMMARY_COLUMNS.map((c) => {
        const v = row[c];
        return [c, v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v];
      }),
    ),
  );
  return JSON.stringify(full, null, 1) + '\n';
}
