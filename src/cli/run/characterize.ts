import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  characterize,
  heldOutChecks,
  resolveCharacterizeOptions,
  type Characterization,
  type CharacterizeOptions,
  type ProgressEvent,
  type ProtocolName,
} from '../../analysis/characterize/index.ts';
import { formatSummaryCsv, formatSummaryJson } from '../../analysis/summaryTable.ts';
import { labeled, sidecar, type Labeled } from '../../engine/labeled.ts';
import { writeFileAtomic, writeJson, writeNpy } from '../../io/files.ts';
import { loadParams } from '../../network/loadParams.ts';
import { characterizeKeyFigureSvg } from '../../report/characterizeKeyFigure.ts';
import { characterizeReport, heldOutText } from '../../report/characterizeReport.ts';
import { writeReport } from '../../report/html.ts';
import { svgToPng } from '../../report/vegaSvg.ts';
import { loadNetworkFor } from '../shared.ts';
import type { CharacterizeFlags } from '../commands/characterize.ts';

const VERSION: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

/** Flags → library options; unknown stimulus names and a missing Sintel folder fail here, before any work. */
export function characterizeOptions(flags: CharacterizeFlags): Partial<CharacterizeOptions> {
  const stimuli = flags.stimuli
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) as ProtocolName[] | undefined;
  if (flags.sintel !== undefined) {
    if (!existsSync(flags.sintel) || !statSync(flags.sintel).isDirectory()) {
      throw new Error(`--sintel ${flags.sintel} is not a folder; expected the MPI-Sintel training set there`);
    }
    if (stimuli && !stimuli.includes('naturalistic')) {
      throw new Error(
        `--sintel is used by the naturalistic protocol, but --stimuli ${flags.stimuli} does not include it`,
      );
    }
  }
  const options = {
    stimuli,
    quick: flags.quick ?? false,
    seed: flags.seed,
    nMovies: flags.nMovies,
    sintelDir: flags.sintel,
  };
  resolveCharacterizeOptions(options);
  return options;
}

/** A progress bar per protocol on stderr (scheduled lines when stderr is not a terminal). */
function progressBar(): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  const bar = new SingleBar({
    format: '{protocol} {bar} {percentage}% | {value}/{total} sample-steps | {duration}s elapsed, ETA {eta}s',
    noTTYOutput: true,
    notTTYSchedule: 5000,
    stream: process.stderr,
  });
  const started = new Map<string, number>();
  return {
    onProgress: (e) => {
      if (e.phase === 'start') {
        started.set(e.protocol, performance.now());
        bar.start(1, 0, { protocol: e.protocol.padEnd(12) });
      } else if (e.phase === 'progress') {
        bar.setTotal(Math.max(e.total, 1));
        bar.update(e.done);
      } else {
        bar.update(e.total);
        bar.stop();
        const s = (performance.now() - started.get(e.protocol)!) / 1000;
        process.stderr.write(`${e.protocol}: done in ${s.toFixed(1)} s\n`);
      }
    },
    stop: () => bar.stop(),
  };
}

function writeLabeled(dir: string, name: string, r: Labeled): string[] {
  writeNpy(join(dir, `${name}.npy`), r.data, r.shape);
  writeJson(join(dir, `${name}.json`), sidecar(r));
  return [`responses/${name}.npy`, `responses/${name}.json`];
}

/** Response arrays with sidecars, plus the edge peak responses (sample × cell_type). */
function writeArrays(out: string, c: Characterization): string[] {
  const dir = join(out, 'responses');
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(c.responses).flatMap(([name, r]) => writeLabeled(dir, name, r));
  if (c.edges) {
    const samples = c.responses.edges!.attrs.samples;
    const peaks = labeled({
      data: Float32Array.from(c.edges.peaks),
      dims: ['sample', 'cell_type'],
      shape: [c.edges.conditions.angle.length, c.cellTypes.length],
      coords: { cell_type: c.cellTypes },
      attrs: {
        samples,
        description: "peak central response in flyvis's window, rectified (MODEL_SPEC §5.3)",
      },
    });
    files.push(...writeLabeled(dir, 'edges_peak', peaks));
  }
  return files;
}

export async function runCharacterize(flags: CharacterizeFlags): Promise<Characterization> {
  const options = characterizeOptions(flags);
  const { tables, connectomePath } = await loadNetworkFor(flags);
  const { params, source } = loadParams(tables, flags.params);
  mkdirSync(flags.out, { recursive: true });
  // meta.json is written last: a folder without it is an interrupted run.
  const metaPath = join(flags.out, 'meta.json');
  if (existsSync(metaPath)) rmSync(metaPath);
  const progress = progressBar();
  const started = performance.now();
  let c: Characterization;
  try {
    c = await characterize(tables, params, { ...options, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  const wallS = (performance.now() - started) / 1000;
  const files = ['summary.csv', 'summary.json', ...writeArrays(flags.out, c), 'report.html'];
  writeFileAtomic(join(flags.out, 'summary.csv'), formatSummaryCsv(c.rows));
  writeFileAtomic(join(flags.out, 'summary.json'), formatSummaryJson(c.rows));
  const date = new Date().toISOString();
  const o = c.settings.options;
  const steps = `grey 1/${1 / o.greyDt}, flashes 1/${1 / o.flashDt}, edges 1/${1 / o.edgeDt}, movies 1/${1 / o.naturalDt}`;
  const meta = {
    flyauxVersion: VERSION,
    parametersSource: source,
    dtS: o.flashDt,
    date,
    extra: { 'time steps (s)': steps, connectome: connectomePath, 'wall time': `${wallS.toFixed(1)} s` },
  };
  await writeReport(join(flags.out, 'report.html'), characterizeReport(c, meta));
  if (flags.png) {
    writeFileAtomic(join(flags.out, 'key-figure.png'), svgToPng(await characterizeKeyFigureSvg(c)));
    files.push('key-figure.png');
  }
  writeJson(metaPath, {
    command: 'characterize',
    flyaux_version: VERSION,
    date,
    params: source,
    connectome: connectomePath,
    cell_types: c.cellTypes,
    options: c.settings.options,
    protocols: c.settings.protocols,
    failures: c.failures,
    held_out: heldOutChecks(c),
    timings: c.timings,
    wall_time_s: wallS,
    files,
  });
  process.stdout.write(
    `${heldOutText(heldOutChecks(c))}\n\nwrote ${files.length + 1} files to ${flags.out} (report.html, summary.csv, meta.json, …) in ${wallS.toFixed(1)} s\n`,
  );
  return c;
}
