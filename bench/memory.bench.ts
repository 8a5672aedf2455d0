import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MemoryResult {
  /** Peak resident memory of the whole process (network loading included), MB. */
  peakMb: number;
  /** Peak resident memory during the gradient call alone (Linux; the network is resident throughout), MB. */
  peakDuringRunMb?: number;
  /** Peak before the gradient call (loading the connectome), MB. */
  peakBeforeRunMb: number;
  /** Resident memory right before the call, after a GC, MB. */
  rssBeforeRunMb: number;
  /** The forward states the backward pass keeps, (steps + 1) × nNodes float32, MB. */
  storedStatesMb: number;
}

/** Runs memoryChild.ts in a fresh process, so its peak is the gradient's and not this run's. */
export function measureMemory(extent: number, steps: number, connectome?: string): MemoryResult {
  const child = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    child,
    String(extent),
    String(steps),
    ...(connectome ? [connectome] : []),
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0)
    throw new Error(`Error in bench memory: child exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as MemoryResult;
}
