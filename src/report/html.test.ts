import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figure, renderReport, writeReport, type ReportInput } from './html.ts';
import type { Panel } from './panel.ts';
import { sortedBarsPanel } from './panels/sortedBars.ts';
import { tablePanel } from './panels/table.ts';

const bars = {
  rows: ['L1', 'L2', 'Mi1'].map((type, i) => ({ type, value: i + 1 })),
  valueLabel: 'rate (bit/s)',
};
const input: ReportInput = {
  title: 'Targets <trial>',
  subtitle: 'operating point only',
  meta: {
    flyauxVersion: '0.1.0',
    parametersSource: 'runs/a/params.json',
    dtS: 0.02,
    date: '2025-01-02T03:04:05Z',
    extra: { seed: '7' },
  },
  sections: [
    {
      heading: 'Grey screen',
      text: 'First paragraph.\n\nSecond & last.',
      panels: [figure(sortedBarsPanel, bars)],
    },
    {
      heading: 'Grey screen',
      panels: [
        figure(sortedBarsPanel, bars, { title: 'Information rate', caption: 'f_max = 25 Hz.' }),
        figure(tablePanel, { columns: [{ key: 'type', label: 'type' }], rows: [{ type: 'T4a' }] }),
      ],
    },
  ],
};

describe('renderReport', () => {
  it('writes a self-contained page with the run metadata, a contents list and every section', async () => {
    const html = await renderReport(input);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Targets &lt;trial&gt;</title>');
    for (const text of [
      'runs/a/params.json',
      '0.02 s (50 Hz)',
      '2025-01-02T03:04:05Z',
      '0.1.0',
      '<dt>seed</dt><dd>7</dd>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(
      '<li><a href="#grey-screen">Grey screen</a></li><li><a href="#grey-screen-2">Grey screen</a></li>',
    );
    expect(html).toContain('<section id="grey-screen">');
    expect(html).toContain('<section id="grey-screen-2">');
    expect(html).toContain('<p>First paragraph.</p>\n<p>Second &amp; last.</p>');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
  });

  it('numbers the figures across sections and captions each with its title', async () => {
    const html = await renderReport(input);
    expect(html.match(/<figure /g)).toHaveLength(3);
    expect(html).toContain('<b>Figure 1. Per-type values, sorted.</b>');
    expect(html).toContain('<b>Figure 2. Information rate.</b> f_max = 25 Hz.');
    expect(html).toContain('<figure id="fig-3" data-panel="flyaux:table">');
    expect(html.match(/<svg/g)).toHaveLength(2);
  });

  it('gives every element id in the page, including those inside the SVGs, a unique value', async () => {
    // vega numbers clip paths per process, so SVGs rendered elsewhere can arrive with the same ids.
    const clipped: Panel<null> = {
      name: 'test:clipped',
      title: 'Clipped',
      render: async () =>
        '<svg width="9" height="9"><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"/></svg>',
    };
    const twice = { heading: 'Clips', panels: [figure(clipped, null), figure(clipped, null)] };
    const html = await renderReport({ ...input, sections: [...input.sections, twice] });
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(refs).toEqual(['fig-4-clip1', 'fig-5-clip1']);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  it('names the panel and the section when a panel fails', async () => {
    const broken: Panel<number> = {
      name: 'test:broken',
      title: 'Broken',
      render: async () => Promise.reject(new Error('no data')),
    };
    const bad = { ...input, sections: [{ heading: 'Flashes', panels: [figure(broken, 1)] }] };
    await expect(renderReport(bad)).rejects.toThrow(
      "Error in renderReport: panel 'test:broken' in section 'Flashes' failed: no data",
    );
  });
});

describe('writeReport', () => {
  it('writes the rendered page and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flyaux-report-'));
    const path = join(dir, 'sub', 'report.html');
    await writeReport(path, input);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('<h2>Grey screen</h2>');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['report.html']);
  });
});
