import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Characterization } from '../analysis/characterize/index.ts';
import { smallCharacterization } from '../analysis/characterize/smallNetwork.fixture.ts';
import { cloneParams } from '../network/params.ts';
import { loadReferenceParams } from '../testing/referenceParams.ts';
import { hasChromium, inspectReport } from '../testing/reportInBrowser.ts';
import { characterizeComparisonReport } from './characterizeComparison.ts';
import { characterizeKeyFigureSvg } from './characterizeKeyFigure.ts';
import { characterizeReport } from './characterizeReport.ts';
import { renderReport, writeReport } from './html.ts';
import { svgToPng } from './vegaSvg.ts';

const meta = { flyauxVersion: 'test', parametersSource: 'flyvis default', dtS: 0.005, date: '2024-01-01' };

// Every protocol on the flyvis network at extent 3 (seconds), and a second network for before/after.
let c: Characterization;
let shifted: Characterization;
beforeAll(async () => {
  c = await smallCharacterization();
  const params = cloneParams(loadReferenceParams('default'));
  params.bias.forEach((b, i) => (params.bias[i] = b + 0.1 * Math.sin(i)));
  shifted = await smallCharacterization(
    { stimuli: ['grey', 'flashes', 'edges', 'naturalistic'], nMovies: 1 },
    params,
  );
});

const figureCount = (html: string) => (html.match(/<figure /g) ?? []).length;

describe('characterizeReport', () => {
  it('has a section per protocol that ran, with the summary table of every cell type', async () => {
    const input = characterizeReport(c, meta);
    expect(input.sections.map((s) => s.heading)).toEqual([
      'Summary',
      'Grey screen',
      'Flashes',
      'Moving edges',
      'Gratings',
      'Information rate',
      'Naturalistic movies',
      'Chirp',
      'White noise',
      'Stimuli',
    ]);
    const html = await renderReport(input);
    expect(figureCount(html)).toBe(14);
    expect(html.includes('FRI–polarity correlation over the 32 types of known polarity')).toBe(true);
    const summary = /<table class="data-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect((summary.match(/<tr>/g) ?? []).length).toBe(66); // header + 65 types
    for (const label of ['grey', 'FRI', 'DSI ON', 'PD OFF °', 'active']) {
      expect(summary.includes(`<th class="num">${label}</th>`), label).toBe(true);
    }
    expect(html.includes('PD OFF ° = pd_off_deg')).toBe(true);
  });

  it('leaves out the sections of protocols that did not run', async () => {
    const input = characterizeReport(shifted, meta);
    expect(input.sections.map((s) => s.heading)).not.toContain('Gratings');
    expect(figureCount(await renderReport(input))).toBe(10);
  });

  it('exports the key figure as a PNG', async () => {
    const png = svgToPng(await characterizeKeyFigureSvg(c), { scale: 1 });
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(png.length).toBeGreaterThan(20_000);
  });
});

describe('characterizeComparisonReport', () => {
  it('compares the held-out checks and per-type values of two characterisations', async () => {
    const input = characterizeComparisonReport(c, shifted, meta, ['default', 'shifted biases']);
    const html = await renderReport(input);
    expect(input.sections.map((s) => s.heading)).toEqual([
      'Held-out checks',
      'Per-type values',
      'Flash responses',
      'T4/T5 direction tuning',
      'Naturalistic movies',
    ]);
    expect(html.includes('FRI sign agrees with known polarity')).toBe(true);
    expect(/<td class="num">\d+\/32<\/td>/.test(html)).toBe(true);
    expect(figureCount(html)).toBe(8);
  });

  it('refuses characterisations of different cell types', () => {
    const other = { ...shifted, cellTypes: shifted.cellTypes.slice(1) };
    expect(() => characterizeComparisonReport(c, other, meta)).toThrow(/same cell types, got 65 and 64/);
  });
});

describe('the characterize report in headless Chromium', () => {
  it.skipIf(!hasChromium)('shows every figure with marks, loads nothing and logs no errors', async () => {
    const dir = join(tmpdir(), 'flyaux-characterize-browser-test');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'report.html');
    await writeReport(path, characterizeReport(c, meta));
    const { figures, errors, requests } = await inspectReport(path, join(dir, 'screenshot.png'));
    expect(figures).toHaveLength(14);
    for (const f of figures) {
      expect(f.marks, `${f.panel} marks`).toBeGreaterThan(0);
      expect(f.area, `${f.panel} size`).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
