import { assembleMovingBars, MOVING_BAR_DEFAULTS, type MovingBarOptions } from './movingBar.ts';
import { resolveOptions } from './options.ts';
import type { StimulusSet } from './stimulusSet.ts';

/** Moving edges: a bar 80 LEDs (180°) wide whose centre starts at the left border (flyvis MovingEdge). */
export type MovingEdgeOptions = Omit<MovingBarOptions, 'widths' | 'barLocHorizontal'>;

/**
 * Defaults of flyvis `moving_edge_responses`: full-screen height 80 LEDs (the MovingEdge class
 * default is 9), hold the last frame after the edge has passed.
 */
export const MOVING_EDGE_DEFAULTS: MovingEdgeOptions = {
  offsets: MOVING_BAR_DEFAULTS.offsets,
  intensities: [0, 1],
  speeds: [2.4, 4.8, 9.7, 13, 19, 25],
  height: 80,
  angles: MOVING_BAR_DEFAULTS.angles,
  postPadMode: 'continue',
  tPre: 1,
  tPost: 1,
  dt: 1 / 200,
  background: 0.5,
  extent: 15,
};

/**
 * ON (intensity 1) and OFF (0) edges moving in each direction at each speed. Sample order
 * angle × width (80) × intensity × speed; rows angle, width, intensity, t_stim, speed.
 */
export function movingEdges(options: Partial<MovingEdgeOptions> = {}): StimulusSet {
  const o = resolveOptions('movingEdges', MOVING_EDGE_DEFAULTS, options);
  return assembleMovingBars('movingEdges', { ...o, widths: [80], barLocHorizontal: 0 });
}
