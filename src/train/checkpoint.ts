import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/files.ts';
import type { TrainState } from './loop.ts';

const FORMAT = 'flyaux-train-checkpoint';

const arrays = (l: TrainState['latent']) => ({
  bias: [...l.bias],
  tauS: [...l.tauS],
  strength: [...l.strength],
});
const typed = (l: { bias: number[]; tauS: number[]; strength: number[] }) => ({
  bias: Float64Array.from(l.bias),
  tauS: Float64Array.from(l.tauS),
  strength: Float64Array.from(l.strength),
});

/** Writes the complete training state atomically (JSON numbers round-trip float64 exactly). */
export function saveCheckpoint(path: string, state: TrainState): void {
  const content = {
    format: FORMAT,
    iteration: state.iteration,
    latent: arrays(state.latent),
    optimizer: { step: state.optimizer.step, m: arrays(state.optimizer.m), v: arrays(state.optimizer.v) },
  };
  writeFileAtomic(path, JSON.stringify(content));
}

export function loadCheckpoint(path: string): TrainState {
  if (!existsSync(path)) throw new Error(`cannot resume: no checkpoint at ${path}`);
  let c: {
    format?: string;
    iteration: number;
    latent: { bias: number[]; tauS: number[]; strength: number[] };
    optimizer: { step: number; m: typeof c.latent; v: typeof c.latent };
  };
  try {
    c = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot resume: checkpoint ${path} is not valid JSON (${(e as Error).message})`);
  }
  if (c.format !== FORMAT) throw new Error(`cannot resume: ${path} is not a flyaux training checkpoint`);
  return {
    iteration: c.iteration,
    latent: typed(c.latent),
    optimizer: { step: c.optimizer.step, m: typed(c.optimizer.m), v: typed(c.optimizer.v) },
  };
}
