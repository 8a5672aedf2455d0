import type { Characterization } from '../analysis/characterize/index.ts';
import { MOTION_TUNING } from '../analysis/groundtruth.ts';
import {
  edgeTuningRows,
  flashTraces,
  frequencySeries,
  greyPanelData,
  maxDsi,
  mostSelectiveOthers,
  naturalRows,
} from './characterizeData.ts';
import { figure, type ReportSection } from './html.ts';
import {
  flashTracesPanel,
  greySteadyStatePanel,
  naturalStatsPanel,
  polarTuningPanel,
  sortedBarsPanel,
  spectraPanel,
  stimulusFramesPanel,
} from './panels/index.ts';

/* The sections of the characterisation report, one per protocol (characterizeReport.ts puts them together). */

const VOLTAGE = 'voltage (a.u.)';

export function greySection(c: Characterization): ReportSection {
  const { stats, fixedPointStatus } = c.grey!;
  const settings = c.settings.protocols.grey!;
  const drifting = c.cellTypes.filter((_, t) => Number.isNaN(stats.settleS[t]));
  const fp =
    fixedPointStatus === 'stable'
      ? 'Ticks: the reduced engine’s stable fixed point.'
      : `Reduced engine: ${fixedPointStatus === 'unstable' ? 'no stable fixed point' : 'no fixed point found'}.`;
  return {
    heading: 'Grey screen',
    text:
      `Central voltage after ${settings.duration_s} s of grey 0.5 at dt ${settings.dt} s from the bias state, sorted, coloured by known ON/OFF pathway. ${fp} ` +
      `Largest drift over the last second: ${Math.max(...stats.driftPerS).toExponential(2)} a.u./s; ` +
      `${drifting.length} type(s) not settled to 1e-3${drifting.length ? ` (${drifting.slice(0, 10).join(', ')}${drifting.length > 10 ? ', …' : ''})` : ''}.`,
    panels: [figure(greySteadyStatePanel, greyPanelData(c))],
  };
}

export function flashSection(c: Characterization): ReportSection {
  const { timeS, traces } = flashTraces(c);
  return {
    heading: 'Flashes',
    text: 'Full-field flashes from 0 to 1 s after grey (dt 1/200 s, 1 s grey steady state before). FRI as flyvis, at radius 6.',
    panels: [
      figure(flashTracesPanel, { timeS, traces, valueLabel: VOLTAGE, onsetS: 0 }),
      figure(
        sortedBarsPanel,
        {
          rows: c.cellTypes.map((type, t) => ({ type, value: c.flashes!.fri[t] })),
          valueLabel: 'FRI (radius 6)',
        },
        { title: 'Flash response index per cell type' },
      ),
    ],
  };
}

export function edgeSection(c: Characterization): ReportSection {
  const speeds = c.settings.protocols.edges!.speeds as number[];
  const others = mostSelectiveOthers(c, 8);
  const dsi = maxDsi(c);
  return {
    heading: 'Moving edges',
    text: `ON and OFF edges in 12 directions at ${speeds.join(', ')} columns/s (dt 1/200 s). Radius: peak response normalised per type, mean over speeds.`,
    panels: [
      figure(
        polarTuningPanel,
        { rows: edgeTuningRows(c, MOTION_TUNING.slice().sort()) },
        { title: 'Direction tuning of T4 and T5' },
      ),
      figure(
        polarTuningPanel,
        { rows: edgeTuningRows(c, others) },
        { title: 'Direction tuning of the most selective other types' },
      ),
      figure(
        sortedBarsPanel,
        { rows: c.cellTypes.map((type, t) => ({ type, value: dsi[t] })), valueLabel: 'DSI (max of ON, OFF)' },
        { title: 'Direction selectivity index per cell type' },
      ),
    ],
  };
}

export function otherSections(c: Characterization): ReportSection[] {
  const sections: ReportSection[] = [];
  if (c.gratings) {
    const rows = c.cellTypes.map((type, t) => ({ type, value: c.gratings!.dsi[t] }));
    sections.push({
      heading: 'Gratings',
      text: 'Full-field drifting sine gratings: direction selectivity of the response amplitude at the grating frequency (F1), mean over periods and frequencies.',
      panels: [
        figure(
          sortedBarsPanel,
          { rows, valueLabel: 'grating DSI (F1)' },
          { title: 'Grating direction selectivity' },
        ),
      ],
    });
  }
  if (c.inforate) {
    const { bitsPerS, note, fMaxHz } = c.inforate;
    const rows = c.cellTypes
      .map((type, t) => ({ type, value: bitsPerS[t] }))
      .filter((r) => Number.isFinite(r.value));
    sections.push({
      heading: 'Information rate',
      text: `${note}; rates integrate up to ${fMaxHz} Hz (docs/information-rate.md).`,
      panels: rows.length
        ? [
            figure(
              sortedBarsPanel,
              { rows, valueLabel: 'information rate (bit/s)' },
              { title: 'Information rate per cell type' },
            ),
          ]
        : [],
    });
  }
  if (c.naturalistic) {
    const { source, nMovies } = c.naturalistic;
    sections.push({
      heading: 'Naturalistic movies',
      text: `${nMovies} ${source === 'sintel' ? 'Sintel (flyvis AugmentedSintel)' : 'procedural'} movies at dt 1/100 s. Mean ± std over movie frames; active fraction = fraction of frames with V > 0 (transmitting).`,
      panels: [figure(naturalStatsPanel, { rows: naturalRows(c), valueLabel: VOLTAGE })],
    });
  }
  for (const [name, r] of [
    ['Chirp', c.chirp],
    ['White noise', c.noise],
  ] as const) {
    if (!r) continue;
    sections.push({
      heading: name,
      panels: [
        figure(
          spectraPanel,
          { frequencyHz: r.frequencyHz, series: frequencySeries(c, r), valueLabel: r.label },
          { title: `${name}: response vs frequency` },
        ),
      ],
    });
  }
  if (c.examples.length > 0) {
    sections.push({
      heading: 'Stimuli',
      panels: [
        figure(stimulusFramesPanel, { frames: c.examples, columns: 5 }, { title: 'Example stimulus frames' }),
      ],
    });
  }
  return sections;
}
