import { labeled } from '../../engine/labeled.ts';
import { framesIn } from '../../engine/lattice.ts';
import { MOVING_EDGE_DEFAULTS, movingEdges } from '../../stimuli/movingEdge.ts';
import {
  sampleFrames,
  stimulusTime,
  validFrameCounts,
  type SampleArgs,
  type StimulusSet,
} from '../../stimuli/stimulusSet.ts';
import { directionSelectivity } from '../directionSelectivity.ts';
import { edgePeakResponses, edgeTimeWindow } from '../edgePeakResponses.ts';
import { plannedSteps, simulateSet } from './simulateSet.ts';
import type { EdgeResult, ExampleFrame, ProtocolContext, ProtocolOutput } from './types.ts';

/** Direction of the example edge frame in the report. */
const EXAMPLE_ANGLE = 60;

/**
 * flyvis's moving edges (MODEL_SPEC §4.3; 12 directions × ON/OFF × the chosen speeds) at edgeDt after
 * a tGreyS grey steady state; peak responses in flyvis's window, DSI and PD (§5.3). Rendered and
 * simulated one direction at a time: the whole stimulus set at 6 speeds is 0.45 GB.
 */
export async function edgeProtocol(ctx: ProtocolContext): Promise<ProtocolOutput<EdgeResult>> {
  const { options, tables, nTypes } = ctx;
  const dt = options.edgeDt;
  const angles = MOVING_EDGE_DEFAULTS.angles;
  const greyFrames = framesIn(options.tGreyS, dt);
  const build = (angle: number) =>
    movingEdges({
      angles: [angle],
      speeds: options.edgeSpeeds,
      dt,
      tPost: options.edgeTPostS,
      extent: tables.extent,
    });

  const parts: Float32Array[] = [];
  const samples: SampleArgs[] = [];
  let example: ExampleFrame | undefined;
  let time: Float64Array | undefined;
  let firstSteps: number | undefined;
  for (const [a, angle] of angles.entries()) {
    const set = build(angle);
    time ??= stimulusTime(set);
    checkWindowCovered(set);
    samples.push(...set.samples);
    if (angle === EXAMPLE_ANGLE) example = exampleFrame(set);
    // Announce all directions with the first (on the full lattice they need the same steps), then correct.
    const steps = plannedSteps(set);
    firstSteps ??= steps;
    ctx.onPlanned?.(a === 0 ? steps * angles.length : steps - firstSteps);
    parts[a] = await simulateSet(ctx, set, greyFrames, false);
  }
  const nFrames = time!.length;
  const central = new Float32Array(samples.length * nFrames * nTypes);
  let offset = 0;
  for (const part of parts) {
    central.set(part, offset);
    offset += part.length;
  }
  const conditions = {
    angle: samples.map((s) => s.angle as number),
    intensity: samples.map((s) => s.intensity as number),
    width: samples.map((s) => s.width as number),
    speed: samples.map((s) => s.speed as number),
  };
  const peaks = edgePeakResponses({
    data: central,
    nSamples: samples.length,
    nFrames,
    nTypes,
    time: time!,
    ...conditions,
  });
  const { dsi, pdDeg } = directionSelectivity(peaks, nTypes, conditions);
  const column = (values: Float64Array, intensity: number) =>
    Float64Array.from({ length: nTypes }, (_, t) => values[2 * t + intensity]);
  return {
    result: { peaks, conditions, dsi, pdDeg },
    responses: labeled({
      data: central,
      dims: ['sample', 'time', 'cell_type'],
      shape: [samples.length, nFrames, nTypes],
      coords: { time: Array.from(time!), cell_type: tables.cellTypes },
      attrs: {
        samples,
        dt,
        description: 'central voltage; time from edge onset (s); NaN after a sample ends',
      },
    }),
    columns: {
      dsi_on: column(dsi, 1),
      dsi_off: column(dsi, 0),
      pd_on_deg: column(pdDeg, 1),
      pd_off_deg: column(pdDeg, 0),
    },
    examples: example ? [example] : [],
    settings: {
      dt,
      grey_before_s: greyFrames * dt,
      speeds: options.edgeSpeeds,
      angles,
      intensities: MOVING_EDGE_DEFAULTS.intensities,
      height: MOVING_EDGE_DEFAULTS.height,
      t_pre_s: MOVING_EDGE_DEFAULTS.tPre,
      t_post_s: options.edgeTPostS,
      post_pad_mode: MOVING_EDGE_DEFAULTS.postPadMode,
      n_samples: samples.length,
      n_frames: nFrames,
    },
  };
}

/** flyvis's peak window must lie inside every sample's frames; a short edgeTPostS would cut it. */
function checkWindowCovered(set: StimulusSet): void {
  const valid = validFrameCounts(set);
  set.samples.forEach((s, i) => {
    const [, tEnd] = edgeTimeWindow(s.speed as number);
    // Time of the first frame the sample does not have (frame·dt − tPre, as stimulusTime).
    const firstMissing = valid[i] * set.dt - set.tPre;
    if (firstMissing <= tEnd) {
      throw new Error(
        `Error in characterize: edgeTPostS is too short: edges at speed ${s.speed} col/s need frames up to ${tEnd.toFixed(4)} s after onset (flyvis's peak window), but end at ${(firstMissing - set.dt).toFixed(4)} s`,
      );
    }
  });
}

/** The OFF edge (dark on grey shows on a white page) at the first speed, half-way across the central column. */
function exampleFrame(set: StimulusSet): ExampleFrame {
  const i = set.samples.findIndex((s) => s.intensity === 0);
  const { angle, speed, t_stim: tStim } = set.samples[i];
  const frame = Math.round(((tStim as number) / 2 + set.tPre) / set.dt);
  return {
    label: `OFF edge, ${angle}°, ${speed} col/s`,
    values: sampleFrames(set, i).slice(frame * set.nHexals, (frame + 1) * set.nHexals),
  };
}
