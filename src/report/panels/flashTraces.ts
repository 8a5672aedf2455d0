import { decimateMinMax } from '../decimate.ts';
import { check, vegaPanel } from '../panel.ts';
import { COLORS } from '../theme.ts';

export interface FlashTrace {
  type: string;
  flash: 'ON' | 'OFF';
  /** Optional condition such as 'before' / 'after'; conditions are told apart by dash pattern. */
  condition?: string;
  /** Central-cell voltage, one value per entry of `timeS`. */
  values: ArrayLike<number>;
}

export interface FlashTracesData {
  timeS: ArrayLike<number>;
  traces: FlashTrace[];
  /** Axis title of the voltage, e.g. 'voltage (a.u.)'. */
  valueLabel: string;
  /** Flash onset, drawn as a vertical line. */
  onsetS?: number;
  /** Facets per row. @default 8 */
  columns?: number;
  /** Points kept per trace (min/max decimation). @default 160 */
  maxPointsPerTrace?: number;
}

const NAME = 'flyaux:flash-traces';

/** Small multiples: one facet per cell type (in the order first seen), ON and OFF flash in two colours. */
export const flashTracesPanel = vegaPanel<FlashTracesData>({
  name: NAME,
  title: 'Full-field flash responses per cell type',
  spec: ({ timeS, traces, valueLabel, onsetS, columns = 8, maxPointsPerTrace = 160 }) => {
    check(traces.length > 0, NAME, () => 'expected at least one trace, but got none');
    const records: { type: string; flash: string; condition: string; t: number; v: number }[] = [];
    for (const trace of traces) {
      check(
        trace.values.length === timeS.length,
        NAME,
        () =>
          `trace ${trace.type} ${trace.flash} has ${trace.values.length} values but timeS has ${timeS.length}`,
      );
      const thin = decimateMinMax(timeS, trace.values, maxPointsPerTrace);
      const condition = trace.condition ?? '';
      for (let i = 0; i < thin.time.length; i++) {
        records.push({ type: trace.type, flash: trace.flash, condition, t: thin.time[i], v: thin.values[i] });
      }
    }
    const types = [...new Set(traces.map((t) => t.type))];
    const conditions = [...new Set(traces.map((t) => t.condition ?? ''))];
    const dash =
      conditions.length > 1
        ? { strokeDash: { field: 'condition', type: 'nominal', title: null, sort: conditions } as const }
        : {};
    return {
      // Each facet has its own y scale; one title says what y is instead of 65 repeated axis titles.
      title: { text: `${valueLabel} (each panel its own y scale)`, anchor: 'start', fontSize: 11 },
      data: { values: records },
      columns,
      facet: {
        field: 'type',
        type: 'nominal',
        sort: types,
        title: null,
        header: { labelFontSize: 10, labelPadding: 2 },
      },
      spec: {
        width: 105,
        height: 62,
        layer: [
          ...(onsetS === undefined
            ? []
            : [
                {
                  // One row per facet, so the onset is one rule rather than one per trace point.
                  transform: [{ aggregate: [{ op: 'count' as const, as: 'n' }] }],
                  mark: { type: 'rule' as const, color: COLORS.guide, strokeWidth: 1 },
                  encoding: { x: { datum: onsetS } },
                },
              ]),
          {
            mark: { type: 'line', strokeWidth: 1.1, clip: true },
            encoding: {
              x: { field: 't', type: 'quantitative', title: 'time (s)', axis: { tickCount: 3, grid: false } },
              y: {
                field: 'v',
                type: 'quantitative',
                title: null,
                scale: { zero: false },
                axis: { tickCount: 3, minExtent: 30, maxExtent: 30 },
              },
              color: {
                field: 'flash',
                type: 'nominal',
                title: 'flash',
                scale: { domain: ['ON', 'OFF'], range: [COLORS.on, COLORS.off] },
              },
              detail: { field: 'condition' },
              ...dash,
            },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
});
