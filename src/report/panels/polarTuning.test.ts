import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { COLORS } from '../theme.ts';
import { polarTuningPanel, type TuningRow } from './polarTuning.ts';

const types = ['T4a', 'T4b', 'T4c', 'T4d', 'T5a', 'T5b', 'T5c', 'T5d'];
const rows: TuningRow[] = types.flatMap((type, k) =>
  Array.from({ length: 12 }, (_, d) => 30 * d).flatMap((directionDeg) =>
    (['ON', 'OFF'] as const).map((edge) => ({
      type,
      edge,
      directionDeg,
      peak: 1 + Math.cos(((directionDeg - 90 * (k % 4)) * Math.PI) / 180) * (edge === 'ON' ? 0.8 : 0.3),
    })),
  ),
);

describe('polarTuningPanel', () => {
  it('draws a closed ON and OFF curve per type on guide rings, one facet per type', async () => {
    const svg = await polarTuningPanel.render({ rows });
    // Per type: 2 rings + 2 crosshair lines + ON + OFF.
    expect(countMarks(svg, 'line')).toBe(types.length * 6);
    expect(svg.match(new RegExp(`stroke="${COLORS.on}"`, 'g'))?.length).toBeGreaterThanOrEqual(types.length);
    expect(svg.match(new RegExp(`stroke="${COLORS.off}"`, 'g'))?.length).toBeGreaterThanOrEqual(types.length);
    expect(countMarks(svg, 'symbol')).toBe(types.length * 2 * 13); // 12 directions, the first repeated to close
    expect(svgTexts(svg)).toEqual(expect.arrayContaining([...types, 'ON', 'OFF']));
  });

  it('puts the largest peak of each type on the unit ring in its direction', () => {
    const spec = polarTuningPanel.spec({ rows }) as unknown as {
      data: { values: { type: string; kind: string; line: string; x: number; y: number }[] };
    };
    const t4b = spec.data.values.filter((r) => r.type === 'T4b' && r.kind === 'curve' && r.line === 'ON');
    const far = t4b.reduce((a, b) => (Math.hypot(a.x, a.y) >= Math.hypot(b.x, b.y) ? a : b));
    expect(Math.hypot(far.x, far.y)).toBeCloseTo(1, 12);
    expect((Math.atan2(far.y, far.x) * 180) / Math.PI).toBeCloseTo(90, 9); // T4b peaks at 90° in this data
  });

  it('asks for at least three directions per curve', () => {
    const few = rows.filter((r) => r.type === 'T4a' && r.edge === 'ON' && r.directionDeg < 60);
    expect(() => polarTuningPanel.spec({ rows: few })).toThrow(
      'Error in flyaux:polar-tuning: T4a ON needs ≥ 3 directions, but has 2',
    );
  });
});
