import { earlier, simulateBlock, type BlockJob, type BlockResult, type KernelFor } from '../simulateBlock.ts';
import { sampleBlocks, type SampleBlock } from './blocks.ts';
import { poolWorkers, type PoolWorker } from './pool.ts';
import { concatFloat32, runContext, withReplies, type EngineIdentity } from './context.ts';

/**
 * Runs `job` (all samples) on up to `threads` threads: sample blocks go to pool workers, the
 * first block runs here, and the results are put back together in sample order. Falls back to
 * this thread for blocks whose worker is unavailable or dies.
 */
export function simulateParallel(
  engine: EngineIdentity,
  kernelFor: KernelFor,
  job: BlockJob,
  threads: number,
): BlockResult {
  const { tables } = engine;
  const blocks = sampleBlocks(job.nSamples, threads);
  const workers = poolWorkers(blocks.length - 1);
  const posted = blocks
    .slice(1)
    .map((block, i) => (workers[i] ? post(workers[i], engine, job, block) : undefined));
  const here = (block: SampleBlock) => simulateBlock(tables, kernelFor, blockJob(job, block));
  // Every reply is read before anything is thrown, so no stale reply is left on a port.
  const [first, replies] = withReplies(
    () => here(blocks[0]),
    posted.map((worker) => () => worker?.receive()),
  );
  const results = replies.map((reply, i) => {
    if (reply?.kind === 'error')
      throw new Error(`Error in engine worker ${posted[i]!.index}: ${reply.message}`);
    return reply?.kind === 'simulate' ? reply.result : here(blocks[i + 1]);
  });
  return concatResults([first, ...results]);
}

function post(worker: PoolWorker, engine: EngineIdentity, job: BlockJob, block: SampleBlock): PoolWorker {
  const sub = blockJob(job, block);
  // Copies of just this block's data, transferred (a view would clone its whole buffer).
  const stimulus = sub.stimulus.slice();
  const initialState = sub.initialState.slice();
  const context = runContext(worker, engine);
  worker.post({ kind: 'simulate', context, job: { ...sub, stimulus, initialState } }, [
    stimulus.buffer,
    initialState.buffer,
  ]);
  return worker;
}

/** The part of `job` that covers `block`, as views. */
export function blockJob(job: BlockJob, block: SampleBlock): BlockJob {
  const nHex = job.stimulus.length / (job.nSamples * job.nFrames || 1);
  const nNodes = job.initialState.length / job.nSamples;
  const { first, count } = block;
  return {
    ...job,
    nSamples: count,
    firstSample: job.firstSample + first,
    stimulus: job.stimulus.subarray(first * job.nFrames * nHex, (first + count) * job.nFrames * nHex),
    initialState: job.initialState.subarray(first * nNodes, (first + count) * nNodes),
  };
}

function concatResults(parts: BlockResult[]): BlockResult {
  return {
    central: concatFloat32(parts.map((p) => p.central)),
    recorded: parts[0].recorded ? concatFloat32(parts.map((p) => p.recorded!)) : undefined,
    finalState: concatFloat32(parts.map((p) => p.finalState)),
    divergence: parts.reduce<BlockResult['divergence']>((d, p) => earlier(d, p.divergence), undefined),
  };
}
