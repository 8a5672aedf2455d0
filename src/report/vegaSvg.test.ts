import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { compactSvg, specToSvg, svgToPng } from './vegaSvg.ts';
import { combineSvgs, svgSize } from './combineSvgs.ts';
import { countMarks, svgTexts } from './svgMarks.ts';

const bars = (n: number) =>
  ({
    data: { values: Array.from({ length: n }, (_, i) => ({ name: `bar ${i}`, value: i + 1 })) },
    mark: 'bar',
    encoding: { y: { field: 'name', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } },
  }) as const;

/** Number of pixels clearly darker than the white background. */
function darkPixels(png: Uint8Array): number {
  const { data } = PNG.sync.read(Buffer.from(png));
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) n++;
  return n;
}

describe('specToSvg', () => {
  it('renders one bar per record and the axis labels as SVG text', async () => {
    const svg = await specToSvg(bars(5));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(countMarks(svg, 'rect')).toBe(5);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['bar 0', 'bar 4', 'value']));
  });

  it('turns a vega-lite warning into an error that quotes it', async () => {
    const spec = {
      ...bars(2),
      encoding: { ...bars(2).encoding, shape: { field: 'name', type: 'nominal' } },
    } as const;
    await expect(specToSvg(spec)).rejects.toThrow(/Error in specToSvg: vega-lite warned: .*shape/);
  });
});

describe('compactSvg', () => {
  it('rounds geometry to 1/100 px and leaves text alone', () => {
    const svg =
      '<svg><path d="M1.23456,-7.891011L2,3"/><g transform="translate(0.1234,5)"><text>0.123456</text></g></svg>';
    expect(compactSvg(svg)).toBe(
      '<svg><path d="M1.23,-7.89L2,3"/><g transform="translate(0.12,5)"><text>0.123456</text></g></svg>',
    );
  });
});

describe('svgToPng', () => {
  it('rasterises at the requested scale', async () => {
    const svg = await specToSvg(bars(3));
    const { width, height } = svgSize(svg);
    const png = PNG.sync.read(Buffer.from(svgToPng(svg, { scale: 2 })));
    expect([png.width, png.height]).toEqual([2 * width, 2 * height]);
  });

  it('draws text with a system font', () => {
    const blank =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="white"/>';
    const withText = `${blank}<text x="5" y="28" font-family="sans-serif" font-size="24" fill="black">flyaux</text></svg>`;
    expect(darkPixels(svgToPng(`${blank}</svg>`, { scale: 1 }))).toBe(0);
    expect(darkPixels(svgToPng(withText, { scale: 1 }))).toBeGreaterThan(50);
  });

  it('rejects a non-positive scale', () => {
    expect(() => svgToPng('<svg width="1" height="1"/>', { scale: 0 })).toThrow(
      'Error in svgToPng: scale must be positive',
    );
  });
});

describe('combineSvgs', () => {
  it('stacks panels into one SVG as tall as their heights plus the gaps', async () => {
    const a = await specToSvg(bars(3));
    const b = await specToSvg(bars(10));
    const combined = combineSvgs([a, b], { gap: 10 });
    expect(svgSize(combined)).toEqual({
      width: Math.max(svgSize(a).width, svgSize(b).width),
      height: svgSize(a).height + svgSize(b).height + 10,
    });
    expect(countMarks(combined, 'rect')).toBe(13);
    expect(svgToPng(combined, { scale: 1 }).length).toBeGreaterThan(0);
  });

  it('says what it expected when given no SVG', () => {
    expect(() => combineSvgs([])).toThrow('Error in combineSvgs: expected at least one SVG');
  });
});
