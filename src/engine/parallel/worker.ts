import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { NetworkTables } from '../../connectome/tables.ts';
import { createGradBlock, type GradSession } from '../grads/gradBlock.ts';
import { createKernelCache } from '../kernelCache.ts';
import { simulateBlock } from '../simulateBlock.ts';
import { transferables } from './transfer.ts';
import type { RunContext, WorkerReply, WorkerRequest } from './protocol.ts';

/** A pool worker: runs blocks of samples for the main thread (see pool.ts). */
const { port, status } = workerData as { port: MessagePort; status: Int32Array };

let tables: { id: number; tables: NetworkTables } | undefined;
let kernels: { paramsId: number; tablesId: number; cache: ReturnType<typeof createKernelCache> } | undefined;

function reply(message: WorkerReply): void {
  port.postMessage(message, transferables(message));
  Atomics.add(status, 0, 1);
  Atomics.notify(status, 0);
}

function contextTables(context: RunContext): NetworkTables {
  if (context.tables) tables = { id: context.tablesId, tables: context.tables };
  if (tables?.id !== context.tablesId) {
    throw new Error(`Error in engine worker: network ${context.tablesId} was never sent to this worker`);
  }
  return tables.tables;
}

function kernelCache(context: RunContext) {
  const net = contextTables(context);
  if (kernels?.paramsId !== context.paramsId || kernels.tablesId !== context.tablesId) {
    const cache = createKernelCache(net, context.params);
    kernels = { paramsId: context.paramsId, tablesId: context.tablesId, cache };
  }
  return { net, cache: kernels.cache };
}

let grad: GradSession | undefined;

function handle(request: WorkerRequest): WorkerReply {
  switch (request.kind) {
    case 'simulate': {
      const { net, cache } = kernelCache(request.context);
      const { job } = request;
      return { kind: 'simulate', result: simulateBlock(net, cache(job.dt, job.bound), job) };
    }
    case 'gradForward':
      grad = createGradBlock(contextTables(request.context), request.context.params, request.job);
      return { kind: 'gradForward', result: grad.forward() };
    case 'gradBackward': {
      if (!grad) throw new Error('Error in engine worker: gradBackward without a gradForward');
      const result = grad.backward(request.dCentral);
      grad = undefined;
      return { kind: 'gradBackward', result };
    }
  }
}

process.on('exit', () => {
  Atomics.store(status, 1, 1);
  Atomics.notify(status, 0);
});
parentPort!.on('message', (request: WorkerRequest) => {
  try {
    reply(handle(request));
  } catch (e) {
    const err = e as Error;
    reply({ kind: 'error', message: err.message, stack: err.stack });
  }
});
reply({ kind: 'ready' });
