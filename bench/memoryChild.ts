/**
 * Child process of memory.bench.ts: loads the network, then differentiates one sample through
 * `steps` Euler steps (all states stored) and prints peak and pre-run resident memory as JSON.
 *
 *   node --expose-gc --import tsx bench/memoryChild.ts EXTENT STEPS [CONNECTOME]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { latticeValueAndGrad } from '../src/engine/grads/latticeGrad.ts';
import { benchNetwork, benchStimulus } from './setup.ts';

const [extent, steps] = process.argv.slice(2, 4).map(Number);
const net = await benchNetwork(extent, process.argv[4]);
const stimulus = benchStimulus(net.tables, 1, steps);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().rss;
const peakBefore = process.resourceUsage().maxRSS * 1024;
// Linux: writing 5 to clear_refs resets the peak (VmHWM), so the peak of the run alone can be read.
const canReset = (() => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
})();
const loss = (central: Float32Array) => ({ value: 0, grad: new Float32Array(central.length).fill(1) });
latticeValueAndGrad(net.tables, net.params, { stimulus, nSamples: 1, nFrames: steps, dt: 0.02 }, loss, {
  threads: 1,
});
const mb = (bytes: number) => bytes / 2 ** 20;
const hwmKb = Number(
  /VmHWM:\s+(\d+) kB/.exec(canReset ? readFileSync('/proc/self/status', 'utf8') : '')?.[1],
);
console.log(
  JSON.stringify({
    peakMb: mb(process.resourceUsage().maxRSS * 1024),
    peakDuringRunMb: canReset && hwmKb > 0 ? mb(hwmKb * 1024) : undefined,
    peakBeforeRunMb: mb(peakBefore),
    rssBeforeRunMb: mb(before),
    storedStatesMb: mb((steps + 1) * net.tables.nNodes * 4),
  }),
);
