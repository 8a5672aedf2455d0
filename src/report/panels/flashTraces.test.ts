import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { flashTracesPanel, type FlashTrace } from './flashTraces.ts';

const timeS = Float32Array.from({ length: 600 }, (_, i) => -1 + i / 200);
const types = Array.from({ length: 65 }, (_, i) => `type${i}`);
const step = (sign: number, k: number) =>
  Float32Array.from(timeS, (t) => (t >= 0 && t < 1 ? sign * (1 - Math.exp(-t * k)) : 0));

describe('flashTracesPanel', () => {
  it('draws one facet per type with an ON and an OFF trace each', async () => {
    const traces: FlashTrace[] = types.flatMap((type, i) => [
      { type, flash: 'ON' as const, values: step(1, i + 1) },
      { type, flash: 'OFF' as const, values: step(-1, i + 1) },
    ]);
    const svg = await flashTracesPanel.render({ timeS, traces, valueLabel: 'voltage (a.u.)', onsetS: 0 });
    expect(countMarks(svg, 'line')).toBe(130);
    expect(countMarks(svg, 'rule')).toBe(65); // one onset line per facet
    const texts = svgTexts(svg);
    for (const type of types) expect(texts).toContain(type);
    expect(texts).toEqual(expect.arrayContaining(['ON', 'OFF', 'time (s)']));
  });

  it('tells conditions apart by dash pattern and keeps at most maxPointsPerTrace points per line', async () => {
    const traces: FlashTrace[] = ['before', 'after'].flatMap((condition) => [
      { type: 'L1', flash: 'ON' as const, condition, values: step(1, 3) },
      { type: 'L1', flash: 'OFF' as const, condition, values: step(-1, 3) },
    ]);
    const svg = await flashTracesPanel.render({ timeS, traces, valueLabel: 'v', maxPointsPerTrace: 40 });
    expect(countMarks(svg, 'line')).toBe(4);
    expect(svg).toContain('stroke-dasharray');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['before', 'after']));
    const paths = [...svg.matchAll(/<g class="mark-line role-mark[^>]*><path[^>]* d="([^"]*)"/g)].map(
      (m) => m[1],
    );
    for (const d of paths) expect(d.split(/[ML]/).filter(Boolean).length).toBeLessThanOrEqual(40);
  });

  it('names the trace whose length differs from timeS', () => {
    const traces: FlashTrace[] = [{ type: 'Mi1', flash: 'OFF', values: new Float32Array(3) }];
    expect(() => flashTracesPanel.spec({ timeS, traces, valueLabel: 'v' })).toThrow(
      'Error in flyaux:flash-traces: trace Mi1 OFF has 3 values but timeS has 600',
    );
  });
});
