import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { naturalStatsPanel, type NaturalStatsRow } from './naturalStats.ts';

const rows: NaturalStatsRow[] = Array.from({ length: 65 }, (_, i) => ({
  type: `type${i}`,
  mean: Math.sin(i),
  std: 0.1 + (i % 7) / 10,
  activeFraction: (i % 11) / 10,
}));

describe('naturalStatsPanel', () => {
  it('draws a point with an error bar and an active-fraction bar for each of 65 types', async () => {
    const svg = await naturalStatsPanel.render({ rows, valueLabel: 'voltage (a.u.)' });
    expect(countMarks(svg, 'symbol')).toBe(65);
    expect(countMarks(svg, 'rule')).toBe(65 + 1); // error bars and the zero line
    expect(countMarks(svg, 'rect')).toBe(65);
    const texts = svgTexts(svg);
    for (const r of rows) expect(texts).toContain(r.type);
    expect(texts).toEqual(expect.arrayContaining(['voltage (a.u.): mean ± std', 'active fraction (V > 0)']));
  });

  it('sets conditions side by side within a row', async () => {
    const twice = rows.slice(0, 10).flatMap((r) => [
      { ...r, condition: 'before' },
      { ...r, mean: r.mean + 1, condition: 'after' },
    ]);
    const svg = await naturalStatsPanel.render({ rows: twice, valueLabel: 'v' });
    expect(countMarks(svg, 'symbol')).toBe(20);
    expect(countMarks(svg, 'rect')).toBe(20);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['before', 'after']));
  });

  it('rejects an active fraction outside [0, 1]', () => {
    const bad = [{ type: 'Tm3', mean: 0, std: 1, activeFraction: 1.5 }];
    expect(() => naturalStatsPanel.spec({ rows: bad, valueLabel: 'v' })).toThrow(
      'Error in flyaux:natural-stats: activeFraction of Tm3 must be in [0, 1], but got 1.5',
    );
  });
});
