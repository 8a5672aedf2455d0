import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLatticeEngine } from '../../engine/lattice.ts';
import { cloneParams } from '../../network/params.ts';
import { flashes } from '../../stimuli/flashes.ts';
import { loadSintelNaturalistic } from '../../stimuli/sintelNaturalistic.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { SUMMARY_COLUMNS } from '../summaryTable.ts';
import { characterize } from './characterize.ts';
import { smallCharacterization, smallNetwork } from './smallNetwork.fixture.ts';
import type { Characterization } from './types.ts';

/** A Sintel folder with one scene of 20 smooth 436 × 1024 images (the fewest that make one chunk). */
function fakeSintel(): string {
  const root = mkdtempSync(join(tmpdir(), 'flyaux-characterize-sintel-'));
  const dir = join(root, 'training', 'final', 'alley_1');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 20; i++) {
    const png = new PNG({ width: 1024, height: 436 });
    for (let p = 0; p < 1024 * 436; p++) {
      const [row, col] = [Math.floor(p / 1024), p % 1024];
      png.data.set([(col * 7 + i * 11) % 256, (row * 3) % 256, (row + col + i * 5) % 256, 255], 4 * p);
    }
    writeFileSync(join(dir, `frame_${String(i + 1).padStart(4, '0')}.png`), PNG.sync.write(png));
  }
  return root;
}

// The flyvis network on a lattice of extent 3: every protocol, in seconds.
let c: Characterization;
beforeAll(async () => {
  c = await smallCharacterization();
});

describe('characterize', () => {
  it('runs every protocol and fills one row per cell type with the summary columns', () => {
    expect(c.rows).toHaveLength(65);
    expect(c.rows.map((r) => r.cell_type)).toEqual(c.cellTypes);
    for (const row of c.rows) {
      for (const k of SUMMARY_COLUMNS) expect(row[k], `${row.cell_type} ${k}`).toBeDefined();
      expect(row.pd_on_deg as number).toBeGreaterThanOrEqual(0);
      expect(row.pd_on_deg as number).toBeLessThan(360);
      expect(row.natural_active_fraction as number).toBeGreaterThanOrEqual(0);
    }
    // The default network has a stable grey fixed point, reported beside the lattice's steady state.
    expect(c.grey!.fixedPointStatus).toBe('stable');
    expect(typeof c.rows[0].grey_fixed_point).toBe('number');
    expect(c.failures).toEqual({});
    expect(c.timings.map((t) => t.protocol)).toEqual([
      'grey',
      'flashes',
      'edges',
      'gratings',
      'naturalistic',
      'chirp',
      'noise',
      'inforate',
    ]);
  });

  it('labels the response arrays with dims, times and cell types', () => {
    expect(c.responses.grey!.dims).toEqual(['time', 'cell_type']);
    expect(c.responses.grey!.shape).toEqual([250, 65]);
    expect(c.responses.flashes!.shape).toEqual([4, 600, 65]);
    expect(c.responses.flashes!.coords.time[200]).toBe(0);
    expect(c.responses.edges!.shape).toEqual([24, 485, 65]);
    expect(c.responses.naturalistic!.shape).toEqual([2, 300, 65]);
    expect(c.responses.gratings!.shape).toEqual([12, 300, 65]);
    for (const r of Object.values(c.responses)) expect(r.coords.cell_type).toEqual(c.cellTypes);
    expect((c.responses.edges!.attrs.samples as unknown[]).length).toBe(24);
    expect(c.examples.map((e) => e.label)).toContain('OFF edge, 60°, 19 col/s');
  });

  it('equals simulating each flash from the grey steady state on its own', async () => {
    const { tables } = await smallNetwork();
    const engine = createLatticeEngine(tables, loadReferenceParams('default'));
    const set = flashes({ extent: tables.extent });
    const initialState = engine.steadyState({ tPre: 1, dt: set.dt });
    const direct = engine.simulate({
      stimulus: set.frames,
      nSamples: 4,
      nFrames: set.nFrames,
      dt: set.dt,
      initialState,
    });
    expect(c.responses.flashes!.data).toEqual(direct.central);
  });

  it('does not depend on the batch size', async () => {
    const { tables } = await smallNetwork();
    const single = await characterize(tables, loadReferenceParams('default'), {
      stimuli: ['flashes'],
      batchSize: 1,
    });
    expect(single.responses.flashes!.data).toEqual(c.responses.flashes!.data);
  });

  it('marks the columns of a protocol on which the network diverges and runs the others', async () => {
    const { tables } = await smallNetwork();
    const params = cloneParams(loadReferenceParams('default'));
    params.strength.forEach((s, i) => (params.strength[i] = s * 1e4));
    const events: string[] = [];
    const run = await characterize(tables, params, {
      stimuli: ['grey', 'naturalistic'],
      nMovies: 1,
      onProgress: (e) => e.phase !== 'progress' && events.push(`${e.protocol} ${e.phase}`),
    });
    expect(run.failures.grey).toMatch(/simulation diverged at step \d+/);
    expect(run.failures.naturalistic).toMatch(/simulation diverged/);
    expect(run.rows[0].grey_steady_state).toBe('diverged');
    expect(run.rows[0].natural_std).toBe('diverged');
    expect(events).toEqual(['grey start', 'grey done', 'naturalistic start', 'naturalistic done']);
  });

  it("runs flyvis's Sintel protocol: 2 s fade-in of the first frame from the bias state, then the movie", async () => {
    const { tables } = await smallNetwork();
    const dir = fakeSintel();
    const params = loadReferenceParams('default');
    const run = await characterize(tables, params, { stimuli: ['naturalistic'], sintelDir: dir, nMovies: 1 });
    const r = run.responses.naturalistic!;
    expect(r.shape).toEqual([1, 280, 65]); // 200 fade-in + 80 movie frames
    expect(r.coords.time[200]).toBe(0);
    expect(run.naturalistic).toMatchObject({ source: 'sintel', nMovies: 1 });
    expect(run.settings.protocols.naturalistic).toMatchObject({ fade_in_s: 2, frames_per_movie: 80 });
    // The same as the engine's own fade-in followed by the movie.
    const movies = loadSintelNaturalistic(dir, { maxSamples: 1, extent: tables.extent });
    const engine = createLatticeEngine(tables, params);
    const firstFrames = movies.frames.slice(0, tables.nHexals);
    const faded = engine.fadeIn({ tFadeIn: 2, dt: 0.01, firstFrames, nSamples: 1 });
    const direct = engine.simulate({
      stimulus: movies.frames,
      nSamples: 1,
      nFrames: 80,
      dt: 0.01,
      initialState: faded,
    });
    expect(r.data.subarray(200 * 65)).toEqual(direct.central);
  });

  it("refuses an edge hold time that cuts flyvis's peak window", async () => {
    const { tables } = await smallNetwork();
    await expect(
      characterize(tables, loadReferenceParams('default'), {
        stimuli: ['edges'],
        quick: true,
        edgeTPostS: 0,
      }),
    ).rejects.toThrow(/edgeTPostS is too short: edges at speed 19 col\/s need frames up to 0.4288 s/);
  });
});
