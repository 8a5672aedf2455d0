import { describe, expect, it } from 'vitest';
import { formatCell, tablePanel } from './table.ts';

describe('tablePanel', () => {
  it('renders a header and one row per record, numbers right-aligned and formatted', async () => {
    const html = await tablePanel.render({
      columns: [
        { key: 'type', label: 'cell type' },
        { key: 'v', label: 'V (a.u.)' },
        { key: 'fri', label: 'FRI', digits: 2 },
      ],
      rows: [
        { type: 'CT1(Lo1)', v: 0.123456, fri: -0.5 },
        { type: '<b>Tm3</b>', v: NaN, fri: null },
      ],
    });
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('<th>cell type</th><th class="num">V (a.u.)</th>');
    expect(html).toContain('<td>CT1(Lo1)</td><td class="num">0.1235</td><td class="num">−0.50</td>');
    expect(html).toContain('<td>&lt;b&gt;Tm3&lt;/b&gt;</td><td class="num">–</td><td class="num">–</td>');
  });
});

describe('formatCell', () => {
  it('shows 4 significant digits, fixed decimals on request, and no minus sign on a rounded zero', () => {
    expect(formatCell(1234567)).toBe('1235000');
    expect(formatCell(0.000123456)).toBe('0.0001235');
    expect(formatCell(-0.0001, 3)).toBe('0.000');
    expect(formatCell(-2.5, 1)).toBe('−2.5');
    expect(formatCell(Infinity)).toBe('∞');
    expect(formatCell(undefined)).toBe('–');
    expect(formatCell('ON')).toBe('ON');
  });
});
