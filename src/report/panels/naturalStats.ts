import { check, vegaPanel } from '../panel.ts';
import { COLORS, SERIES_COLORS } from '../theme.ts';

export interface NaturalStatsRow {
  type: string;
  mean: number;
  std: number;
  /** Fraction of frames with V > 0, in [0, 1]. */
  activeFraction: number;
  /** Optional condition such as 'before' / 'after'; conditions sit side by side within a type's row. */
  condition?: string;
}

export interface NaturalStatsData {
  rows: NaturalStatsRow[];
  /** Axis title of mean ± std, e.g. 'voltage (a.u.)'. */
  valueLabel: string;
}

const NAME = 'flyaux:natural-stats';
const ROW_PX = 13;

/** Two aligned columns per cell type: mean ± std (point with error bar) and the active fraction (bar). */
export const naturalStatsPanel = vegaPanel<NaturalStatsData>({
  name: NAME,
  title: 'Responses to naturalistic movies per cell type',
  spec: ({ rows, valueLabel }) => {
    check(rows.length > 0, NAME, () => 'expected at least one row, but got none');
    for (const r of rows) {
      check(
        r.activeFraction >= 0 && r.activeFraction <= 1,
        NAME,
        () => `activeFraction of ${r.type} must be in [0, 1], but got ${r.activeFraction}`,
      );
    }
    const types = [...new Set(rows.map((r) => r.type))];
    const conditions = [...new Set(rows.map((r) => r.condition ?? ''))];
    const values = rows.map((r) => ({
      ...r,
      condition: r.condition ?? '',
      lo: r.mean - r.std,
      hi: r.mean + r.std,
    }));
    const y = {
      field: 'type',
      type: 'nominal',
      sort: types,
      title: null,
      axis: { labelFontSize: 9, grid: true, zindex: 0 },
    } as const;
    const split =
      conditions.length > 1
        ? ({
            yOffset: { field: 'condition', type: 'nominal', sort: conditions },
            color: {
              field: 'condition',
              type: 'nominal',
              title: null,
              sort: conditions,
              scale: { range: conditions.length === 2 ? [COLORS.before, COLORS.after] : SERIES_COLORS },
            },
          } as const)
        : {};
    const height = types.length * ROW_PX;
    return {
      data: { values },
      hconcat: [
        {
          width: 300,
          height,
          layer: [
            {
              data: { values: [{}] },
              mark: { type: 'rule', color: COLORS.ink, strokeWidth: 0.8 },
              encoding: { x: { datum: 0 } },
            },
            {
              mark: { type: 'rule', strokeWidth: 1.2, color: COLORS.off },
              encoding: {
                y,
                x: { field: 'lo', type: 'quantitative', title: `${valueLabel}: mean ± std` },
                x2: { field: 'hi' },
                ...split,
              },
            },
            {
              mark: { type: 'point', filled: true, size: 22, color: COLORS.off },
              encoding: { y, x: { field: 'mean', type: 'quantitative' }, ...split },
            },
          ],
        },
        {
          width: 160,
          height,
          mark: { type: 'bar', color: COLORS.off, opacity: 0.8 },
          encoding: {
            y: { ...y, axis: { grid: true, zindex: 0, labels: false, ticks: false, domain: false } },
            x: {
              field: 'activeFraction',
              type: 'quantitative',
              title: 'active fraction (V > 0)',
              scale: { domain: [0, 1] },
              axis: { values: [0, 0.5, 1] },
            },
            ...split,
          },
        },
      ],
      spacing: 6,
    };
  },
});
