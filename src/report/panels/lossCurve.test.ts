import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { lossCurvePanel, type LossRow } from './lossCurve.ts';

const rows: LossRow[] = ['operating point', 'settling', 'stability'].flatMap((metric, m) =>
  Array.from({ length: 50 }, (_, iteration) => ({
    iteration,
    metric,
    value: (m + 1) * Math.exp(-iteration / 10),
  })),
);

describe('lossCurvePanel', () => {
  it('draws one line per target on a log axis with decade labels', async () => {
    const svg = await lossCurvePanel.render({ rows, valueLabel: 'loss' });
    expect(countMarks(svg, 'line')).toBe(3);
    expect(svgTexts(svg)).toEqual(
      expect.arrayContaining(['operating point', 'settling', 'stability', 'iteration', 'loss', '0.01', '1']),
    );
  });

  it('leaves out values a log axis cannot show, and says so when nothing is left', async () => {
    const withZeros = [...rows, { iteration: 50, metric: 'settling', value: 0 }];
    const spec = lossCurvePanel.spec({ rows: withZeros, valueLabel: 'loss' }) as unknown as {
      data: { values: LossRow[] };
    };
    expect(spec.data.values).toHaveLength(rows.length);
    expect(() =>
      lossCurvePanel.spec({ rows: [{ iteration: 0, metric: 'a', value: 0 }], valueLabel: 'loss' }),
    ).toThrow(
      'Error in flyaux:loss-curve: expected positive finite values on the log axis, but none of 1 are',
    );
  });
});
