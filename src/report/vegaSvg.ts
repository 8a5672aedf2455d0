import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { VEGA_CONFIG } from './theme.ts';

/**
 * Compiles a vega-lite spec and renders it to an SVG string in Node (no DOM, no canvas).
 * A vega-lite warning means the panel's spec is wrong, so it is an error here rather than noise on the console.
 */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const compiled = compile(spec, { config: VEGA_CONFIG, logger }).spec;
  if (warnings.length > 0) throw new Error(`Error in specToSvg: vega-lite warned: ${warnings.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Rounds the numbers in geometry attributes to 2 decimals (1/100 px): vega writes full double precision,
 * which makes a 65-facet trace plot several megabytes.
 */
export function compactSvg(svg: string): string {
  return svg.replace(
    /\s(d|transform|points|[xy][12]?|width|height)="([^"]*)"/g,
    (_, name: string, value: string) => {
      const rounded = value.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (num) =>
        String(Math.round(Number(num) * 100) / 100),
      );
      return ` ${name}="${rounded}"`;
    },
  );
}

export interface PngOptions {
  /** Pixels per SVG unit. @default 2 */
  scale?: number;
}

/**
 * Rasterises an SVG string to PNG bytes with resvg. Text needs a font: resvg scans the system fonts
 * (on Debian fonts-dejavu-core is in the base image); where none is installed, text is silently not drawn
 * while marks still are — install fonts-dejavu-core to get labels.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(scale > 0)) throw new Error(`Error in svgToPng: scale must be positive, but got ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Spec → PNG bytes (renders the SVG first). */
export async function specToPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  return svgToPng(await specToSvg(spec), options);
}
