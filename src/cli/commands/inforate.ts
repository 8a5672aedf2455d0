import type { Command } from 'commander';
import { DEFAULT_INPUT_NOISE_STD, DEFAULT_INTRINSIC_NOISE_STD } from '../../engine/noiseDefaults.ts';
import { parseNumber, runCommand, withConnectome, withParams } from '../shared.ts';

export interface InforateFlags {
  connectome?: string;
  params?: string;
  estimator: string;
  stimulus: string;
  repeats: number;
  contrast: number;
  seed: number;
  dt: number;
  frames: number;
  inputNoise: number;
  intrinsicNoise: number;
  inputMode: string;
  extent: number;
  out: string;
}

export function registerInforate(program: Command): void {
  const cmd = program
    .command('inforate')
    .description(
      'information rate (bit/s) of every cell type, by the linear estimator and/or n noisy repeats: inforate.csv, spectra, report.html',
    )
    .option(
      '--estimator <name>',
      '[linear|simulation|both] linear: seconds, full-field noise only; simulation: minutes at extent 15',
      'linear',
    )
    .option(
      '--stimulus <name>',
      '[noise|naturalistic] full-field Gaussian white noise or procedural movies',
      'noise',
    )
    .option('--repeats <n>', '[number] noisy repeats of the stimulus (simulation)', parseNumber('repeats'), 8)
    .option(
      '--contrast <std>',
      '[number] per-frame std of the white luminance noise (mean 0.5)',
      parseNumber('contrast'),
      0.15,
    )
    .option('--seed <n>', '[number] seed of the stimulus and of the repeats’ noise', parseNumber('seed'), 0)
    .option(
      '--dt <seconds>',
      '[number] time step in seconds (rates go up to 1/(2dt))',
      parseNumber('dt'),
      0.01,
    )
    .option('--frames <n>', '[number] recorded frames per repeat (simulation)', parseNumber('frames'), 4096)
    .option(
      '--input-noise <level>',
      '[number] photoreceptor noise level, a.u./√Hz',
      parseNumber('input-noise'),
      DEFAULT_INPUT_NOISE_STD,
    )
    .option(
      '--intrinsic-noise <level>',
      '[number] intrinsic noise level of every node, a.u./√Hz',
      parseNumber('intrinsic-noise'),
      DEFAULT_INTRINSIC_NOISE_STD,
    )
    .option(
      '--input-mode <mode>',
      '[independent|shared] input noise per photoreceptor node or per column',
      'independent',
    )
    .option(
      '--extent <n>',
      '[number] lattice extent of the simulation (smaller is faster; the linear estimator is for the infinite lattice)',
      parseNumber('extent'),
      15,
    )
    .requiredOption('--out <dir>', '[path] output folder');
  withParams(withConnectome(cmd)).action(
    runCommand('inforate', async (flags: InforateFlags) => {
      const { runInforate } = await import('../run/inforate.ts');
      await runInforate(flags);
    }),
  );
}
