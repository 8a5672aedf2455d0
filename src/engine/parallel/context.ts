import type { NetworkTables } from '../../connectome/tables.ts';
import type { Params } from '../../network/params.ts';
import { networkKernels } from '../kernelRegistry.ts';
import type { PoolWorker } from './pool.ts';
import type { RunContext } from './protocol.ts';

/** What a worker needs to rebuild an engine's kernels: the network and fixed parameters, by id. */
export interface EngineIdentity {
  tables: NetworkTables;
  tablesId: number;
  params: Params;
  paramsId: number;
}

/** The context of a request to `worker`, with the tables only if it does not hold them yet. */
export function runContext(worker: PoolWorker, engine: EngineIdentity): RunContext {
  const context: RunContext = {
    tablesId: engine.tablesId,
    tables:
      worker.cache.tablesId === engine.tablesId ? undefined : networkKernels(engine.tables).sharedTables,
    paramsId: engine.paramsId,
    params: engine.params,
  };
  worker.cache.tablesId = engine.tablesId;
  return context;
}

/** The arrays one after another in a new array (the array itself if there is one). */
export function concatFloat32(arrays: Float32Array[]): Float32Array {
  if (arrays.length === 1) return arrays[0];
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/**
 * Runs this thread's share, then reads one reply per posted request (undefined where nothing was
 * posted), also when this thread's share throws, so no reply is left on a port for a later call.
 */
export function withReplies<T, R>(here: () => T, receive: (() => R | undefined)[]): [T, (R | undefined)[]] {
  const drain = () => receive.map((r) => r());
  let result: T;
  try {
    result = here();
  } catch (e) {
    drain();
    throw e;
  }
  return [result, drain()];
}
