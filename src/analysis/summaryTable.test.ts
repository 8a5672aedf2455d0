import { describe, it, expect } from 'vitest';
import { formatSummaryCsv, formatSummaryJson, summaryRows, SUMMARY_COLUMNS } from './summaryTable.ts';

describe('summary table', () => {
  const rows = summaryRows(['L1', 'T4a'], {
    grey_steady_state: Float64Array.from([0.5168576240539551, 0.28059786558151245]),
    grey_fixed_point: [0.5, 'no stable fixed point'],
    grey_settle_s: [0.34, NaN],
    fri: [-0.017346354201436043, 0.1 + 0.2],
  });

  it('has the columns of flyaux characterize in order', () => {
    expect(formatSummaryCsv([]).trim().split(',')).toEqual([...SUMMARY_COLUMNS]);
  });

  it('writes CSV with empty cells for columns not run and numbers that round-trip exactly', () => {
    const [, l1, t4a] = formatSummaryCsv(rows).trim().split('\n');
    expect(l1).toBe('L1,0.5168576240539551,0.5,,0.34,-0.017346354201436043,,,,,,,,,,');
    expect(t4a.split(',')[2]).toBe('no stable fixed point');
    expect(t4a.split(',')[4]).toBe('NaN');
    expect(Number(t4a.split(',')[5])).toBe(0.1 + 0.2);
  });

  it('quotes notes that contain commas or quotes', () => {
    const csv = formatSummaryCsv(
      summaryRows(['Am'], { grey_fixed_point: ['3 fixed points, all "unstable"'] }),
    );
    expect(csv.split('\n')[1]).toBe('Am,,"3 fixed points, all ""unstable""",,,,,,,,,,,,,');
  });

  it('writes JSON with every column, null where not run or not finite', () => {
    const json = JSON.parse(formatSummaryJson(rows));
    expect(Object.keys(json[0])).toEqual([...SUMMARY_COLUMNS]);
    expect(json[1].grey_settle_s).toBeNull();
    expect(json[0].dsi_on).toBeNull();
    expect(json[1].grey_fixed_point).toBe('no stable fixed point');
  });

  it('rejects unknown columns and columns of the wrong length', () => {
    expect(() => summaryRows(['L1'], { dsi: [1] } as never)).toThrow(
      "unknown column 'dsi'. Accepted: grey_steady_state",
    );
    expect(() => summaryRows(['L1'], { fri: [1, 2] })).toThrow("column 'fri' has 2 values for 1 cell types");
  });
});
