/** Reads rendered vega SVG back, for tests and for callers that check a figure is not empty. */

/** Number of items of one vega mark type (e.g. 'rect', 'symbol', 'line', 'rule', 'text', 'area'). */
export function countMarks(svg: string, markType: string): number {
  let count = 0;
  const open = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>`, 'g');
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    // A mark group of a non-group mark holds only leaf elements, so it ends at the next </g>.
    const body = svg.slice(m.index + m[0].length, svg.indexOf('</g>', m.index));
    count += body.match(/<(path|line|text|rect|image)\b/g)?.length ?? 0;
  }
  return count;
}

/** The fill colours of the items of one mark type, in drawing order. */
export function markFills(svg: string, markType: string): string[] {
  const fills: string[] = [];
  const open = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>`, 'g');
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    const body = svg.slice(m.index + m[0].length, svg.indexOf('</g>', m.index));
    for (const item of body.match(/<(path|line|rect)\b[^>]*>/g) ?? [])
      fills.push(/\sfill="([^"]*)"/.exec(item)?.[1] ?? '');
  }
  return fills;
}

/** All text content of the SVG (axis labels, legend entries, facet headers), in document order. */
export function svgTexts(svg: string): string[] {
  const entities: Record<string, string> = {
    '&lt;': '<',
    '&gt;': '>',
    '&amp;': '&',
    '&quot;': '"',
    '&#39;': "'",
  };
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e]),
  );
}
