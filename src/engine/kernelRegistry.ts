import type { NetworkTables } from '../connectome/tables.ts';
import { createEulerKernel, type EulerKernel, type KernelNetwork } from './cpu/eulerKernel.ts';
import { createAdjointKernel, type AdjointKernel } from './grads/adjointKernel.ts';

/**
 * The compiled kernels of one network, shared by every engine and gradient call on it in this
 * thread. A kernel is compiled once per network and batch size (see compileKernel: a fresh
 * kernel runs slowly until V8 has optimised it, ~0.1 s), and captures fixed weight, rate and bias
 * arrays into which each user loads its own values. Calls are synchronous, so a user loads its
 * values right before each use and no other user can run in between.
 */
export interface NetworkKernels {
  /** Makes the kernels compute with `net`'s weights, rates and biases (copied unless already loaded). */
  load(net: KernelNetwork): void;
  euler(nSamples: number, bound: number): EulerKernel;
  adjoint(): AdjointKernel;
  /**
   * `tables` with its edge index arrays replaced by the kernels' shared-memory copies: sent to a
   * worker thread, both threads then read one copy of the 12–18 MB of indices (two copies ran
   * out of cache and cost the two threads ~30–50% more CPU time than one thread).
   */
  readonly sharedTables: NetworkTables;
}

const registry = new WeakMap<NetworkTables, NetworkKernels>();

export function networkKernels(tables: NetworkTables): NetworkKernels {
  let kernels = registry.get(tables);
  if (!kernels) {
    kernels = createNetworkKernels(tables);
    registry.set(tables, kernels);
  }
  return kernels;
}

function createNetworkKernels(tables: NetworkTables): NetworkKernels {
  const sharedTables = {
    ...tables,
    edgeSource: shared(tables.edgeSource),
    edgeTarget: shared(tables.edgeTarget),
    edgeCountGroup: shared(tables.edgeCountGroup),
  };
  const slot: KernelNetwork = {
    edgeSource: sharedTables.edgeSource,
    edgeTarget: sharedTables.edgeTarget,
    edgeWeight: new Float32Array(tables.edgeSource.length),
    rate: new Float32Array(tables.nNodes),
    bias: new Float32Array(tables.nNodes),
  };
  let loaded: KernelNetwork | undefined;
  const euler = new Map<string, EulerKernel>();
  let adjoint: AdjointKernel | undefined;
  return {
    sharedTables,
    load(net) {
      if (net === loaded) return;
      slot.edgeWeight.set(net.edgeWeight);
      slot.rate.set(net.rate);
      slot.bias.set(net.bias);
      loaded = net;
    },
    euler(nSamples, bound) {
      const key = `${nSamples}:${bound}`;
      let kernel = euler.get(key);
      if (!kernel) {
        kernel = createEulerKernel(slot, nSamples, bound);
        euler.set(key, kernel);
      }
      return kernel;
    },
    adjoint() {
      adjoint ??= createAdjointKernel(slot, sharedTables.edgeCountGroup, tables.countGroups.length);
      return adjoint;
    },
  };
}

/** The array itself if it already lives in shared memory (a worker's copy of sharedTables), else a shared copy. */
function shared(a: Int32Array): Int32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new Int32Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
