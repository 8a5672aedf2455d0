import { dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadParams } from '../../network/loadParams.ts';
import { loadConfig, resolveConfig, type RunConfig } from '../../train/config.ts';
import { runTraining, type TrainRunResult } from '../../train/run.ts';
import { loadNetworkFor } from '../shared.ts';
import type { TrainFlags } from '../commands/train.ts';

/** Applies command-line overrides to a config (through the schema, so they are validated too). */
export function withOverrides(
  config: RunConfig,
  flags: Pick<TrainFlags, 'seed' | 'iterations' | 'params'>,
): RunConfig {
  return resolveConfig({
    ...config,
    ...(flags.seed !== undefined
      ? {
          seed: flags.seed,
          protocols: {
            ...config.protocols,
            naturalistic: { ...config.protocols.naturalistic, seed: flags.seed },
          },
        }
      : {}),
    ...(flags.iterations !== undefined ? { iterations: flags.iterations } : {}),
    ...(flags.params !== undefined ? { params: flags.params } : {}),
  });
}

export async function runTrain(flags: TrainFlags): Promise<TrainRunResult> {
  const config = withOverrides(flags.config ? loadConfig(flags.config) : resolveConfig({}), flags);
  const { connectome, tables } = await loadNetworkFor(flags);
  const { params, source } = loadParams(tables, config.params);
  const bar = new SingleBar({
    format: 'train {bar} {value}/{total} | loss {loss} | {targets}',
    noTTYOutput: true,
    notTTYSchedule: 5000,
    stream: process.stderr,
  });
  bar.start(config.iterations, 0, { loss: '-', targets: '' });
  try {
    const result = await runTraining({
      config,
      out: flags.out,
      connectome,
      tables,
      initialParams: params,
      paramsSource: source,
      resume: flags.resume,
      configDir: flags.config ? dirname(resolve(flags.config)) : process.cwd(),
      log: (line) => process.stderr.write(`${line}\n`),
      onProgress(iteration, _total, r) {
        const targets = Object.entries(r.evals)
          .map(([k, e]) => `${k} ${e.value.toExponential(2)}`)
          .join(' ');
        bar.update(iteration, { loss: r.total.toExponential(3), targets });
      },
    });
    bar.update(config.iterations);
    bar.stop();
    process.stdout.write(
      `trained ${config.iterations} iterations; parameters in ${resolve(flags.out, 'params_trained.json')}\n`,
    );
    return result;
  } finally {
    bar.stop();
  }
}
