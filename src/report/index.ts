export { specToSvg, svgToPng, specToPng, compactSvg, type PngOptions } from './vegaSvg.ts';
export { combineSvgs, svgSize } from './combineSvgs.ts';
export { vegaPanel, type Panel, type VegaPanel } from './panel.ts';
export {
  renderReport,
  writeReport,
  figure,
  type ReportInput,
  type ReportSection,
  type ReportFigure,
  type ReportMeta,
} from './html.ts';
export { decimateMinMax } from './decimate.ts';
export { countMarks, markFills, svgTexts } from './svgMarks.ts';
export { COLORS, FONT_STACK } from './theme.ts';
export * from './panels/index.ts';
