import type { Command } from 'commander';
import { parseNumber, runCommand, withConnectome, withParams } from '../shared.ts';

export interface CharacterizeFlags {
  connectome?: string;
  params?: string;
  stimuli?: string;
  sintel?: string;
  quick?: boolean;
  seed: number;
  nMovies?: number;
  png?: boolean;
  out: string;
}

export function registerCharacterize(program: Command): void {
  const cmd = program
    .command('characterize')
    .description(
      "every cell type's responses to grey, flashes, moving edges and naturalistic movies: summary.csv/.json, response arrays, report.html",
    )
    .option(
      '--stimuli <list>',
      '[list] comma-separated protocols of grey, flashes, edges, gratings, naturalistic, chirp, noise, inforate (default: grey,flashes,edges,naturalistic,inforate)',
    )
    .option(
      '--sintel <dir>',
      "[path] MPI-Sintel folder: naturalistic responses on flyvis's Sintel set instead of procedural movies",
    )
    .option(
      '--quick',
      '[boolean] moving edges at speed 19 only and 8 naturalistic movies (default: all 6 speeds, 32 movies)',
    )
    .option(
      '--seed <n>',
      '[number] seed of the procedural movies and the white noise',
      parseNumber('seed'),
      0,
    )
    .option(
      '--n-movies <n>',
      '[number] naturalistic movies (default: 32, or 8 with --quick)',
      parseNumber('n-movies'),
    )
    .option('--png', '[boolean] also write key-figure.png (grey steady states and T4/T5 tuning)')
    .requiredOption('--out <dir>', '[path] output folder');
  withParams(withConnectome(cmd)).action(
    runCommand('characterize', async (flags: CharacterizeFlags) => {
      const { runCharacterize } = await import('../run/characterize.ts');
      await runCharacterize(flags);
    }),
  );
}
