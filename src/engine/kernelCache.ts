import type { NetworkTables } from '../connectome/tables.ts';
import type { Params } from '../network/params.ts';
import type { KernelNetwork } from './cpu/eulerKernel.ts';
import { networkKernels } from './kernelRegistry.ts';
import type { KernelFor } from './simulateBlock.ts';
import { edgeWeights, nodeBiases, nodeRates } from './weights.ts';

/**
 * An engine's access to the network's shared kernels (kernelRegistry): weights and biases are
 * taken from `params` once, rates once per time step, and loaded into the kernel on each use.
 */
export function createKernelCache(
  tables: NetworkTables,
  params: Params,
): (dt: number, bound: number) => KernelFor {
  const kernels = networkKernels(tables);
  const edgeWeight = edgeWeights(tables, params);
  const bias = nodeBiases(tables, params);
  let net: { dt: number; net: KernelNetwork } | undefined;
  return (dt, bound) => {
    if (net?.dt !== dt) {
      const rate = nodeRates(tables, params, dt);
      net = {
        dt,
        net: { edgeSource: tables.edgeSource, edgeTarget: tables.edgeTarget, edgeWeight, bias, rate },
      };
    }
    const current = net.net;
    return (nSamples) => {
      kernels.load(current);
      return kernels.euler(nSamples, bound);
    };
  };
}
