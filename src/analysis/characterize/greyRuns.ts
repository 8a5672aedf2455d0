import { DivergenceError } from '../../engine/divergence.ts';
import type { LatticeEngine } from '../../engine/lattice.ts';
import { runJob } from './runJob.ts';

export interface GreyRun {
  /** Grey (0.5) frames simulated from the bias state. */
  frames: number;
  /** Voltages of every node after them. */
  state: Float32Array;
  /** frames × nTypes central voltages; row k is the state after k + 1 grey frames. */
  trace: Float32Array;
}

export interface GreyRuns {
  /**
   * The run of `frames` grey frames at `dt` from the bias state, continued from the longest shorter
   * one already made; `progress` hears of the frames this call simulates.
   */
  after(dt: number, frames: number, progress?: StepProgress): Promise<GreyRun>;
}

export interface StepProgress {
  onPlanned?: (steps: number) => void;
  onSteps?: (steps: number) => void;
}

const GREY = 0.5;

/** A divergence in a job that started `frames` frames into a run, with step and time counted from the run's start. */
export function shiftDivergence(e: unknown, frames: number, dt: number): unknown {
  if (!(e instanceof DivergenceError)) return e;
  return new DivergenceError(e.step + frames, (e.step + frames + 1) * dt, e.cellTypes, e.bound);
}

/**
 * Memoised grey-screen runs from the bias state. The grey steady states before flashes and edges and
 * the grey frames every sample of a protocol starts with are the same run, so each is simulated once.
 */
export function greyRuns(
  engine: LatticeEngine,
  biasState: Float32Array,
  nHexals: number,
  nTypes: number,
): GreyRuns {
  const runs = new Map<number, Map<number, Promise<GreyRun>>>();
  const base: GreyRun = { frames: 0, state: biasState, trace: new Float32Array(0) };

  function after(dt: number, frames: number, progress: StepProgress = {}): Promise<GreyRun> {
    if (!Number.isInteger(frames) || frames < 0) {
      throw new Error(`Error in greyRuns: frames must be an integer ≥ 0, got ${frames}`);
    }
    if (!runs.has(dt)) runs.set(dt, new Map([[0, Promise.resolve(base)]]));
    const ofDt = runs.get(dt)!;
    const known = ofDt.get(frames);
    if (known) return known;
    const from = Math.max(...[...ofDt.keys()].filter((k) => k < frames));
    progress.onPlanned?.(frames - from);
    const run = ofDt.get(from)!.then(async (start) => {
      const n = frames - start.frames;
      const job = {
        stimulus: new Float32Array(n * nHexals).fill(GREY),
        nSamples: 1,
        nFrames: n,
        dt,
        initialState: start.state,
      };
      const { central, finalState } = await runJob(engine, job).catch((e: unknown) => {
        throw shiftDivergence(e, start.frames, dt);
      });
      const trace = new Float32Array(frames * nTypes);
      trace.set(start.trace);
      trace.set(central, start.frames * nTypes);
      progress.onSteps?.(n);
      return { frames, state: finalState, trace };
    });
    ofDt.set(frames, run);
    return run;
  }

  return { after };
}
