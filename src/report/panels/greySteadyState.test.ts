import { describe, expect, it } from 'vitest';
import { countMarks, markFills, svgTexts } from '../svgMarks.ts';
import { COLORS } from '../theme.ts';
import { greySteadyStatePanel, type GreySteadyStateRow } from './greySteadyState.ts';

const rows: GreySteadyStateRow[] = Array.from({ length: 65 }, (_, i) => ({
  type: `type${i}`,
  value: Math.sin(i) * 3,
  polarity: ([1, -1, 0] as const)[i % 3],
  second: i % 5 === 0 ? Math.cos(i) : undefined,
}));

describe('greySteadyStatePanel', () => {
  it('draws 65 bars coloured by polarity, ticks for the second series and every type label', async () => {
    const svg = await greySteadyStatePanel.render({
      rows,
      valueLabel: 'grey steady state (a.u.)',
      secondLabel: 'fixed point',
    });
    const fills = markFills(svg, 'rect');
    expect(countMarks(svg, 'rect')).toBe(65 + 13);
    expect(fills.filter((f) => f === COLORS.on)).toHaveLength(22);
    expect(fills.filter((f) => f === COLORS.off)).toHaveLength(22);
    expect(fills.filter((f) => f === COLORS.unknown)).toHaveLength(21);
    expect(fills.filter((f) => f === COLORS.ink)).toHaveLength(13);
    const texts = svgTexts(svg);
    for (const r of rows) expect(texts).toContain(r.type);
    expect(texts).toEqual(
      expect.arrayContaining(['ON', 'OFF', 'unknown polarity', 'fixed point', 'grey steady state (a.u.)']),
    );
  });

  it('lists the types from the largest to the smallest value', async () => {
    const svg = await greySteadyStatePanel.render({ rows, valueLabel: 'v', secondLabel: 'fixed point' });
    const labels = svgTexts(svg).filter((t) => t.startsWith('type'));
    const sorted = [...rows].sort((a, b) => b.value - a.value).map((r) => r.type);
    expect(labels).toEqual(sorted);
  });

  it('rejects a polarity other than −1, 0, +1 and second values without a label', () => {
    const bad = [{ type: 'L1', value: 1, polarity: 2 as never }];
    expect(() => greySteadyStatePanel.spec({ rows: bad, valueLabel: 'v' })).toThrow(
      'Error in flyaux:grey-steady-state: polarity of L1 must be -1, 0 or 1, but got 2',
    );
    expect(() => greySteadyStatePanel.spec({ rows, valueLabel: 'v' })).toThrow('`secondLabel` is required');
  });
});
