import type { LatticeEngine } from '../../engine/lattice.ts';

/** One lattice run: a batch of samples of equal length from given initial states. */
export interface SimulationJob {
  /** nSamples × nFrames × nHexals luminance. */
  stimulus: Float32Array;
  nSamples: number;
  nFrames: number;
  dt: number;
  /** nNodes (shared by every sample) or nSamples × nNodes voltages. */
  initialState: Float32Array;
}

/**
 * Runs a job on the engine (which spreads a batch over its threads), then lets the event loop turn
 * once, so that timers — a progress bar's redraws — run between jobs of a long protocol.
 */
export async function runJob(
  engine: LatticeEngine,
  job: SimulationJob,
): Promise<{ central: Float32Array; finalState: Float32Array }> {
  const { central, finalState } = engine.simulate(job);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { central, finalState };
}
