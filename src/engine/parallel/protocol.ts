import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import type { GradBackward, GradBlockJob, GradForward } from '../grads/gradBlock.ts';
import type { BlockJob, BlockResult } from '../simulateBlock.ts';

/**
 * Messages between the main thread and a pool worker. Every request names the network and
 * parameter set it runs on; the tables travel only when the worker does not hold them yet
 * (`PoolWorker.cache`), the parameters (a few thousand numbers) every time.
 */
export interface RunContext {
  tablesId: number;
  tables?: NetworkTables;
  /** Identifies `params` for the worker's kernel cache: equal ids mean equal parameters. */
  paramsId: number;
  params: Params;
}

export type WorkerRequest =
  | { kind: 'simulate'; context: RunContext; job: BlockJob }
  /** Runs the forward pass and keeps the block for the next gradBackward. */
  | { kind: 'gradForward'; context: RunContext; job: GradBlockJob }
  | { kind: 'gradBackward'; dCentral: Float32Array };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'error'; message: string; stack?: string }
  | { kind: 'simulate'; result: BlockResult }
  | { kind: 'gradForward'; result: GradForward }
  | { kind: 'gradBackward'; result: GradBackward };
