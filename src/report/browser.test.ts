import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refFloat32, refNpy, referencePath } from '../testing/reference.ts';
import { CHROMIUM, hasChromium, inspectReport } from '../testing/reportInBrowser.ts';
import { figure, writeReport, type ReportSection } from './html.ts';
import {
  beforeAfterPanel,
  flashTracesPanel,
  greySteadyStatePanel,
  lossCurvePanel,
  naturalStatsPanel,
  polarTuningPanel,
  sortedBarsPanel,
  spectraPanel,
  stimulusFramesPanel,
  tablePanel,
  type Polarity,
} from './panels/index.ts';

if (!hasChromium) console.warn(`browser test not run: ${CHROMIUM} not found (apt-get install chromium)`);

const json = (...parts: string[]) => JSON.parse(readFileSync(referencePath(...parts), 'utf8'));
/** Column `t` of a row-major [rows, 65] block starting at `offset`. */
const column = (data: Float32Array, offset: number, rows: number, t: number) =>
  Float32Array.from({ length: rows }, (_, i) => data[offset + i * 65 + t]);

/** A report with every panel, built from flyvis's own outputs for the default and the strong_seed1 network. */
function referenceSections(): ReportSection[] {
  const types: string[] = json('network_cell_types.json');
  const polarity: Record<string, Polarity> = json('tables', 'groundtruth.json').polarity;
  const grey = refFloat32('default', 'grey_dt50_central.npy');
  const greyStrong = refFloat32('strong_seed1', 'grey_central.npy');
  const last = (a: { shape: number[]; data: Float32Array }, t: number) => a.data[(a.shape[0] - 1) * 65 + t];
  const flash = refFloat32('default', 'flash_dt200_central.npy');
  const flashStrong = refFloat32('strong_seed1', 'flash_central_dt200.npy');
  const timeS = refFloat32('default', 'flash_dt200_time.npy').data;
  const steps = timeS.length;
  // Samples 0 and 2 are the full-field (radius −1) flashes with intensity 0 (OFF) and 1 (ON).
  const traces = types.flatMap((type, t) =>
    (
      [
        ['OFF', 0],
        ['ON', 2],
      ] as const
    ).flatMap(([flashName, sample]) => [
      {
        type,
        flash: flashName,
        condition: 'default',
        values: column(flash.data, sample * steps * 65, steps, t),
      },
      {
        type,
        flash: flashName,
        condition: 'strong_seed1',
        values: column(flashStrong.data, sample * steps * 65, steps, t),
      },
    ]),
  );
  const peaks = refFloat32('default', 'moving_edge_all_speeds_peak_responses.npy').data;
  const angle = refNpy('default', 'moving_edge_all_speeds_arg_angle.npy').data;
  const intensity = refNpy('default', 'moving_edge_all_speeds_arg_intensity.npy').data;
  const directions = Array.from({ length: 12 }, (_, k) => 30 * k);
  const known: Record<string, number[]> = json('tables', 'groundtruth.json').tuning_curves;
  const knownTuningRows = Object.entries(known).flatMap(([type, curve]) =>
    curve.map((peak, k) => ({
      type,
      edge: type.startsWith('T4') ? ('ON' as const) : ('OFF' as const),
      directionDeg: directions[k],
      peak,
    })),
  );
  const tuningRows = ['T4a', 'T4b', 'Mi1', 'Tm3', 'Mi9', 'Tm9'].flatMap((type) =>
    directions.flatMap((directionDeg) =>
      (['OFF', 'ON'] as const).map((edge, edgeIntensity) => {
        let sum = 0;
        let count = 0; // mean over the six speeds
        for (let s = 0; s < angle.length; s++) {
          if (angle[s] === directionDeg && intensity[s] === edgeIntensity) {
            sum += peaks[s * 65 + types.indexOf(type)];
            count++;
          }
        }
        return { type, edge, directionDeg, peak: sum / count };
      }),
    ),
  );
  const random = refFloat32('strong_seed1', 'random_central.npy');
  const stimulus = refFloat32('strong_seed1', 'random_stimulus.npy');
  const naturalRows = types.map((type, t) => {
    const v = Array.from(column(random.data, 0, random.shape[0], t));
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
    return { type, mean, std, activeFraction: v.filter((x) => x > 0).length / v.length };
  });
  const fri: Record<string, number> = json('default', 'flash_fri.json').fri['6'];
  const greyRows = types.map((type, t) => ({
    type,
    value: last(grey, t),
    polarity: polarity[type] ?? 0,
    second: last(greyStrong, t),
  }));
  const spectrumF = Array.from({ length: 51 }, (_, i) => i / 2);
  return [
    {
      heading: 'Grey screen',
      text: 'Central-cell voltages after 5 s of grey (dt 1/50 s) for the default network, with strong_seed1 as ticks.',
      panels: [
        figure(greySteadyStatePanel, {
          rows: greyRows,
          valueLabel: 'grey steady state (a.u.)',
          secondLabel: 'strong_seed1',
        }),
        figure(beforeAfterPanel, {
          rows: greyRows.map((r) => ({
            type: r.type,
            before: r.value,
            after: r.second,
            band: [0.05, 0.5] as [number, number],
          })),
          valueLabel: 'grey steady state (a.u.)',
          seriesLabels: ['default', 'strong_seed1'],
        }),
      ],
    },
    {
      heading: 'Flashes',
      panels: [
        figure(
          flashTracesPanel,
          { timeS, traces, valueLabel: 'voltage (a.u.)', onsetS: 0 },
          { caption: 'Solid: default network; dashed: strong_seed1. Flash from 0 to 1 s.' },
        ),
        figure(
          sortedBarsPanel,
          { rows: types.map((type) => ({ type, value: fri[type] })), valueLabel: 'FRI (r = 6)' },
          { title: 'Flash response index per cell type' },
        ),
      ],
    },
    {
      heading: 'Moving edges',
      panels: [
        figure(
          polarTuningPanel,
          { rows: knownTuningRows },
          { caption: 'Known curves (Maisak et al. 2013): T4 ON, T5 OFF.' },
        ),
        figure(polarTuningPanel, { rows: tuningRows }, { caption: 'Default network, mean over six speeds.' }),
      ],
    },
    {
      heading: 'Random stimulus',
      panels: [
        figure(stimulusFramesPanel, {
          frames: [0, 10, 20, 30].map((k) => ({
            label: `frame ${k}`,
            values: stimulus.data.subarray(k * 721, (k + 1) * 721),
          })),
        }),
        figure(naturalStatsPanel, { rows: naturalRows, valueLabel: 'voltage (a.u.)' }),
        figure(spectraPanel, {
          frequencyHz: spectrumF,
          series: [1, 3, 10].map((fc) => ({
            label: `corner ${fc} Hz`,
            values: spectrumF.map((f) => 1 / (1 + (f / fc) ** 2)),
          })),
          valueLabel: 'power (a.u.²/Hz)',
        }),
        figure(lossCurvePanel, {
          rows: ['operating point', 'settling', 'scale'].flatMap((metric, m) =>
            Array.from({ length: 60 }, (_, iteration) => ({
              iteration,
              metric,
              value: (m + 1) * Math.exp(-iteration / (10 + 10 * m)),
            })),
          ),
          valueLabel: 'loss',
        }),
      ],
    },
    {
      heading: 'Table',
      panels: [
        figure(tablePanel, {
          columns: [
            { key: 'type', label: 'cell type' },
            { key: 'value', label: 'grey steady state (a.u.)' },
            { key: 'fri', label: 'FRI', digits: 3 },
          ],
          rows: greyRows.slice(0, 12).map((r) => ({ type: r.type, value: r.value, fri: fri[r.type] })),
        }),
      ],
    },
  ];
}

describe('the report in headless Chromium', () => {
  it.skipIf(!hasChromium)(
    'shows every figure as a non-empty SVG, loads nothing from the network and logs no errors',
    async () => {
      const dir = join(tmpdir(), 'flyaux-browser-test');
      mkdirSync(dir, { recursive: true });
      const htmlPath = join(dir, 'report.html');
      const sections = referenceSections();
      await writeReport(htmlPath, {
        title: 'flyaux report (browser test)',
        subtitle: 'Reference outputs of flyvis, drawn by every panel',
        sections,
        meta: {
          flyauxVersion: 'test',
          parametersSource: 'flyvis reference outputs',
          dtS: 0.02,
          date: new Date().toISOString(),
        },
      });
      const { figures, errors, requests } = await inspectReport(htmlPath, join(dir, 'screenshot.png'));
      expect(figures).toHaveLength(sections.reduce((n, s) => n + s.panels.length, 0));
      for (const f of figures) {
        expect(f.marks, `${f.panel} marks`).toBeGreaterThan(0);
        expect(f.area, `${f.panel} size`).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      console.log(`browser test: screenshot in ${join(dir, 'screenshot.png')}`);
    },
  );
});
