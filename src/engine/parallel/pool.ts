import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
  type TransferListItem,
} from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

/**
 * A process-wide pool of worker threads for the engines, used synchronously: the main thread
 * posts a request, does its own share, then blocks (Atomics.wait) until the reply arrives on a
 * port it reads with receiveMessageOnPort, so `simulate` keeps its synchronous signature.
 * Workers start on first use, are reused by every engine, and are unref'd so they never keep the
 * process alive; closeWorkerPool() ends them explicitly.
 */
export interface PoolWorker {
  readonly index: number;
  post(request: WorkerRequest, transfer?: TransferListItem[]): void;
  /** Blocks until the reply to the last request; undefined if the worker died (run the work in-thread). */
  receive(): WorkerReply | undefined;
  /** What the worker holds, so senders can skip data it already has. */
  readonly cache: { tablesId?: number };
}

interface Slot extends PoolWorker {
  worker: Worker;
  alive: boolean;
}

/** Work (samples × frames × edges) below which a batch is not worth sending to workers by default. */
export const MIN_PARALLEL_EDGE_STEPS = 2e7;

/**
 * Threads used by default: $FLYAUX_THREADS if set (e.g. 1 on a machine whose other core is busy:
 * a second thread then only adds CPU time, see docs/benchmarks.md), else both cores of a 2-core
 * machine, never more than 2.
 */
export function defaultThreads(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = env.FLYAUX_THREADS;
  if (fromEnv !== undefined && fromEnv !== '') {
    const n = Number(fromEnv);
    if (!(Number.isInteger(n) && n >= 1)) {
      throw new Error(`Error in FLYAUX_THREADS: expected a positive integer, got '${fromEnv}'`);
    }
    return n;
  }
  return Math.min(2, availableParallelism());
}

/**
 * Threads for `work` edge-steps: the caller's choice if given (a positive integer), else
 * defaultThreads() for work worth a worker's overhead and 1 below MIN_PARALLEL_EDGE_STEPS.
 */
export function threadsFor(
  requested: number | undefined,
  work: number,
  env: Record<string, string | undefined> = process.env,
): number {
  if (requested === undefined) return work >= MIN_PARALLEL_EDGE_STEPS ? defaultThreads(env) : 1;
  if (!(Number.isInteger(requested) && requested >= 1)) {
    throw new Error(`Error in threads: expected a positive integer, got ${requested}`);
  }
  return requested;
}

const READY_TIMEOUT_MS = 60_000;
const slots: Slot[] = [];
let unavailable: string | undefined;

/** Up to `count` ready workers (fewer, or none, if workers cannot start here). */
export function poolWorkers(count: number): PoolWorker[] {
  while (!unavailable && slots.filter((s) => s.alive).length < count) {
    const slot = startWorker(slots.length);
    if (!slot) break;
    slots.push(slot);
  }
  return slots.filter((s) => s.alive).slice(0, count);
}

/** Why workers are not used (undefined while they are available). */
export function poolUnavailableReason(): string | undefined {
  return unavailable;
}

/** Ends every worker; the next parallel call starts new ones. */
export async function closeWorkerPool(): Promise<void> {
  const ending = slots.splice(0).map((s) => {
    s.alive = false;
    return s.worker.terminate();
  });
  await Promise.all(ending);
}

function startWorker(index: number): Slot | undefined {
  const { port1, port2 } = new MessageChannel();
  // [0]: replies posted so far, [1]: 1 once the worker's thread is exiting.
  const status = new Int32Array(new SharedArrayBuffer(8));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), {
      workerData: { port: port2, status },
      // The bootstrap registers tsx itself; inherited flags can stop it (`node -e` passes
      // --input-type=module, and the worker then never reports ready).
      execArgv: [],
      transferList: [port2],
    });
  } catch (e) {
    unavailable = `cannot start a worker thread: ${(e as Error).message}`;
    return undefined;
  }
  worker.unref();
  port1.unref();
  worker.on('error', () => {}); // reported through `status` and `receive()`; never crash the host
  const slot: Slot = {
    index,
    worker,
    alive: true,
    cache: {},
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    receive: () => {
      const reply = waitForReply(port1, status, Infinity);
      if (!reply) {
        slot.alive = false;
        void worker.terminate();
      }
      return reply;
    },
  };
  const ready = waitForReply(port1, status, READY_TIMEOUT_MS);
  if (ready?.kind !== 'ready') {
    unavailable =
      ready?.kind === 'error'
        ? `worker failed to start: ${ready.message}`
        : `worker did not start within ${READY_TIMEOUT_MS / 1000} s`;
    void worker.terminate();
    return undefined;
  }
  return slot;
}

function waitForReply(port: MessagePort, status: Int32Array, timeoutMs: number): WorkerReply | undefined {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(status, 0);
    const received = receiveMessageOnPort(port);
    if (received) return received.message as WorkerReply;
    if (Atomics.load(status, 1) === 1) return undefined;
    const left = end - performance.now();
    if (left <= 0) return undefined;
    Atomics.wait(status, 0, seen, Math.min(left, 1000));
  }
}
