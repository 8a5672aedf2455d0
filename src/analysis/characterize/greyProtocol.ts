import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { solveFixedPoint } from '../../engine/reduced/fixedPoint.ts';
import { buildReducedStructure } from '../../engine/reduced/structure.ts';
import { greyStats } from '../greyStats.ts';
import type { GreyResult, ProtocolContext, ProtocolOutput } from './types.ts';

const FIXED_POINT_NOTE = {
  unstable: 'no stable fixed point',
  'not-found': 'no fixed point found',
} as const;

/**
 * Grey screen (DESIGN "Grey screen"): the lattice from the bias state under grey 0.5 for
 * greyDurationS at greyDt; steady state, drift over the last second and settle time per type, and
 * beside it the reduced engine's fixed point where a stable one exists (else a note in the table).
 */
export async function greyProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<GreyResult>> {
  const { tables, params, options, nTypes } = ctx;
  const dt = options.greyDt;
  const nFrames = framesIn(options.greyDurationS, dt);
  const run = await ctx.grey.after(dt, nFrames, ctx);
  const time = Array.from({ length: nFrames }, (_, k) => (k + 1) * dt);
  const stats = greyStats({ data: run.trace, nFrames, nTypes, time });

  const structure = buildReducedStructure(tables);
  const solved = solveFixedPoint(structure, params, { dt });
  const fixedPoint = new Float64Array(nTypes).fill(NaN);
  let spectralRadius = NaN;
  if (solved.status === 'stable') {
    const state = solved.fixedPoint.state;
    for (let t = 0; t < nTypes; t++) fixedPoint[t] = state[structure.centralUnit[t]];
    spectralRadius = solved.fixedPoint.spectralRadius;
  } else if (solved.candidates.length > 0) {
    spectralRadius = Math.min(...solved.candidates.map((c) => c.spectralRadius));
  }
  const fixedPointColumn =
    solved.status === 'stable' ? fixedPoint : new Array<string>(nTypes).fill(FIXED_POINT_NOTE[solved.status]);

  return {
    result: { stats, fixedPoint, fixedPointStatus: solved.status, spectralRadius },
    responses: labeled({
      data: run.trace,
      dims: ['time', 'cell_type'],
      coords: { time, cell_type: tables.cellTypes },
      attrs: {
        description: 'central voltage under grey 0.5 from the bias state; time = seconds of grey',
        dt,
      },
    }),
    columns: {
      grey_steady_state: stats.steadyState,
      grey_fixed_point: fixedPointColumn,
      grey_drift_per_s: stats.driftPerS,
      grey_settle_s: stats.settleS,
    },
    examples: [],
    settings: {
      engine: 'lattice (fixed point: reduced engine)',
      dt,
      duration_s: nFrames * dt,
      n_frames: nFrames,
      start: 'bias state',
      luminance: 0.5,
      drift_window_s: 1,
      settle_tolerance: 1e-3,
      fixed_point_status: solved.status,
      euler_spectral_radius: spectralRadius,
    },
  };
}
