import { describe, expect, it } from 'vitest';
import { countMarks, markFills, svgTexts } from '../svgMarks.ts';
import { COLORS } from '../theme.ts';
import { beforeAfterPanel, type BeforeAfterRow } from './beforeAfter.ts';

const rows: BeforeAfterRow[] = Array.from({ length: 65 }, (_, i) => ({
  type: `type${i}`,
  before: Math.cos(i) * 4,
  after: 0.1 + (i % 5) / 10,
  band: i % 2 === 0 ? [0.05, 0.5] : undefined,
}));

describe('beforeAfterPanel', () => {
  it('draws a before and an after dot per type, joined by a line, with the given bands shaded', async () => {
    const svg = await beforeAfterPanel.render({
      rows,
      valueLabel: 'grey steady state (a.u.)',
      seriesLabels: ['untrained', 'trained'],
    });
    const dots = markFills(svg, 'symbol');
    expect(dots.filter((f) => f === COLORS.before)).toHaveLength(65);
    expect(dots.filter((f) => f === COLORS.after)).toHaveLength(65);
    expect(countMarks(svg, 'rule')).toBe(65);
    expect(countMarks(svg, 'rect')).toBe(33);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['untrained', 'trained', 'type0', 'type64']));
  });

  it('rejects a band whose lower edge is above its upper edge', () => {
    const bad: BeforeAfterRow[] = [{ type: 'L2', before: 0, after: 1, band: [1, 0] }];
    expect(() => beforeAfterPanel.spec({ rows: bad, valueLabel: 'v' })).toThrow(
      'Error in flyaux:before-after: band of L2 must have lo ≤ hi, but got [1,0]',
    );
  });
});
