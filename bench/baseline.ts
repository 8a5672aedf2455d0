import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/io/files.ts';

/** A ratio the check compares with the baseline, and how much worse it may get before failing. */
interface RatioCheck {
  key: string;
  better: 'higher' | 'lower';
  /** Allowed factor: higher-is-better may fall to baseline × tolerance, lower-is-better rise to baseline / tolerance. */
  tolerance: number;
}

/**
 * Only ratios measured within one run are checked: absolute times move with the machine and its
 * load (this one is shared). Tolerances follow the spread seen across repeated runs
 * (docs/benchmarks.md): the thread speedup and the reduced speedup vary most.
 */
export const RATIO_CHECKS: RatioCheck[] = [
  { key: 'lattice_vs_raw_ratio', better: 'higher', tolerance: 0.8 },
  { key: 'forward_backward_vs_forward_ratio', better: 'lower', tolerance: 0.8 },
  { key: 'reduced_vs_lattice_speedup', better: 'higher', tolerance: 0.5 },
  { key: 'threads_speedup', better: 'higher', tolerance: 0.7 },
];

export interface Baseline {
  command: string;
  sizes: Record<string, number>;
  metrics: Record<string, number>;
}

/** Messages for every checked ratio that got worse than its tolerance allows (empty: pass). */
export function compareWithBaseline(
  metrics: Record<string, number>,
  sizes: Record<string, number>,
  baseline: Baseline,
): string[] {
  const sizeDiff = Object.keys(baseline.sizes).filter((k) => baseline.sizes[k] !== sizes[k]);
  if (sizeDiff.length > 0) {
    const show = (s: Record<string, number>) => sizeDiff.map((k) => `${k} ${s[k]}`).join(', ');
    return [`sizes differ from the baseline's (baseline: ${show(baseline.sizes)}; this run: ${show(sizes)})`];
  }
  return RATIO_CHECKS.flatMap(({ key, better, tolerance }) => {
    const [now, base] = [metrics[key], baseline.metrics[key]];
    if (base === undefined || now === undefined) return [];
    const limit = better === 'higher' ? base * tolerance : base / tolerance;
    const worse = better === 'higher' ? now < limit : now > limit;
    return worse
      ? [
          `${key} = ${now.toPrecision(3)}, baseline ${base.toPrecision(3)}, ${better} is better, limit ${limit.toPrecision(3)}`,
        ]
      : [];
  });
}

export function readBaseline(path: string): Baseline {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  } catch (e) {
    throw new Error(
      `Error in bench --check: cannot read the baseline ${path} (${(e as Error).message}); record one with FLYAUX_NEW_BASELINE=1 npm run bench`,
    );
  }
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileAtomic(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
