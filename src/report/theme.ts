import type { Config } from 'vega-lite';

/** Fonts that Debian ships (fonts-dejavu-core, fonts-liberation) first, then the usual fallbacks. */
export const FONT_STACK = 'DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif';

/** Colours shared by all panels, so ON/OFF and before/after mean the same colour everywhere. */
export const COLORS = {
  on: '#d95f02',
  off: '#1f78b4',
  unknown: '#a0a0a0',
  before: '#9a9a9a',
  after: '#1b9e77',
  band: '#cfe8d9',
  ink: '#222222',
  guide: '#d0d0d0',
} as const;

/** Categorical colours for series without a fixed meaning (targets in a loss curve, spectra). */
export const SERIES_COLORS = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#666666',
];

/** The vega-lite config every panel is compiled with. */
export const VEGA_CONFIG: Config = {
  font: FONT_STACK,
  // Per-mark ARIA labels would triple the SVG size (one label per hexal or trace point); captions describe figures.
  aria: false,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFontSize: 10,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelColor: COLORS.ink,
    titleColor: COLORS.ink,
  },
  legend: {
    labelFontSize: 10,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    orient: 'top',
    symbolOpacity: 1,
  },
  header: { labelFontSize: 10, titleFontSize: 11 },
  title: { fontSize: 12, fontWeight: 'normal' },
};
