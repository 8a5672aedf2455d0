import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { sortedBarsPanel } from './sortedBars.ts';

const rows = Array.from({ length: 65 }, (_, i) => ({ type: `type${i}`, value: ((i * 37) % 65) * 3.5 }));

describe('sortedBarsPanel', () => {
  it('draws 65 bars, largest first, with the value label', async () => {
    const svg = await sortedBarsPanel.render({ rows, valueLabel: 'information rate (bit/s)' });
    expect(countMarks(svg, 'rect')).toBe(65);
    const texts = svgTexts(svg);
    const labels = texts.filter((t) => t.startsWith('type'));
    expect(labels).toEqual([...rows].sort((a, b) => b.value - a.value).map((r) => r.type));
    expect(texts).toContain('information rate (bit/s)');
  });
});
