import type { Command } from 'commander';
import { parseNumber, runCommand, withConnectome, withParams } from '../shared.ts';

export interface TrainFlags {
  connectome?: string;
  params?: string;
  config?: string;
  out: string;
  resume?: boolean;
  seed?: number;
  iterations?: number;
}

export function registerTrain(program: Command): void {
  const cmd = program
    .command('train')
    .description('train the network on auxiliary targets alone (no task)')
    .option('--config <file>', '[path] YAML or JSON run config (default: the default target set)')
    .requiredOption('--out <dir>', '[path] run folder')
    .option('--resume', '[boolean] continue the run in --out from its checkpoint')
    .option(
      '--seed <n>',
      '[number] seed of the naturalistic movies (overrides the config)',
      parseNumber('seed'),
    )
    .option(
      '--iterations <n>',
      '[number] number of updates (overrides the config)',
      parseNumber('iterations'),
    );
  withParams(withConnectome(cmd)).action(
    runCommand('train', async (flags: TrainFlags) => {
      const { runTrain } = await import('../run/train.ts');
      await runTrain(flags);
    }),
  );
}
