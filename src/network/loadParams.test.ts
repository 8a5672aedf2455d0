import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { realNetwork, referencePath, refFloat32 } from '../testing/reference.ts';
import { loadReferenceParams } from '../testing/referenceParams.ts';
import { loadParams } from './loadParams.ts';
import { initParams, PARAM_NAMES, type Params } from './params.ts';
import { exportNpz, saveParams } from './paramsFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'flyaux-load-'));

function expectSameParams(a: Params, b: Params): void {
  for (const name of PARAM_NAMES) expect(a[name], name).toEqual(b[name]);
}

describe('loadParams', () => {
  it("gives flyaux's default network without a path", async () => {
    const { tables } = await realNetwork();
    const loaded = loadParams(tables);
    expect(loaded.source).toBe('default (seed 0)');
    expectSameParams(loaded.params, initParams(tables));
  });

  it('reads a flyaux parameter file and an exported .npz', async () => {
    const { tables } = await realNetwork();
    const params = initParams(tables, { seed: 5 });
    const json = join(dir, 'p.json');
    const npz = join(dir, 'p.npz');
    saveParams(json, tables, params);
    exportNpz(npz, params);
    expect(loadParams(tables, json).source).toBe(`flyaux parameters ${json}`);
    expectSameParams(loadParams(tables, json).params, params);
    expect(loadParams(tables, npz).source).toBe(`.npz ${npz}`);
    expectSameParams(loadParams(tables, npz).params, params);
  });

  it('detects a flyvis checkpoint by its ZIP signature', async () => {
    const { tables } = await realNetwork();
    const path = referencePath('strong_seed1', 'chkpt_00000');
    const loaded = loadParams(tables, path);
    expect(loaded.source).toBe(`flyvis checkpoint ${path}`);
    expectSameParams(loaded.params, loadReferenceParams('strong_seed1'));
    expect(loaded.params.bias).toEqual(refFloat32('strong_seed1', 'params_nodes_bias.npy').data);
  });

  it('reads the reference JSON format and checks its keys against the connectome', async () => {
    const { tables } = await realNetwork();
    const path = referencePath('default', 'default_init_params.json');
    const loaded = loadParams(tables, path);
    expect(loaded.source).toBe(`flyvis reference JSON ${path}`);
    expect(loaded.params.bias).toEqual(refFloat32('network', 'nodes_bias.npy').data);
    expect(loaded.params.synCountLog).toEqual(refFloat32('network', 'edges_syn_count_raw.npy').data);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.syn_count_keys[4] = ['R1', 'R5', 1, 0];
    const broken = join(dir, 'reference.json');
    writeFileSync(broken, JSON.stringify(json));
    expect(() => loadParams(tables, broken)).toThrow(
      /countGroups do not match the connectome: countGroups\[4\] is 'R1→R5\(1,0\)', but this connectome has 'R1→T1\(0,0\)'/,
    );
  });

  it('reads a folder of .npy vectors, taking flyvis defaults for the vectors it lacks', async () => {
    const { tables } = await realNetwork();
    const strong = referencePath('strong_seed1');
    const loaded = loadParams(tables, strong);
    expect(loaded.source).toBe(`.npy folder ${strong} (flyvis defaults for sign, synCountLog)`);
    const checkpoint = loadReferenceParams('strong_seed1');
    expect([loaded.params.bias, loaded.params.tauS, loaded.params.strength, loaded.params.sign]).toEqual([
      checkpoint.bias,
      checkpoint.tauS,
      checkpoint.strength,
      checkpoint.sign,
    ]);
    // The default log counts come from JavaScript's log; flyvis's float32 log differs by one float32 step in places.
    const logDifference = loaded.params.synCountLog.reduce(
      (m, x, i) => Math.max(m, Math.abs(x - checkpoint.synCountLog[i])),
      0,
    );
    expect(logDifference).toBeLessThanOrEqual(4.8e-7);
    const relu = referencePath('relu_variant');
    expect(loadParams(tables, relu).source).toBe(
      `.npy folder ${relu} (flyvis defaults for tauS, sign, synCountLog)`,
    );
    const fromFolder = loadParams(tables, relu).params;
    const reference = loadReferenceParams('relu_variant');
    expect([fromFolder.bias, fromFolder.strength, fromFolder.tauS]).toEqual([
      reference.bias,
      reference.strength,
      reference.tauS,
    ]);
    const network = loadParams(tables, referencePath('network'));
    expect(network.source).toMatch(/\.npy folder .*network$/);
    expectSameParams(network.params, loadReferenceParams('default'));
  });

  it('says when the file does not exist, and which formats it accepts for anything else', async () => {
    const { tables } = await realNetwork();
    const missing = join(dir, 'missing.json');
    expect(() => loadParams(tables, missing)).toThrow(`Error in loadParams: ${missing} does not exist`);
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['notes.txt', 'hello', /has an unknown format; accepted: a flyaux parameter JSON/],
      ['random.bin', Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256), /has an unknown format/],
      [
        'other.json',
        '{"weights": [1, 2], "name": "x"}',
        /is JSON of an unknown format \(keys: weights, name\)/,
      ],
      ['typo.json', '{"format": "flyaux-param"}', /'format' must be 'flyaux-params', but is "flyaux-param"/],
      [
        'truncated.json',
        '{"format": "flyaux-params", "bias": [0.1, ',
        /not valid JSON \(truncated or corrupted\?\)/,
      ],
      [
        'other.zip',
        zipSync({ 'a.txt': new Uint8Array(3) }),
        /is a ZIP archive but neither a torch checkpoint nor/,
      ],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      expect(() => loadParams(tables, join(dir, name)), name).toThrow(message);
    }
    const emptyFolder = join(dir, 'empty');
    mkdirSync(emptyFolder);
    expect(() => loadParams(tables, emptyFolder)).toThrow(
      /is a folder without nodes_bias\.npy or params_nodes_bias\.npy/,
    );
  });
});
