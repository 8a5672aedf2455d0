import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connectome } from '../connectome/parse.ts';
import type { NetworkTables } from '../connectome/tables.ts';
import { initParams, type Params } from '../network/params.ts';
import { realNetwork } from '../testing/reference.ts';
import { loadReferenceParams } from '../testing/referenceParams.ts';
import { resolveConfig, type UserRunConfig } from './config.ts';
import { runTraining } from './run.ts';

/** A small, fast run: short protocols, a 37-column lattice for the movies. */
const small: UserRunConfig = {
  iterations: 4,
  checkpointEvery: 2,
  protocols: {
    grey: { durationS: 0.6 },
    flashes: { tPreS: 0.3, tFlashS: 0.3 },
    naturalistic: { nMovies: 2, durationS: 0.3, tPreS: 0.2, extent: 3 },
  },
};

let connectome: Connectome;
let tables: NetworkTables;
let initialParams: Params;
beforeAll(async () => {
  ({ connectome, tables } = await realNetwork());
  initialParams = initParams(tables);
});

const run = (out: string, extra: Partial<Parameters<typeof runTraining>[0]> = {}, config = small) =>
  runTraining({
    config: resolveConfig(config),
    out,
    connectome,
    tables,
    initialParams,
    paramsSource: 'default',
    ...extra,
  });

describe('training on auxiliary targets', () => {
  it('lowers the total objective and writes the run folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'flyaux-train-'));
    const result = await run(out);
    expect(result.after.total).toBeLessThan(result.before.total);
    const lines = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).iteration)).toEqual([0, 1, 2, 3, 4]);
    const saved = JSON.parse(readFileSync(join(out, 'params_trained.json'), 'utf8'));
    expect(saved.format).toBe('flyaux-params');
    // σ* of scaleAlignment is fixed from the initial network and recorded for resumes.
    const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).config;
    expect(config.targets.scaleAlignment.referenceStd).toBeGreaterThan(0);
  });

  it('resumes an interrupted run to exactly the parameters of an uninterrupted one', async () => {
    const whole = await run(mkdtempSync(join(tmpdir(), 'flyaux-train-')));
    const out = mkdtempSync(join(tmpdir(), 'flyaux-train-'));
    const kill = (iteration: number) => {
      if (iteration === 3) throw new Error('killed');
    };
    await expect(run(out, { onProgress: kill })).rejects.toThrow('killed');
    const resumed = await run(out, { resume: true });
    expect(resumed.params.bias).toEqual(whole.params.bias);
    expect(resumed.params.tauS).toEqual(whole.params.tauS);
    expect(resumed.params.strength).toEqual(whole.params.strength);
    const lines = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).iteration)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses to overwrite a run, and to resume with a different config', async () => {
    const out = mkdtempSync(join(tmpdir(), 'flyaux-train-'));
    await run(out, {}, { ...small, iterations: 2 });
    await expect(run(out, {}, { ...small, iterations: 2 })).rejects.toThrow(/already holds a training run/);
    await expect(run(out, { resume: true }, { ...small, iterations: 3 })).rejects.toThrow(/config differs/);
  });

  it('stops on divergence with the cell types named and keeps the last good state', async () => {
    const out = mkdtempSync(join(tmpdir(), 'flyaux-train-'));
    const diverging = loadReferenceParams('divergent_seed1');
    await expect(run(out, { initialParams: diverging })).rejects.toThrow(
      /diverged at step \d+ .* cell type\(s\): .*last good state \(iteration 0\)/,
    );
    expect(JSON.parse(readFileSync(join(out, 'checkpoint.json'), 'utf8')).iteration).toBe(0);
  });

  it('names the key of a config typo and of an unknown target', () => {
    expect(() => resolveConfig({ iterationz: 3 })).toThrow(/'iterationz'/);
    expect(() => resolveConfig({ optimizer: { lr: { bias: -1 } } })).toThrow(/optimizer\.lr\.bias/);
    return expect(
      run(mkdtempSync(join(tmpdir(), 'flyaux-train-')), {}, { ...small, targets: { dsi: {} } }),
    ).rejects.toThrow("Unknown target 'dsi'");
  });

  it('rejects a target option typo with the target and key named', () => {
    const out = mkdtempSync(join(tmpdir(), 'flyaux-train-'));
    return expect(run(out, {}, { ...small, targets: { operatingPoint: { wieght: 1 } } })).rejects.toThrow(
      /targets\.operatingPoint 'wieght'/,
    );
  });
});
