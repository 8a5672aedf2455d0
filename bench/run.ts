/**
 * `npm run bench [-- --json] [-- --check] [--extent N --steps N --batch N --repeats N --connectome PATH]`
 *
 * Times the engine against a bare scatter over the same edges, forward+backward against forward,
 * the reduced engine against the lattice, and two threads against one, all in one run with the
 * cases interleaved, so that ratios compare code under the same machine load. Prints a table, or
 * with --json one JSON object; --check compares the ratios with bench/baseline.json (exit 1 on a
 * regression); FLYAUX_NEW_BASELINE=1 records a new baseline. Results: docs/benchmarks.md.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { closeWorkerPool } from '../src/engine/parallel/pool.ts';
import { parseBenchArgs } from './args.ts';
import { compareWithBaseline, readBaseline, writeBaseline } from './baseline.ts';
import * as latticeForward from './latticeForward.bench.ts';
import * as latticeGrad from './latticeGrad.bench.ts';
import { measureMemory } from './memory.bench.ts';
import * as reduced from './reduced.bench.ts';
import * as scatter from './scatter.bench.ts';
import { benchNetwork, type BenchCase } from './setup.ts';
import * as threads from './threads.bench.ts';
import { spread, timeCall, type Timing } from './timing.ts';

const REDUCED_REPEAT = 200;
const baselinePath = fileURLToPath(new URL('./baseline.json', import.meta.url));

const args = parseBenchArgs(process.argv.slice(2));
const loadBefore = loadavg()[0];
const net = await benchNetwork(args.extent, args.connectome);
const cases: BenchCase[] = [
  ...scatter.setup(net, args.steps),
  ...latticeForward.setup(net, args.steps, args.batch),
  ...latticeGrad.setup(net, args.steps),
  ...reduced.setup(net, args.steps, REDUCED_REPEAT),
  ...(availableParallelism() >= 2 ? threads.setup(net, args.steps, args.batch) : []),
];

// One untimed round compiles and warms everything; then repeats go round-robin over the cases.
for (const c of cases) c.run();
const timings = new Map<string, Timing[]>(cases.map((c) => [c.name, []]));
for (let r = 0; r < args.repeats; r++) for (const c of cases) timings.get(c.name)!.push(timeCall(c.run));
await closeWorkerPool();
const memory = measureMemory(args.extent, args.steps, args.connectome);
const loadAfter = loadavg()[0];

const units = new Map(cases.map((c) => [c.name, c.units]));
/** CPU ns per unit of each repeat (one-thread cases: immune to time-slicing by other processes). */
const nsPerUnit = (name: string) => timings.get(name)!.map((t) => (t.cpuMs * 1e6) / units.get(name)!);
/** Per-repeat ratio a/b of CPU times per unit: both measured back to back in the same round. */
const ratio = (a: string, b: string) => {
  const [x, y] = [nsPerUnit(a), nsPerUnit(b)];
  return spread(x.map((v, i) => v / y[i]));
};
const wallRatio = (a: string, b: string) => {
  const [x, y] = [timings.get(a)!, timings.get(b)!];
  return spread(x.map((t, i) => t.wallMs / y[i].wallMs));
};

const derived = {
  raw_scatter_ns_per_edge: spread(nsPerUnit('raw_scatter')),
  lattice_forward_ns_per_edge_step: spread(nsPerUnit('lattice_forward')),
  lattice_vs_raw_ratio: ratio('raw_scatter', 'lattice_forward'),
  lattice_forward_batch_ns_per_edge_sample_step: spread(nsPerUnit('lattice_forward_batch')),
  batch_vs_single_ratio: ratio('lattice_forward', 'lattice_forward_batch'),
  lattice_forward_backward_ns_per_edge_step: spread(nsPerUnit('lattice_forward_backward')),
  forward_backward_vs_forward_ratio: ratio('lattice_forward_backward', 'lattice_forward'),
  reduced_ns_per_step: spread(nsPerUnit('reduced_uniform')),
  reduced_vs_lattice_speedup: ratio('lattice_uniform', 'reduced_uniform'),
  ...(timings.has('batch_2_threads')
    ? {
        threads_speedup: wallRatio('batch_1_thread', 'batch_2_threads'),
        // CPU time of the split over one thread's: the price of parallelism, visible even when
        // other processes hold the second core (and the wall-clock speedup cannot show).
        threads_cpu_ratio: ratio('batch_2_threads', 'batch_1_thread'),
      }
    : {}),
};
const metrics: Record<string, number> = {
  ...Object.fromEntries(Object.entries(derived).map(([k, s]) => [k, s.median])),
  peak_memory_mb_1s_dt50: memory.peakDuringRunMb ?? memory.peakMb,
};
const sizes = { extent: args.extent, steps: args.steps, batch: args.batch, repeats: args.repeats };
const context = {
  nodes: net.tables.nNodes,
  edges: net.nEdges,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverage1min: { before: loadBefore, after: loadAfter },
  memory,
};

if (args.json) {
  const spreads = Object.fromEntries(
    Object.entries(derived).map(([k, s]) => [k, { min: s.min, max: s.max }]),
  );
  console.log(JSON.stringify({ ...metrics, spread: spreads, sizes, context }, null, 2));
} else {
  printTable();
}

const argv = process.argv.slice(2).filter((a) => a !== '--check' && a !== '--json');
const command = argv.length ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
if (process.env.FLYAUX_NEW_BASELINE === '1') {
  writeBaseline(baselinePath, { command, sizes, metrics });
  console.error(`wrote ${baselinePath}`);
}
if (args.check) {
  const failures = compareWithBaseline(metrics, sizes, readBaseline(baselinePath));
  for (const f of failures) console.error(`regression: ${f}`);
  console.error(
    failures.length
      ? `bench --check: ${failures.length} regression(s)`
      : 'bench --check: ratios within tolerance',
  );
  process.exitCode = failures.length ? 1 : 0;
}

function printTable(): void {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  console.log(
    `flyaux bench: extent ${args.extent} (${net.tables.nNodes} nodes, ${net.nEdges} edges), ${args.steps} steps, ` +
      `batch ${args.batch}, ${args.repeats} repeats; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} CPUs`,
  );
  console.log('\ncase                        calls: wall ms (median)   CPU ms (median, min–max)');
  for (const c of cases) {
    const t = timings.get(c.name)!;
    const wall = spread(t.map((x) => x.wallMs));
    const cpu = spread(t.map((x) => x.cpuMs));
    console.log(
      `${c.name.padEnd(28)}${fmt(wall.median).padStart(22)}   ${fmt(cpu.median)} (${fmt(cpu.min)}–${fmt(cpu.max)})`,
    );
  }
  console.log('\nmetric                                          median   (min–max over repeats)');
  for (const [k, s] of Object.entries(derived)) {
    console.log(`${k.padEnd(46)}${fmt(s.median).padStart(8)}   (${fmt(s.min)}–${fmt(s.max)})`);
  }
  console.log(
    `${'peak_memory_mb_1s_dt50'.padEnd(46)}${fmt(metrics.peak_memory_mb_1s_dt50).padStart(8)}   ` +
      `(whole process; resident before the run ${fmt(memory.rssBeforeRunMb)}, stored states ${fmt(memory.storedStatesMb)})`,
  );
}
