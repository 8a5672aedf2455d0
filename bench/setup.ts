import { loadNetwork } from '../src/connectome/load.ts';
import type { NetworkTables } from '../src/connectome/tables.ts';
import { initParams, type Params } from '../src/network/params.ts';
import { prng } from '../src/util/random.ts';

/** What every benchmark runs on: the network at the chosen extent and seeded parameters. */
export interface BenchNetwork {
  tables: NetworkTables;
  params: Params;
  nEdges: number;
}

export async function benchNetwork(extent: number, connectome?: string): Promise<BenchNetwork> {
  const { tables } = await loadNetwork({ path: connectome, extent });
  return { tables, params: initParams(tables, { seed: 0 }), nEdges: tables.edgeSource.length };
}

/** nSamples × nFrames × nHexals luminance: seeded white noise around grey, different per sample. */
export function benchStimulus(
  tables: NetworkTables,
  nSamples: number,
  nFrames: number,
  seed = 1,
): Float32Array {
  const rng = prng(seed);
  return Float32Array.from(
    { length: nSamples * nFrames * tables.nHexals },
    () => 0.5 + 0.2 * (rng.uniform() - 0.5),
  );
}

/** A timed operation; `units` is the work per call (edge-steps, or edges) for the per-unit times. */
export interface BenchCase {
  name: string;
  units: number;
  run(): void;
}
