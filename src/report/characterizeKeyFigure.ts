import type { Characterization } from '../analysis/characterize/index.ts';
import { MOTION_TUNING } from '../analysis/groundtruth.ts';
import { edgeTuningRows, flashTraces, greyPanelData } from './characterizeData.ts';
import { combineSvgs, svgSize } from './combineSvgs.ts';
import {
  flashTracesPanel,
  greySteadyStatePanel,
  polarTuningPanel,
  stimulusFramesPanel,
} from './panels/index.ts';

/** Places SVGs left to right, tops aligned (combineSvgs stacks them top to bottom). */
function besideSvgs(svgs: readonly string[], gap = 16): string {
  const sizes = svgs.map(svgSize);
  const width = sizes.reduce((sum, s) => sum + s.width, 0) + gap * (svgs.length - 1);
  const height = Math.max(...sizes.map((s) => s.height));
  let x = 0;
  const parts = svgs.map((svg, i) => {
    const placed = svg.replace(/^\s*<svg\b/, `<svg x="${x}" y="0"`);
    x += sizes[i].width + gap;
    return placed;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="white"/>` +
    `${parts.join('')}</svg>`
  );
}

/** Types whose flash responses the key figure shows: lamina and medulla inputs of T4/T5, and T4a/T5a. */
const KEY_FLASH_TYPES = ['L1', 'L2', 'L3', 'Mi1', 'Tm3', 'Mi9', 'Tm9', 'T4a'];

/**
 * The README picture, as one SVG: grey steady states on the left; stimulus frames, a few flash
 * responses and T4/T5 tuning on the right (each where its protocol ran).
 */
export async function characterizeKeyFigureSvg(c: Characterization): Promise<string> {
  const right: Promise<string>[] = [];
  if (c.examples.length > 0) right.push(stimulusFramesPanel.render({ frames: c.examples, columns: 4 }));
  if (c.flashes) {
    const { timeS, traces } = flashTraces(c);
    const shown = traces.filter((t) => KEY_FLASH_TYPES.includes(t.type));
    right.push(
      flashTracesPanel.render({ timeS, traces: shown, valueLabel: 'voltage (a.u.)', onsetS: 0, columns: 4 }),
    );
  }
  if (c.edges) right.push(polarTuningPanel.render({ rows: edgeTuningRows(c, MOTION_TUNING.slice().sort()) }));
  const column = right.length > 0 ? [combineSvgs(await Promise.all(right))] : [];
  const parts = [...(c.grey ? [await greySteadyStatePanel.render(greyPanelData(c))] : []), ...column];
  if (parts.length === 0) {
    throw new Error(
      'Error in characterizeKeyFigureSvg: expected grey, flashes, edges or stimulus frames, but none were run',
    );
  }
  return besideSvgs(parts, 32);
}
