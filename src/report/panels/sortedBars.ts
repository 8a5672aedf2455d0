import { check, vegaPanel } from '../panel.ts';
import { COLORS } from '../theme.ts';

export interface SortedBarsData {
  rows: { type: string; value: number }[];
  /** Axis title with unit, e.g. 'information rate (bit/s)'. */
  valueLabel: string;
}

const NAME = 'flyaux:sorted-bars';
const ROW_PX = 13;

/** One horizontal bar per cell type, largest value first (e.g. information rate). */
export const sortedBarsPanel = vegaPanel<SortedBarsData>({
  name: NAME,
  title: 'Per-type values, sorted',
  spec: ({ rows, valueLabel }) => {
    check(rows.length > 0, NAME, () => 'expected at least one row, but got none');
    const order = [...rows].sort((a, b) => b.value - a.value).map((r) => r.type);
    return {
      data: { values: rows },
      width: 420,
      height: rows.length * ROW_PX,
      mark: { type: 'bar', color: COLORS.after, height: ROW_PX - 3 },
      encoding: {
        y: { field: 'type', type: 'nominal', sort: order, title: null, axis: { labelFontSize: 9 } },
        x: { field: 'value', type: 'quantitative', title: valueLabel },
      },
    };
  },
});
