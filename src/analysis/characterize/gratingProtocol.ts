import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { GRATING_DEFAULTS, gratings } from '../../stimuli/gratings.ts';
import { sampleFrames, stimulusTime } from '../../stimuli/stimulusSet.ts';
import { gratingDirectionTuning, gratingF1 } from './gratingTuning.ts';
import { simulateSet } from './simulateSet.ts';
import type { GratingResult, ProtocolContext, ProtocolOutput } from './types.ts';

/**
 * Full-field drifting sine gratings (DESIGN "Gratings": 12 directions × periods (default 4 and 8
 * columns) × temporal frequencies (default 1, 2, 4 Hz), contrast 1, 2 s) at naturalDt after a tGreyS grey steady state; the F1 amplitude per
 * sample and its direction tuning per type. No summary column: the report shows the tuning.
 */
export async function gratingProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<GratingResult>> {
  const { options, tables, nTypes } = ctx;
  const dt = options.naturalDt;
  const set = gratings({
    dt,
    periods: options.gratingPeriods,
    temporalFrequencies: options.gratingFrequenciesHz,
    extent: tables.extent,
  });
  const greyFrames = framesIn(options.tGreyS, dt);
  const central = await simulateSet(ctx, set, greyFrames);
  const time = stimulusTime(set);
  const conditions = {
    angle: set.samples.map((s) => s.angle as number),
    period: set.samples.map((s) => s.period as number),
    temporalFrequency: set.samples.map((s) => s.temporal_frequency as number),
  };
  const responses = { data: central, nSamples: set.nSamples, nFrames: set.nFrames, nTypes };
  const f1 = gratingF1(responses, time, conditions.temporalFrequency, GRATING_DEFAULTS.tStim);
  const group = set.samples.map((s) => `${s.period}|${s.temporal_frequency}`);
  const { dsi, pdDeg } = gratingDirectionTuning(f1, nTypes, { angle: conditions.angle, group });
  const exampleSample = set.samples.findIndex((s) => s.angle === 30);
  const frame = Math.round(set.tPre / dt) + 10;
  return {
    result: { f1, conditions, dsi, pdDeg },
    responses: labeled({
      data: central,
      dims: ['sample', 'time', 'cell_type'],
      shape: [set.nSamples, set.nFrames, nTypes],
      coords: { time: Array.from(time), cell_type: tables.cellTypes },
      attrs: { samples: set.samples, dt, description: 'central voltage; time from grating onset (s)' },
    }),
    columns: {},
    examples: [
      {
        label: `grating, 30°, period ${set.samples[exampleSample].period} col`,
        values: sampleFrames(set, exampleSample).slice(frame * set.nHexals, (frame + 1) * set.nHexals),
      },
    ],
    settings: {
      dt,
      grey_before_s: greyFrames * dt,
      angles: GRATING_DEFAULTS.angles,
      periods_columns: options.gratingPeriods,
      temporal_frequencies_hz: options.gratingFrequenciesHz,
      contrast: GRATING_DEFAULTS.contrast,
      t_pre_s: GRATING_DEFAULTS.tPre,
      t_stim_s: GRATING_DEFAULTS.tStim,
    },
  };
}
