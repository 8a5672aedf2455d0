import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { characterize, heldOutChecks, type Characterization } from '../../analysis/characterize/index.ts';
import { formatSummaryCsv } from '../../analysis/summaryTable.ts';
import { writeFileAtomic } from '../../io/files.ts';
import { initParams } from '../../network/params.ts';
import { saveParams } from '../../network/paramsFile.ts';
import { characterizeComparisonReport } from '../../report/characterizeComparison.ts';
import { heldOutText } from '../../report/characterizeReport.ts';
import { writeReport } from '../../report/html.ts';
import { trainingSections, type MetricsLine } from '../../report/trainingReport.ts';
import { resolveConfig } from '../../train/config.ts';
import { runTraining } from '../../train/run.ts';
import { loadNetworkFor } from '../shared.ts';
import type { DemoFlags } from '../commands/demo.ts';

const VERSION: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Characterises quickly (speed-19 edges, 8 movies) with a line per finished protocol. */
async function quickCharacterization(
  label: string,
  ...args: Parameters<typeof characterize>
): Promise<Characterization> {
  const c = await characterize(args[0], args[1], {
    quick: true,
    onProgress: (e) => e.phase === 'done' && say(`  ${label}: ${e.protocol} done`),
  });
  return c;
}

/**
 * The main job: characterise flyaux's default network, train it on the default targets (no task),
 * characterise the trained network, and write one report comparing before and after, with the
 * held-out checks that no target uses.
 */
export async function runDemo(flags: DemoFlags): Promise<void> {
  const out = flags.out;
  mkdirSync(out, { recursive: true });
  const phases: [string, number][] = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    say(`▶ ${name}`);
    const result = await work();
    phases.push([name, (performance.now() - t0) / 1000]);
    say(`  ${name}: ${phases.at(-1)![1].toFixed(1)} s`);
    return result;
  };

  const { connectome, tables, connectomePath } = await timed('load the connectome', () =>
    loadNetworkFor(flags),
  );
  const params = initParams(tables);
  const before = await timed('characterise the default network', () =>
    quickCharacterization('before', tables, params),
  );
  writeFileAtomic(join(out, 'summary_before.csv'), formatSummaryCsv(before.rows));

  const config = resolveConfig(flags.iterations ? { iterations: flags.iterations } : {});
  const trained = await timed(`train on the default targets (${config.iterations} iterations)`, () =>
    runTraining({
      config,
      out: join(out, 'train'),
      connectome,
      tables,
      initialParams: params,
      paramsSource: 'default (seed 0)',
      onProgress: (i, n, r) =>
        (i % 10 === 0 || i === n - 1) && say(`  iteration ${i}/${n}: objective ${r.total.toFixed(4)}`),
    }),
  );
  saveParams(join(out, 'params_trained.json'), tables, trained.params, { trained_from: 'default (seed 0)' });

  const after = await timed('characterise the trained network', () =>
    quickCharacterization('after', tables, trained.params),
  );
  writeFileAtomic(join(out, 'summary_after.csv'), formatSummaryCsv(after.rows));

  await timed('write the report', async () => {
    const meta = {
      flyauxVersion: VERSION,
      parametersSource: 'default (seed 0), then trained on the default targets',
      dtS: after.settings.options.flashDt,
      date: new Date().toISOString(),
      extra: { connectome: connectomePath, iterations: String(config.iterations) },
    };
    const report = characterizeComparisonReport(
      before,
      after,
      meta,
      ['untrained', 'trained'],
      'flyaux demo: training on auxiliary targets alone',
    );
    const metrics: MetricsLine[] = readFileSync(join(out, 'train', 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const training = trainingSections({
      metrics,
      before: JSON.parse(readFileSync(join(out, 'train', 'evaluation_before.json'), 'utf8')),
      after: JSON.parse(readFileSync(join(out, 'train', 'evaluation_after.json'), 'utf8')),
    });
    // Held-out checks first, then what training did, then the characterisation comparison.
    report.sections = [report.sections[0], ...training, ...report.sections.slice(1)];
    await writeReport(join(out, 'report.html'), report);
  });

  say('');
  const indent = (text: string) => text.replace(/\n+/g, '\n    ');
  say('held-out checks (not trained on):');
  say(`  untrained:\n    ${indent(heldOutText(heldOutChecks(before)))}`);
  say(`  trained:\n    ${indent(heldOutText(heldOutChecks(after)))}`);
  say('');
  for (const [name, s] of phases) say(`${s.toFixed(1).padStart(7)} s  ${name}`);
  process.stdout.write(`\nreport: ${resolve(out, 'report.html')}\n`);
}
