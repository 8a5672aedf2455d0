import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { FLASH_DEFAULTS, flashes } from '../../stimuli/flashes.ts';
import { sampleFrames, stimulusTime } from '../../stimuli/stimulusSet.ts';
import { flashKinetics } from '../flashKinetics.ts';
import type { FlashSet } from '../flashSet.ts';
import { flashResponseIndex } from '../fri.ts';
import { simulateSet } from './simulateSet.ts';
import type { FlashResult, ProtocolContext, ProtocolOutput } from './types.ts';

/** Radius of the FRI in the summary table (flyvis's figures). */
export const FRI_RADIUS = 6;

/**
 * flyvis's four flashes (OFF/ON × full field/radius 6, 1 s each between 1 s of grey) at flashDt after
 * a tGreyS grey steady state: FRI at radius 6 (MODEL_SPEC §5.2) and time-to-peak and transience of
 * the full-field flashes (DESIGN "Flash kinetics").
 */
export async function flashProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<FlashResult>> {
  const { options, tables, nTypes } = ctx;
  const dt = options.flashDt;
  const set = flashes({ dt, extent: tables.extent });
  const greyFrames = framesIn(options.tGreyS, dt);
  const central = await simulateSet(ctx, set, greyFrames);
  const time = stimulusTime(set);
  const flashSet: FlashSet = {
    data: central,
    nSamples: set.nSamples,
    nFrames: set.nFrames,
    nTypes,
    intensity: set.samples.map((s) => s.intensity as number),
    radius: set.samples.map((s) => s.radius as number),
    time,
    dt,
    tStim: FLASH_DEFAULTS.tStim,
  };
  const fri = flashResponseIndex(flashSet, FRI_RADIUS);
  const kinetics = flashKinetics(flashSet, -1);
  const onsetFrame = Math.round(set.tPre / dt);
  // One ON and one OFF example that show on a white page: the radius-6 ON flash and the full-field OFF flash.
  const examples = set.samples
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (s.intensity === 1) === (s.radius !== -1))
    .map(({ s, i }) => ({
      label: `${s.intensity === 1 ? 'ON' : 'OFF'} flash, ${s.radius === -1 ? 'full field' : `radius ${s.radius}`}`,
      values: sampleFrames(set, i).slice(onsetFrame * set.nHexals, (onsetFrame + 1) * set.nHexals),
    }));
  return {
    result: { fri, friFullField: flashResponseIndex(flashSet, -1), kinetics },
    responses: labeled({
      data: central,
      dims: ['sample', 'time', 'cell_type'],
      shape: [set.nSamples, set.nFrames, nTypes],
      coords: { time: Array.from(time), cell_type: tables.cellTypes },
      attrs: { samples: set.samples, dt, description: 'central voltage; time from flash onset (s)' },
    }),
    columns: { fri, time_to_peak_s: kinetics.timeToPeakS, transience: kinetics.transience },
    examples,
    settings: {
      dt,
      grey_before_s: greyFrames * dt,
      t_pre_s: FLASH_DEFAULTS.tPre,
      t_stim_s: FLASH_DEFAULTS.tStim,
      samples: set.samples,
      fri_radius: FRI_RADIUS,
      kinetics_radius: -1,
    },
  };
}
