import { check, vegaPanel } from '../panel.ts';
import { COLORS } from '../theme.ts';

export interface BeforeAfterRow {
  type: string;
  before: number;
  after: number;
  /** Target band [lo, hi], shaded behind the dots when given. */
  band?: [number, number];
}

export interface BeforeAfterData {
  rows: BeforeAfterRow[];
  /** Axis title, e.g. 'grey steady state (a.u.)'. */
  valueLabel: string;
  /** Legend names of the two series. @default ['before', 'after'] */
  seriesLabels?: [string, string];
}

const NAME = 'flyaux:before-after';
const ROW_PX = 13;

/** A dot plot per cell type: value before (grey) and after (colour), joined by a line, band shaded. */
export const beforeAfterPanel = vegaPanel<BeforeAfterData>({
  name: NAME,
  title: 'Per-type values before and after',
  spec: ({ rows, valueLabel, seriesLabels = ['before', 'after'] }) => {
    check(rows.length > 0, NAME, () => 'expected at least one row, but got none');
    for (const r of rows) {
      check(
        !r.band || r.band[0] <= r.band[1],
        NAME,
        () => `band of ${r.type} must have lo ≤ hi, but got [${r.band}]`,
      );
    }
    const order = [...rows].sort((a, b) => b.after - a.after).map((r) => r.type);
    const [beforeLabel, afterLabel] = seriesLabels;
    const dots = rows.flatMap((r) => [
      { type: r.type, series: beforeLabel, value: r.before },
      { type: r.type, series: afterLabel, value: r.after },
    ]);
    const bands = rows.filter((r) => r.band).map((r) => ({ type: r.type, lo: r.band![0], hi: r.band![1] }));
    const y = {
      field: 'type',
      type: 'nominal',
      sort: order,
      title: null,
      axis: { labelFontSize: 9, grid: true, zindex: 0 },
    } as const;
    return {
      width: 420,
      height: rows.length * ROW_PX,
      layer: [
        {
          data: { values: bands },
          mark: { type: 'rect', color: COLORS.band, height: ROW_PX - 2 },
          encoding: { y, x: { field: 'lo', type: 'quantitative', title: valueLabel }, x2: { field: 'hi' } },
        },
        {
          data: { values: rows },
          mark: { type: 'rule', color: COLORS.ink, strokeWidth: 0.7, opacity: 0.6 },
          encoding: { y, x: { field: 'before', type: 'quantitative' }, x2: { field: 'after' } },
        },
        {
          data: { values: dots },
          mark: { type: 'point', filled: true, size: 28, opacity: 1 },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative' },
            color: {
              field: 'series',
              type: 'nominal',
              title: null,
              scale: { domain: [beforeLabel, afterLabel], range: [COLORS.before, COLORS.after] },
            },
          },
        },
      ],
    };
  },
});
