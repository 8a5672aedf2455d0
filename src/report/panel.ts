import type { TopLevelSpec } from 'vega-lite';
import { specToSvg } from './vegaSvg.ts';

/**
 * A named report panel: turns plain data into an HTML fragment. `render` is declared as a method so that
 * a `Panel<GreySteadyStateData>` can stand in a list of `Panel<unknown>`.
 */
export interface Panel<D> {
  /** Unique, prefixed like 'flyaux:grey-steady-state'. */
  name: string;
  title: string;
  render(data: D): Promise<string>;
}

/** A panel drawn by vega-lite: `render` returns the bare `<svg>` element, so it can also go to `svgToPng`. */
export interface VegaPanel<D> extends Panel<D> {
  spec(data: D): TopLevelSpec;
}

export function vegaPanel<D>(definition: {
  name: string;
  title: string;
  spec: (data: D) => TopLevelSpec;
}): VegaPanel<D> {
  const { name, title, spec } = definition;
  return { name, title, spec, render: (data: D) => specToSvg(spec(data)) };
}

/** Throws "Error in <panel>: …" when a check on the input data fails; the message is built only on failure. */
export function check(ok: boolean, panel: string, message: () => string): asserts ok {
  if (!ok) throw new Error(`Error in ${panel}: ${message()}`);
}
