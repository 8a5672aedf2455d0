import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { stimulusFramesPanel } from './stimulusFrames.ts';

const frame = (label: string, f: (i: number) => number) => ({
  label,
  values: Float32Array.from({ length: 721 }, (_, i) => f(i)),
});

describe('stimulusFramesPanel', () => {
  it('draws 721 hexagons per frame, frames side by side with their labels', async () => {
    const frames = [
      frame('t = 0 s', () => 0.5),
      frame('t = 0.1 s', (i) => (i % 2) * 1),
      frame('t = 0.2 s', (i) => i / 720),
    ];
    const svg = await stimulusFramesPanel.render({ frames });
    expect(countMarks(svg, 'symbol')).toBe(3 * 721);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['t = 0 s', 't = 0.1 s', 't = 0.2 s', 'intensity']));
    expect(svg).toContain('fill="rgb(0, 0, 0)"'); // intensity 0 is black
    expect(svg).toContain('fill="rgb(255, 255, 255)"'); // intensity 1 is white
  });

  it('places hexal (u, v) at x = 1.5·v, y = −√3·(u + v/2)', () => {
    const spec = stimulusFramesPanel.spec({ frames: [frame('a', () => 0)] }) as unknown as {
      data: { values: { x: number; y: number }[] };
    };
    const points = spec.data.values;
    expect(points[360]).toMatchObject({ x: 0, y: -0 }); // (0, 0)
    expect(points[0].x).toBeCloseTo(0, 12); // (−15, 0): straight up
    expect(points[0].y).toBeCloseTo(15 * Math.sqrt(3), 12);
    expect(points[720].y).toBeCloseTo(-15 * Math.sqrt(3), 12); // (15, 0): straight down
  });

  it('infers the lattice extent from the frame length and rejects lengths that are not hexagonal', async () => {
    const svg = await stimulusFramesPanel.render({
      frames: [{ label: 'extent 1', values: [0, 0.2, 0.4, 0.6, 0.8, 1, 0.5] }],
    });
    expect(countMarks(svg, 'symbol')).toBe(7);
    expect(() =>
      stimulusFramesPanel.spec({ frames: [{ label: 'x', values: new Float32Array(700) }] }),
    ).toThrow(
      'Error in flyaux:stimulus-frames: frame length must be a hexagonal count (7, 19, …, 721), but got 700',
    );
  });
});
