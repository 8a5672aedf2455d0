import type { InformationRates } from '../analysis/inforate/informationRates.ts';
import type { RateSpectrum } from '../analysis/inforate/spectralRate.ts';
import { figure, type ReportFigure, type ReportMeta, type ReportInput, type ReportSection } from './html.ts';
import { sortedBarsPanel } from './panels/sortedBars.ts';
import { spectraPanel } from './panels/spectra.ts';
import { tablePanel } from './panels/table.ts';

/** Types drawn in the spectra figures: the best photoreceptor and the other types with the highest rates. */
const SHOWN_TYPES = 8;

function estimatorFigures(name: string, result: InformationRates, perType: RateSpectrum[]): ReportFigure[] {
  const { cellTypes, fMaxHz: fMax } = result;
  const rows = cellTypes.map((type, t) => ({ type, value: perType[t].rate }));
  const ranked = [...rows.keys()].sort((a, b) => rows[b].value - rows[a].value);
  const isInput = (t: number) => result.inputTypes.includes(cellTypes[t]);
  const top = [ranked.find(isInput)!, ...ranked.filter((t) => !isInput(t)).slice(0, SHOWN_TYPES - 1)];
  return [
    figure(
      sortedBarsPanel,
      { rows, valueLabel: `information rate (bit/s, up to ${fMax} Hz)` },
      { title: `Information rate per cell type, ${name} estimator` },
    ),
    figure(
      spectraPanel,
      {
        frequencyHz: perType[0].freqs,
        series: top.map((t) => ({ label: cellTypes[t], values: perType[t].snr })),
        valueLabel: 'SNR S/N',
      },
      {
        title: `Signal-to-noise ratio, ${name} estimator`,
        caption: `The photoreceptor and the ${SHOWN_TYPES - 1} other types with the highest rates; R = ∫ log2(1 + SNR) df up to ${fMax} Hz.`,
      },
    ),
  ];
}

function agreementTable(result: InformationRates): ReportFigure | undefined {
  const { linear, simulation } = result;
  if (linear?.status !== 'stable' || !simulation) return undefined;
  const rows = result.cellTypes.map((type, t) => {
    const lin = linear.perType[t].rate;
    const sim = simulation.perType[t].rate;
    return {
      type,
      lin,
      sim,
      diff: sim - lin,
      rel: lin > 0 ? (100 * (sim - lin)) / lin : NaN,
      clipped: simulation.perType[t].clippedBins,
    };
  });
  rows.sort((a, b) => b.lin - a.lin);
  return figure(
    tablePanel,
    {
      columns: [
        { key: 'type', label: 'cell type' },
        { key: 'lin', label: 'linear (bit/s)', digits: 2 },
        { key: 'sim', label: 'simulation (bit/s)', digits: 2 },
        { key: 'diff', label: 'difference (bit/s)', digits: 2 },
        { key: 'rel', label: 'difference (%)', digits: 1 },
        { key: 'clipped', label: 'clipped bins' },
      ],
      rows,
    },
    {
      title: 'Linear and simulation estimators side by side',
      caption:
        'The simulation estimator has a floor of about a bit/s from its noisy spectra (clipped bins count the bins with a negative bias-corrected signal); compare the types well above it.',
    },
  );
}

/** The `flyaux inforate` report: rates sorted per estimator, SNR spectra, and both estimators side by side. */
export function inforateReport(result: InformationRates, meta: ReportMeta): ReportInput {
  const o = result.options;
  const setting =
    o.stimulus === 'noise'
      ? `Stimulus: full-field Gaussian white luminance noise, mean 0.5, per-frame std ${o.contrast}, dt ${o.dt} s (rates up to ${result.fMaxHz} Hz).`
      : `Stimulus: procedural naturalistic movies, dt ${o.dt} s (rates up to ${result.fMaxHz} Hz).`;
  const noise = `Noise: input ${o.noise.inputStd.toExponential(3)} a.u./√Hz per photoreceptor (${o.noise.inputMode}), intrinsic ${o.noise.intrinsicStd.toExponential(3)} a.u./√Hz per node.`;
  const sections: ReportSection[] = [];
  const { linear, simulation } = result;
  if (linear) {
    sections.push(
      linear.status === 'stable'
        ? {
            heading: 'Linear estimator',
            text: `${setting}\n\n${noise}\n\nTransfer functions of the Euler map linearised at the grey fixed point (spectral radius ${linear.spectralRadius.toFixed(4)}); noise averaged over a ${linear.spectra.kGrid.join(' × ')} grid of the lattice's Fourier modes.`,
            panels: estimatorFigures('linear', result, linear.perType),
          }
        : { heading: 'Linear estimator', text: `No rate: ${linear.reason}.`, panels: [] },
    );
  }
  if (simulation) {
    const s = simulation.options;
    sections.push({
      heading: 'Simulation estimator',
      text: `${setting}\n\n${noise}\n\n${s.nRepeats} repeats of ${s.nFrames} frames on the lattice (after ${s.burnInFrames} frames of burn-in), Welch segments of ${s.segmentLength} samples, bias-corrected signal and noise spectra.`,
      panels: estimatorFigures('simulation', result, simulation.perType),
    });
  }
  const table = agreementTable(result);
  if (table) sections.push({ heading: 'Agreement of the estimators', panels: [table] });
  return { title: 'Information rate per cell type', subtitle: result.note, sections, meta };
}
