import { check, vegaPanel } from '../panel.ts';
import { COLORS } from '../theme.ts';

/** Known polarity of a cell type: +1 ON, −1 OFF, 0 unknown. */
export type Polarity = -1 | 0 | 1;

export interface GreySteadyStateRow {
  type: string;
  /** Central-cell voltage at the end of the grey period (a.u.). */
  value: number;
  polarity: Polarity;
  /** Optional second value for the same type, drawn as a tick (e.g. the fixed point, or the value before training). */
  second?: number;
}

export interface GreySteadyStateData {
  rows: GreySteadyStateRow[];
  /** Axis title, e.g. 'grey steady state (a.u.)'. */
  valueLabel: string;
  /** Legend entry of the ticks; needed when any row has `second`. */
  secondLabel?: string;
}

const NAME = 'flyaux:grey-steady-state';
const POLARITY_LABEL = { 1: 'ON', [-1]: 'OFF', 0: 'unknown polarity' } as const;
const ROW_PX = 13;

/** Horizontal bars, one per cell type, sorted by value and coloured by known ON/OFF polarity. */
export const greySteadyStatePanel = vegaPanel<GreySteadyStateData>({
  name: NAME,
  title: 'Grey-screen steady state per cell type',
  spec: ({ rows, valueLabel, secondLabel }) => {
    check(rows.length > 0, NAME, () => 'expected at least one row, but got none');
    for (const r of rows) {
      check(
        r.polarity in POLARITY_LABEL,
        NAME,
        () => `polarity of ${r.type} must be -1, 0 or 1, but got ${r.polarity}`,
      );
    }
    const hasSecond = rows.some((r) => r.second !== undefined);
    check(!hasSecond || !!secondLabel, NAME, () => 'rows have `second` values, so `secondLabel` is required');
    const order = [...rows].sort((a, b) => b.value - a.value).map((r) => r.type);
    const bars = rows.map((r) => ({ type: r.type, value: r.value, series: POLARITY_LABEL[r.polarity] }));
    const ticks = rows
      .filter((r) => r.second !== undefined)
      .map((r) => ({ type: r.type, value: r.second, series: secondLabel }));
    const domain = [
      POLARITY_LABEL[1],
      POLARITY_LABEL[-1],
      POLARITY_LABEL[0],
      ...(hasSecond ? [secondLabel!] : []),
    ];
    const range = [COLORS.on, COLORS.off, COLORS.unknown, ...(hasSecond ? [COLORS.ink] : [])];
    const y = {
      field: 'type',
      type: 'nominal',
      sort: order,
      title: null,
      axis: { labelFontSize: 9 },
    } as const;
    const color = {
      field: 'series',
      type: 'nominal',
      title: null,
      scale: { domain, range },
      legend: { symbolType: 'square' },
    } as const;
    const x = { field: 'value', type: 'quantitative', title: valueLabel } as const;
    return {
      width: 420,
      height: rows.length * ROW_PX,
      layer: [
        { data: { values: bars }, mark: { type: 'bar', height: ROW_PX - 3 }, encoding: { x, y, color } },
        ...(hasSecond
          ? [
              {
                data: { values: ticks },
                mark: { type: 'tick', thickness: 2, size: ROW_PX - 1 },
                encoding: { x, y, color },
              } as const,
            ]
          : []),
        {
          data: { values: [{}] },
          mark: { type: 'rule', color: COLORS.ink, strokeWidth: 0.8 },
          encoding: { x: { datum: 0 } },
        },
      ],
    };
  },
});
