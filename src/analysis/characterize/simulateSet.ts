import { validFrameCounts, type StimulusSet } from '../../stimuli/stimulusSet.ts';
import { shiftDivergence, type GreyRuns } from './greyRuns.ts';
import type { LatticeEngine } from '../../engine/lattice.ts';
import { runJob } from './runJob.ts';

export interface SetContext {
  engine: LatticeEngine;
  grey: GreyRuns;
  nTypes: number;
  /** Samples per job. */
  batchSize: number;
  /** Sample-steps about to be simulated (called once per set) and done (called per job). */
  onPlanned?: (steps: number) => void;
  onSteps?: (steps: number) => void;
}

/** Frames per job: jobs continue from the previous job's state, so that progress shows during long samples. */
const FRAMES_PER_JOB = 100;

interface Group {
  prefix: number;
  valid: number;
  samples: number[];
}

/** Leading frames of a sample in which every hexal shows exactly grey 0.5. */
function greyPrefix(set: StimulusSet, sample: number, valid: number): number {
  const { frames, nFrames, nHexals } = set;
  for (let f = 0; f < valid; f++) {
    const start = (sample * nFrames + f) * nHexals;
    for (let h = 0; h < nHexals; h++) if (frames[start + h] !== 0.5) return f;
  }
  return valid;
}

/** Samples grouped by (grey prefix, valid length): each group shares its start state and job shapes. */
function sampleGroups(set: StimulusSet): Group[] {
  const valid = validFrameCounts(set);
  const groups = new Map<string, Group>();
  for (let s = 0; s < set.nSamples; s++) {
    const prefix = greyPrefix(set, s, valid[s]);
    const key = `${prefix}|${valid[s]}`;
    if (!groups.has(key)) groups.set(key, { prefix, valid: valid[s], samples: [] });
    groups.get(key)!.samples.push(s);
  }
  return [...groups.values()];
}

/** Sample-steps simulateSet runs for a set, besides the shared grey run. */
export function plannedSteps(set: StimulusSet, groups = sampleGroups(set)): number {
  return groups.reduce((n, g) => n + g.samples.length * (g.valid - g.prefix), 0);
}

/**
 * Central responses (nSamples × nFrames × nTypes) to every sample of a set, each started after
 * `greyFrames` grey frames at the set's dt from the bias state (flyvis: the grey steady state).
 * Frames after a sample's NaN padding stay NaN. The grey frames a sample opens with are taken from
 * the shared grey run (the same float32 steps, so the result equals simulating them per sample);
 * samples of equal grey prefix and length run together in batches of `batchSize`, each as a chain
 * of jobs of FRAMES_PER_JOB frames (again the same steps: the state is handed on whole).
 * `announce` = false leaves the set's steps out of ctx.onPlanned (the caller announced them).
 */
export async function simulateSet(
  ctx: SetContext,
  set: StimulusSet,
  greyFrames: number,
  announce = true,
): Promise<Float32Array> {
  const { nSamples, nFrames, nHexals, dt } = set;
  const { nTypes } = ctx;
  const out = new Float32Array(nSamples * nFrames * nTypes).fill(NaN);
  const groups = sampleGroups(set);
  if (announce) ctx.onPlanned?.(plannedSteps(set, groups));

  const runBatch = async (batch: number[], prefix: number, length: number, initial: Float32Array) => {
    let state = initial;
    for (let f0 = prefix; f0 < length; f0 += FRAMES_PER_JOB) {
      const m = Math.min(FRAMES_PER_JOB, length - f0);
      const stimulus = new Float32Array(batch.length * m * nHexals);
      batch.forEach((s, b) => {
        const from = (s * nFrames + f0) * nHexals;
        stimulus.set(set.frames.subarray(from, from + m * nHexals), b * m * nHexals);
      });
      const job = {
        stimulus,
        nSamples: batch.length,
        nFrames: m,
        dt,
        initialState: state,
      };
      const { central, finalState } = await runJob(ctx.engine, job).catch((e: unknown) => {
        throw shiftDivergence(e, greyFrames + f0, dt);
      });
      batch.forEach((s, b) => {
        out.set(central.subarray(b * m * nTypes, (b + 1) * m * nTypes), (s * nFrames + f0) * nTypes);
      });
      ctx.onSteps?.(batch.length * m);
      state = finalState;
    }
  };

  const runGroup = async ({ prefix, valid: length, samples }: Group) => {
    const start = await ctx.grey.after(dt, greyFrames + prefix, ctx);
    for (const s of samples) {
      // Row greyFrames + f of the grey trace is the state after the set's grey frame f.
      out.set(
        start.trace.subarray(greyFrames * nTypes, (greyFrames + prefix) * nTypes),
        s * nFrames * nTypes,
      );
    }
    const batches: Promise<void>[] = [];
    for (let k = 0; k < samples.length; k += ctx.batchSize) {
      batches.push(runBatch(samples.slice(k, k + ctx.batchSize), prefix, length, start.state));
    }
    await Promise.all(batches);
  };
  await Promise.all(groups.map(runGroup));
  return out;
}
