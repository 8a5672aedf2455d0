import { escapeHtml } from '../escapeHtml.ts';
import { check, type Panel } from '../panel.ts';

export interface TableColumn {
  /** Field of each row. */
  key: string;
  /** Header text (with unit). */
  label: string;
  /** Fixed decimals for numbers; without it numbers get 4 significant digits. */
  digits?: number;
}

export interface TableData {
  columns: TableColumn[];
  rows: Record<string, string | number | boolean | null | undefined>[];
}

const NAME = 'flyaux:table';

/** Formats one cell: numbers to fixed or 4 significant digits, missing and NaN as an en dash. */
export function formatCell(value: string | number | boolean | null | undefined, digits?: number): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = digits !== undefined ? value.toFixed(digits) : Number(value.toPrecision(4)).toString();
  // A value that rounds to zero shows as 0.000, not −0.000; negatives get a true minus sign.
  return Number(text) === 0 ? text.replace(/^-/, '') : text.replace(/^-/, '−');
}

/** An HTML table from records; numeric columns are right-aligned. */
export const tablePanel: Panel<TableData> = {
  name: NAME,
  title: 'Table',
  render: async ({ columns, rows }) => {
    check(columns.length > 0, NAME, () => 'expected at least one column, but got none');
    const numeric = columns.map((c) => rows.some((r) => typeof r[c.key] === 'number'));
    const align = (j: number) => (numeric[j] ? ' class="num"' : '');
    const head = columns.map((c, j) => `<th${align(j)}>${escapeHtml(c.label)}</th>`).join('');
    const body = rows
      .map((r) => {
        const cells = columns.map(
          (c, j) => `<td${align(j)}>${escapeHtml(formatCell(r[c.key], c.digits))}</td>`,
        );
        return `<tr>${cells.join('')}</tr>`;
      })
      .join('\n');
    return `<table class="data-table"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
  },
};
