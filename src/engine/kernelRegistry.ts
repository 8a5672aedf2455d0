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
  const slot: KernelNetwork = {
    edgeSource: tables.edgeSource,
    edgeTarget: tables.edgeTarget,
    edgeWeight: new Float32Array(tables.edgeSource.length),
    rate: new Float32Array(tables.nNodes),
    bias: new Float32Array(tables.nNodes),
  };
  let loaded: KernelNetwork | undefined;
  const euler = new Map<string, EulerKernel>();
  let adjoint: AdjointKernel | undefined;
  return {
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
      adjoint ??= createAdjointKernel(slot, tables.edgeCountGroup, tables.countGroups.length);
      return adjoint;
    },
  };
}
