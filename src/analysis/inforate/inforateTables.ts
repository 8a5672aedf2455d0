import { labeled, type Labeled } from '../../engine/labeled.ts';
import type { InformationRates } from './informationRates.ts';
import type { RateSpectrum } from './spectralRate.ts';

/** Columns of `flyaux inforate`'s inforate.csv, in this order. */
export const INFORATE_COLUMNS = [
  'cell_type',
  'rate_simulation_bits_per_s',
  'rate_linear_bits_per_s',
  'f_max_hz',
  'clipped_bins_simulation',
] as const;

/** Per type: both rates (empty where an estimator was not run, NaN where it has no number), f_max and clipped bins. */
export function formatInforateCsv(result: InformationRates): string {
  const linear = result.linear;
  const simulation = result.simulation;
  const number = (x: number) => (Number.isNaN(x) ? 'NaN' : String(x));
  const lines = [INFORATE_COLUMNS.join(',')];
  result.cellTypes.forEach((name, t) => {
    const lin = !linear ? '' : linear.status === 'stable' ? number(linear.perType[t].rate) : 'NaN';
    const sim = simulation ? number(simulation.perType[t].rate) : '';
    const clipped = simulation ? String(simulation.perType[t].clippedBins) : '';
    const quoted = /[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
    lines.push([quoted, sim, lin, number(result.fMaxHz), clipped].join(','));
  });
  return lines.join('\n') + '\n';
}

/**
 * Spectra of one estimator as a labelled array, quantity × cell_type × frequency (a.u.²/Hz; SNR
 * dimensionless): signal, noise and SNR, plus the linear estimator's input and intrinsic parts of N.
 */
export function rateSpectraArray(
  cellTypes: string[],
  perType: RateSpectrum[],
  extra: Record<string, Float64Array[]>,
  attrs: Record<string, unknown>,
): Labeled {
  const quantities: [string, (t: number) => ArrayLike<number>][] = [
    ['signal', (t) => perType[t].signal],
    ['noise', (t) => perType[t].noise],
    ['snr', (t) => perType[t].snr],
    ...Object.entries(extra).map(([name, values]): [string, (t: number) => ArrayLike<number>] => [
      name,
      (t) => values[t],
    ]),
  ];
  const freqs = Array.from(perType[0].freqs);
  const m = freqs.length;
  const data = new Float32Array(quantities.length * cellTypes.length * m);
  quantities.forEach(([, values], q) => {
    cellTypes.forEach((_, t) => data.set(values(t), (q * cellTypes.length + t) * m));
  });
  return labeled({
    data,
    dims: ['quantity', 'cell_type', 'frequency'],
    coords: { quantity: quantities.map(([name]) => name), cell_type: cellTypes, frequency: freqs },
    attrs: { units: { signal: 'a.u.^2/Hz', noise: 'a.u.^2/Hz', snr: '1', frequency: 'Hz' }, ...attrs },
  });
}

/** The spectra of every estimator that ran and has numbers, by file stem. */
export function inforateSpectra(result: InformationRates): Record<string, Labeled> {
  const out: Record<string, Labeled> = {};
  const { linear, simulation } = result;
  if (linear?.status === 'stable') {
    out.spectra_linear = rateSpectraArray(
      result.cellTypes,
      linear.perType,
      { input_noise: linear.spectra.inputNoise, intrinsic_noise: linear.spectra.intrinsicNoise },
      { estimator: 'linear', k_grid: linear.spectra.kGrid, f_max_hz: result.fMaxHz },
    );
  }
  if (simulation) {
    out.spectra_simulation = rateSpectraArray(
      result.cellTypes,
      simulation.perType,
      {},
      {
        estimator: 'simulation',
        n_repeats: simulation.options.nRepeats,
        segment_length: simulation.options.segmentLength,
        clipped_bins: simulation.perType.map((r) => r.clippedBins),
        f_max_hz: result.fMaxHz,
      },
    );
  }
  return out;
}
