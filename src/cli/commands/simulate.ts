import type { Command } from 'commander';
import { parseNumber, runCommand, withConnectome, withParams } from '../shared.ts';

export interface SimulateFlags {
  connectome?: string;
  params?: string;
  stimulus: string;
  dt: number;
  tPre: number;
  engine: 'lattice' | 'reduced';
  full?: boolean;
  out: string;
}

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description(
      'simulate the network on a stimulus (.npy: frames × 721 luminance, or frames for full field)',
    )
    .requiredOption(
      '--stimulus <file>',
      '[path] float32 .npy: (frames, 721) per hex column, or (frames,) full field',
    )
    .requiredOption('--dt <seconds>', '[number] time step in seconds', parseNumber('dt'))
    .option(
      '--t-pre <seconds>',
      '[number] seconds of grey (0.5) before the stimulus',
      parseNumber('t-pre'),
      1,
    )
    .option('--engine <name>', '[lattice|reduced] engine; reduced needs a full-field stimulus', 'lattice')
    .option('--full', '[boolean] also write every node (full.npy; lattice engine)')
    .requiredOption('--out <dir>', '[path] output folder');
  withParams(withConnectome(cmd)).action(
    runCommand('simulate', async (flags: SimulateFlags) => {
      const { runSimulate } = await import('../run/simulate.ts');
      await runSimulate(flags);
    }),
  );
}
