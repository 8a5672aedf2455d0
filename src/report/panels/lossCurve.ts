import { check, vegaPanel } from '../panel.ts';
import { logDecades } from '../logTicks.ts';
import { SERIES_COLORS } from '../theme.ts';

export interface LossRow {
  iteration: number;
  /** Target or metric name, one line each. */
  metric: string;
  value: number;
}

export interface LossCurveData {
  rows: LossRow[];
  /** Axis title, e.g. 'loss'. */
  valueLabel: string;
}

const NAME = 'flyaux:loss-curve';

/** Metrics over iterations on a log axis; zero or negative values cannot be drawn there and are left out. */
export const lossCurvePanel = vegaPanel<LossCurveData>({
  name: NAME,
  title: 'Loss per target over iterations',
  spec: ({ rows, valueLabel }) => {
    const drawable = rows.filter((r) => r.value > 0 && Number.isFinite(r.value));
    check(
      drawable.length > 0,
      NAME,
      () => `expected positive finite values on the log axis, but none of ${rows.length} are`,
    );
    return {
      data: { values: drawable },
      width: 440,
      height: 260,
      mark: { type: 'line', strokeWidth: 1.5, clip: true },
      encoding: {
        x: { field: 'iteration', type: 'quantitative', title: 'iteration' },
        y: {
          field: 'value',
          type: 'quantitative',
          title: valueLabel,
          scale: { type: 'log' },
          axis: { values: logDecades(drawable.map((r) => r.value)), format: '~g' },
        },
        color: { field: 'metric', type: 'nominal', title: null, scale: { range: SERIES_COLORS } },
      },
    };
  },
});
