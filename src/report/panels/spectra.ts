import { check, vegaPanel } from '../panel.ts';
import { logDecades } from '../logTicks.ts';
import { SERIES_COLORS } from '../theme.ts';

export interface SpectrumSeries {
  label: string;
  /** One value per entry of `frequencyHz`. */
  values: ArrayLike<number>;
}

export interface SpectraData {
  frequencyHz: ArrayLike<number>;
  series: SpectrumSeries[];
  /** Axis title with unit, e.g. 'power (a.u.²/Hz)'. */
  valueLabel: string;
}

const NAME = 'flyaux:spectra';

/** Spectra as lines, frequency on x and a log y axis; non-positive values cannot be drawn there and are left out. */
export const spectraPanel = vegaPanel<SpectraData>({
  name: NAME,
  title: 'Spectra',
  spec: ({ frequencyHz, series, valueLabel }) => {
    check(series.length > 0, NAME, () => 'expected at least one series, but got none');
    const records: { series: string; f: number; value: number }[] = [];
    for (const s of series) {
      check(
        s.values.length === frequencyHz.length,
        NAME,
        () => `series '${s.label}' has ${s.values.length} values but frequencyHz has ${frequencyHz.length}`,
      );
      for (let i = 0; i < s.values.length; i++) {
        if (s.values[i] > 0 && Number.isFinite(s.values[i])) {
          records.push({ series: s.label, f: frequencyHz[i], value: s.values[i] });
        }
      }
    }
    check(
      records.length > 0,
      NAME,
      () => 'expected positive finite values on the log axis, but there are none',
    );
    return {
      data: { values: records },
      width: 440,
      height: 260,
      mark: { type: 'line', strokeWidth: 1.5, clip: true },
      encoding: {
        x: { field: 'f', type: 'quantitative', title: 'frequency (Hz)' },
        y: {
          field: 'value',
          type: 'quantitative',
          title: valueLabel,
          scale: { type: 'log' },
          axis: { values: logDecades(records.map((r) => r.value)), format: '~g' },
        },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          sort: series.map((s) => s.label),
          scale: { range: SERIES_COLORS },
        },
      },
    };
  },
});
