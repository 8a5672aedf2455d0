import type { GradBackward, GradBlockJob, GradForward, GradSession } from '../grads/gradBlock.ts';
import { createGradBlock } from '../grads/gradBlock.ts';
import { sampleBlocks, type SampleBlock } from './blocks.ts';
import { poolWorkers } from './pool.ts';
import { concatFloat32, runContext, withReplies, type EngineIdentity } from './context.ts';
import type { WorkerReply } from './protocol.ts';

/**
 * A gradient session over sample blocks on up to `threads` threads. Block 0 runs here, the others
 * in pool workers, which keep their forward states until the backward request. A block whose
 * worker is unavailable or dies is redone here.
 */
export function gradParallel(engine: EngineIdentity, job: GradBlockJob, threads: number): GradSession {
  const { tables, params } = engine;
  const blocks = sampleBlocks(job.nSamples, threads);
  const workers = poolWorkers(blocks.length - 1);
  const jobs = blocks.map((block) => blockJob(job, block, tables.nNodes, tables.nHexals));
  const local = jobs.map((j, i) =>
    i === 0 || !workers[i - 1] ? createGradBlock(tables, params, j) : undefined,
  );
  const nTypes = tables.cellTypes.length;

  const remote = (i: number, reply: WorkerReply | undefined, kind: WorkerReply['kind']) => {
    if (reply?.kind === 'error')
      throw new Error(`Error in engine worker ${workers[i - 1].index}: ${reply.message}`);
    if (reply && reply.kind !== kind)
      throw new Error(`Error in gradParallel: expected a ${kind} reply, got ${reply.kind}`);
    return reply;
  };

  function forward(): GradForward {
    jobs.forEach((j, i) => {
      if (local[i]) return;
      const worker = workers[i - 1];
      const stimulus = j.stimulus.slice();
      const initialState = j.initialState?.slice();
      worker.post(
        { kind: 'gradForward', context: runContext(worker, engine), job: { ...j, stimulus, initialState } },
        [stimulus.buffer, ...(initialState ? [initialState.buffer] : [])],
      );
    });
    const [here, replies] = withReplies(
      () => local[0]!.forward(),
      jobs.map((_, i) => () => (local[i] ? undefined : workers[i - 1].receive())),
    );
    const parts = jobs.map((j, i) => {
      if (i === 0) return here;
      const reply = remote(i, replies[i], 'gradForward');
      if (reply?.kind === 'gradForward') return reply.result;
      local[i] ??= createGradBlock(tables, params, j); // no worker, or it died: redo here
      return local[i]!.forward();
    });
    const divergence = parts.find((p) => p.divergence)?.divergence;
    return { central: concatFloat32(parts.map((p) => p.central)), divergence };
  }

  function backward(dCentral: Float32Array): GradBackward {
    const slice = (block: SampleBlock) =>
      dCentral.slice(block.first * job.nFrames * nTypes, (block.first + block.count) * job.nFrames * nTypes);
    blocks.forEach((block, i) => {
      if (local[i]) return;
      const part = slice(block);
      workers[i - 1].post({ kind: 'gradBackward', dCentral: part }, [part.buffer]);
    });
    const [here, replies] = withReplies(
      () => local[0]!.backward(slice(blocks[0])),
      blocks.map((_, i) => () => (local[i] ? undefined : workers[i - 1].receive())),
    );
    const parts = blocks.map((block, i) => {
      if (i === 0) return here;
      const reply = remote(i, replies[i], 'gradBackward');
      if (reply?.kind === 'gradBackward') return reply.result;
      if (!local[i]) {
        local[i] = createGradBlock(tables, params, jobs[i]);
        local[i]!.forward();
      }
      return local[i]!.backward(slice(block));
    });
    return {
      perSample: parts.flatMap((p) => p.perSample),
      stimulus: job.stimulusGrad ? concatFloat32(parts.map((p) => p.stimulus!)) : undefined,
    };
  }

  return { forward, backward };
}

function blockJob(job: GradBlockJob, block: SampleBlock, nNodes: number, nHex: number): GradBlockJob {
  const { first, count } = block;
  const T = job.nFrames;
  return {
    ...job,
    nSamples: count,
    firstSample: job.firstSample + first,
    stimulus: job.stimulus.subarray(first * T * nHex, (first + count) * T * nHex),
    initialState: job.initialState?.subarray(first * nNodes, (first + count) * nNodes),
  };
}
