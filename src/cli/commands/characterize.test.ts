import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY_COLUMNS } from '../../analysis/summaryTable.ts';
import { readNpy } from '../../io/files.ts';
import { referencePath } from '../../testing/reference.ts';
import { runCharacterize } from '../run/characterize.ts';
import { registerCharacterize } from './characterize.ts';

const connectome = referencePath('flyvis_data');
const outDir = () => mkdtempSync(join(tmpdir(), 'flyaux-characterize-'));

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs the command as a user would; returns what it wrote to stderr. */
async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerCharacterize(program);
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  await program.parseAsync(['characterize', '--connectome', connectome, ...args], { from: 'user' });
  return stderr;
}

describe('flyaux characterize', () => {
  it('names an unknown stimulus and lists the accepted ones, before loading anything', async () => {
    const stderr = await run(['--stimuli', 'grey,flash', '--out', outDir()]);
    expect(process.exitCode).toBe(1);
    expect(stderr).toBe(
      "error during characterize: Error in characterize: unknown stimulus 'flash'. Accepted: grey, flashes, edges, gratings, naturalistic, chirp, noise, inforate\n",
    );
  });

  it('says when the Sintel folder is missing or is not the Sintel layout', async () => {
    expect(await run(['--sintel', '/nonexistent/sintel', '--out', outDir()])).toBe(
      'error during characterize: --sintel /nonexistent/sintel is not a folder; expected the MPI-Sintel training set there\n',
    );
    const empty = outDir();
    expect(await run(['--sintel', empty, '--stimuli', 'naturalistic', '--out', outDir()])).toMatch(
      /^error during characterize: Error in listSintelScenes: no folder .*training\/final; expected the layout <dir>\/training\/final\/<scene>\/frame_0001\.png/,
    );
    expect(await run(['--sintel', empty, '--stimuli', 'grey', '--out', outDir()])).toMatch(
      /--sintel is used by the naturalistic protocol, but --stimuli grey does not include it/,
    );
    expect(process.exitCode).toBe(1);
  });

  it('says what is wrong with a bad parameter file', async () => {
    const dir = outDir();
    const bad = join(dir, 'params.json');
    writeFileSync(bad, '{"format": "flyaux-params", "version": 1, "parameters": {"T4a.bias": "high"}}');
    const stderr = await run(['--params', bad, '--stimuli', 'grey', '--out', join(dir, 'out')]);
    expect(stderr).toMatch(new RegExp(`^error during characterize: .*${bad}`));
    expect(process.exitCode).toBe(1);
    expect(existsSync(join(dir, 'out', 'meta.json'))).toBe(false);
  });

  it('writes the summary table, labelled arrays, the report and meta.json (grey only)', async () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'meta.json'), '{"stale": true}');
    await runCharacterize({ connectome, stimuli: 'grey', seed: 0, out });
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0].split(',')).toEqual([...SUMMARY_COLUMNS]);
    expect(csv).toHaveLength(66);
    const l1 = csv.find((line) => line.startsWith('L1,'))!.split(',');
    expect(Number(l1[1])).toBeGreaterThan(0); // grey_steady_state
    expect(l1[5]).toBe(''); // fri: flashes not run
    const json = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(json[8]).toMatchObject({ cell_type: 'L1', fri: null });
    const grey = readNpy(join(out, 'responses', 'grey.npy'));
    const sidecar = JSON.parse(readFileSync(join(out, 'responses', 'grey.json'), 'utf8'));
    expect(grey.shape).toEqual([250, 65]);
    expect(sidecar).toMatchObject({ dims: ['time', 'cell_type'], shape: [250, 65], dtype: 'float32' });
    expect(sidecar.coords.time[249]).toBeCloseTo(5, 12);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Grey-screen steady state per cell type',
    );
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ command: 'characterize', params: 'default (seed 0)' });
    expect(meta.protocols.grey).toMatchObject({ dt: 0.02, duration_s: 5, start: 'bias state' });
    expect(meta.files).toContain('responses/grey.npy');
    expect(meta.timings[0].protocol).toBe('grey');
  });
});
