/** Reads the pixel size vega writes on the root element of an SVG string. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const width = Number(/\swidth="([\d.]+)"/.exec(root ?? '')?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root ?? '')?.[1]);
  if (!root || !(width > 0) || !(height > 0)) {
    throw new Error(
      `Error in svgSize: expected an <svg> root with width and height, but got '${svg.slice(0, 80)}'`,
    );
  }
  return { width, height };
}

/**
 * Stacks panel SVGs top to bottom into one SVG (nested <svg> elements at their offsets) — the whole figure
 * as one picture, e.g. for a README image via `svgToPng`.
 */
export function combineSvgs(svgs: readonly string[], options: { gap?: number } = {}): string {
  if (svgs.length === 0) throw new Error('Error in combineSvgs: expected at least one SVG, but got none');
  const gap = options.gap ?? 16;
  const sizes = svgs.map(svgSize);
  const width = Math.max(...sizes.map((s) => s.width));
  const height = sizes.reduce((sum, s) => sum + s.height, 0) + gap * (svgs.length - 1);
  let y = 0;
  const parts = svgs.map((svg, i) => {
    const placed = svg.replace(/^\s*<svg\b/, `<svg x="0" y="${y}"`);
    y += sizes[i].height + gap;
    return placed;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="white"/>` +
    `${parts.join('')}</svg>`
  );
}
