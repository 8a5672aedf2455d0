/**
 * Prefixes every id in an HTML/SVG fragment and the references to it (url(#…), href="#…"). Several inline
 * SVGs in one page share one id space, and vega numbers its clip paths and gradients per process, so two
 * figures rendered in different processes could otherwise clip each other's marks.
 */
export function scopeSvgIds(fragment: string, prefix: string): string {
  return fragment
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}
