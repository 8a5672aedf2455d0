import { describe, expect, it } from 'vitest';
import { compareWithBaseline, type Baseline } from './baseline.ts';

const sizes = { extent: 15, steps: 50, batch: 4, repeats: 5 };
const baseline: Baseline = {
  command: 'npm run bench',
  sizes,
  metrics: {
    lattice_vs_raw_ratio: 0.9,
    forward_backward_vs_forward_ratio: 2.5,
    reduced_vs_lattice_speedup: 50,
    threads_speedup: 1.4,
    lattice_forward_ns_per_edge_step: 2,
  },
};

describe('compareWithBaseline', () => {
  it('passes ratios within tolerance and ignores absolute times', () => {
    const metrics = { ...baseline.metrics, lattice_vs_raw_ratio: 0.75, lattice_forward_ns_per_edge_step: 9 };
    expect(compareWithBaseline(metrics, sizes, baseline)).toEqual([]);
  });

  it('reports a higher-is-better ratio that fell and a lower-is-better ratio that rose', () => {
    const metrics = { ...baseline.metrics, threads_speedup: 0.9, forward_backward_vs_forward_ratio: 3.5 };
    expect(compareWithBaseline(metrics, sizes, baseline)).toEqual([
      'forward_backward_vs_forward_ratio = 3.50, baseline 2.50, lower is better, limit 3.13',
      'threads_speedup = 0.900, baseline 1.40, higher is better, limit 0.980',
    ]);
  });

  it('refuses to compare runs of different sizes', () => {
    expect(compareWithBaseline(baseline.metrics, { ...sizes, extent: 6 }, baseline)).toEqual([
      "sizes differ from the baseline's (baseline: extent 15; this run: extent 6)",
    ]);
  });
});
