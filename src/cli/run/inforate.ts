import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ESTIMATORS,
  informationRates,
  type Estimator,
  type InformationRatesOptions,
} from '../../analysis/inforate/informationRates.ts';
import { formatInforateCsv, inforateSpectra } from '../../analysis/inforate/inforateTables.ts';
import { sidecar } from '../../engine/labeled.ts';
import { writeFileAtomic, writeJson, writeNpy } from '../../io/files.ts';
import { loadParams } from '../../network/loadParams.ts';
import { writeReport } from '../../report/html.ts';
import { inforateReport } from '../../report/inforateReport.ts';
import type { InforateFlags } from '../commands/inforate.ts';
import { loadNetworkFor } from '../shared.ts';

const VERSION: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

/** Flags → library options; every bad value fails here, before any work. */
export function inforateOptions(flags: InforateFlags): Partial<InformationRatesOptions> {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  if (!ESTIMATORS.includes(flags.estimator as Estimator))
    fail(`unknown estimator '${flags.estimator}'. Accepted: ${ESTIMATORS.join(', ')}`);
  if (flags.stimulus !== 'noise' && flags.stimulus !== 'naturalistic')
    fail(`unknown stimulus '${flags.stimulus}'. Accepted: noise, naturalistic`);
  if (flags.stimulus === 'naturalistic' && flags.estimator !== 'simulation')
    fail(
      `--stimulus naturalistic needs --estimator simulation (movies are not full-field), got '${flags.estimator}'`,
    );
  if (!Number.isInteger(flags.repeats) || flags.repeats < 2)
    fail(
      `--repeats must be an integer ≥ 2 (signal and noise need at least two repeats), got ${flags.repeats}`,
    );
  if (!(flags.contrast > 0)) fail(`--contrast must be > 0, got ${flags.contrast}`);
  if (!(flags.dt > 0)) fail(`--dt must be a positive number of seconds, got ${flags.dt}`);
  if (!Number.isInteger(flags.frames) || flags.frames < 128)
    fail(`--frames must be an integer ≥ 128, got ${flags.frames}`);
  if (!(flags.inputNoise >= 0)) fail(`--input-noise must be ≥ 0, got ${flags.inputNoise}`);
  if (!(flags.intrinsicNoise >= 0)) fail(`--intrinsic-noise must be ≥ 0, got ${flags.intrinsicNoise}`);
  if (flags.inputNoise + flags.intrinsicNoise === 0)
    fail('--input-noise and --intrinsic-noise are both 0: without noise every rate is infinite');
  if (flags.inputMode !== 'independent' && flags.inputMode !== 'shared')
    fail(`unknown --input-mode '${flags.inputMode}'. Accepted: independent, shared`);
  if (!Number.isInteger(flags.extent) || flags.extent < 1)
    fail(`--extent must be an integer ≥ 1, got ${flags.extent}`);
  return {
    estimator: flags.estimator as Estimator,
    stimulus: flags.stimulus as 'noise' | 'naturalistic',
    dt: flags.dt,
    contrast: flags.contrast,
    noise: {
      inputStd: flags.inputNoise,
      intrinsicStd: flags.intrinsicNoise,
      inputMode: flags.inputMode as 'independent' | 'shared',
    },
    simulation: { nRepeats: flags.repeats, nFrames: flags.frames, seed: flags.seed },
  };
}

export async function runInforate(flags: InforateFlags): Promise<void> {
  const options = inforateOptions(flags);
  const { tables, connectomePath } = await loadNetworkFor(flags, flags.extent);
  const { params, source } = loadParams(tables, flags.params);
  mkdirSync(flags.out, { recursive: true });
  // inforate.json is written last: a folder without it is an interrupted run.
  const metaPath = join(flags.out, 'inforate.json');
  if (existsSync(metaPath)) rmSync(metaPath);
  const started = performance.now();
  const result = informationRates(tables, params, {
    ...options,
    simulation: {
      ...options.simulation,
      onRepeat: (done, total) =>
        process.stderr.write(
          `repeat ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
        ),
    },
  });
  const wallS = (performance.now() - started) / 1000;

  writeFileAtomic(join(flags.out, 'inforate.csv'), formatInforateCsv(result));
  const files = ['inforate.csv'];
  for (const [stem, array] of Object.entries(inforateSpectra(result))) {
    writeNpy(join(flags.out, `${stem}.npy`), array.data, array.shape);
    writeJson(join(flags.out, `${stem}.json`), sidecar(array));
    files.push(`${stem}.npy`, `${stem}.json`);
  }
  const date = new Date().toISOString();
  await writeReport(
    join(flags.out, 'report.html'),
    inforateReport(result, {
      flyauxVersion: VERSION,
      parametersSource: source,
      dtS: flags.dt,
      date,
      extra: { connectome: connectomePath, extent: String(flags.extent), seed: String(flags.seed) },
    }),
  );
  files.push('report.html');
  const o = result.options;
  const linear = result.linear;
  writeJson(metaPath, {
    note: result.note,
    estimator: o.estimator,
    stimulus: o.stimulus,
    dt_s: o.dt,
    f_max_hz: result.fMaxHz,
    contrast: o.stimulus === 'noise' ? o.contrast : null,
    noise: {
      input_std: o.noise.inputStd,
      intrinsic_std: o.noise.intrinsicStd,
      input_mode: o.noise.inputMode,
      units: 'a.u./sqrt(Hz): white drive eta ~ N(0, std^2/dt) per node and step',
    },
    linear: linear && {
      status: linear.status,
      ...(linear.status === 'stable'
        ? {
            spectral_radius: linear.spectralRadius,
            k_grid: linear.spectra.kGrid,
            n_freqs: linear.spectra.freqs.length,
          }
        : { reason: linear.reason }),
    },
    simulation: result.simulation && {
      repeats: result.simulation.options.nRepeats,
      frames: result.simulation.options.nFrames,
      burn_in_frames: result.simulation.options.burnInFrames,
      segment_length: result.simulation.options.segmentLength,
      seed: result.simulation.options.seed,
      extent: tables.extent,
    },
    params: source,
    connectome: connectomePath,
    flyaux_version: VERSION,
    date,
    wall_time_s: wallS,
    files,
  });
  process.stdout.write(
    `wrote ${files.length + 1} files to ${flags.out} in ${wallS.toFixed(1)} s: ${result.note}\n`,
  );
}
