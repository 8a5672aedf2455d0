import type { Command } from 'commander';
import { parseNumber, runCommand, withConnectome } from '../shared.ts';

export interface DemoFlags {
  connectome?: string;
  out: string;
  iterations?: number;
}

export function registerDemo(program: Command): void {
  const cmd = program
    .command('demo')
    .description('the main job: characterise the default network, train it on the default targets, compare')
    .option('--out <dir>', '[path] output folder', 'runs/demo')
    .option(
      '--iterations <n>',
      '[number] training updates (default: the default config)',
      parseNumber('iterations'),
    );
  withConnectome(cmd).action(
    runCommand('demo', async (flags: DemoFlags) => {
      const { runDemo } = await import('../run/demo.ts');
      await runDemo(flags);
    }),
  );
}
