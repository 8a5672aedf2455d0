import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../io/npy.ts';
import { realNetwork } from '../testing/reference.ts';
import { FLYVIS_KEYS, initParams, PARAM_NAMES } from './params.ts';
import { exportNpz, loadParamsFile, paramsToJson, saveParams, type ParamsFileContent } from './paramsFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'flyaux-params-'));

/** Writes a valid parameter file after `breakIt` changed its content, and returns the load error. */
async function loadErrorAfter(breakIt: (content: ParamsFileContent) => void): Promise<string> {
  const { tables } = await realNetwork();
  const content = paramsToJson(tables, initParams(tables));
  breakIt(content);
  const path = join(dir, 'broken.json');
  writeFileSync(path, JSON.stringify(content));
  try {
    loadParamsFile(path, tables);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected loadParamsFile to throw');
}

describe('saveParams and loadParamsFile', () => {
  it('round-trip every value exactly, with labels and free-form meta in the file', async () => {
    const { tables } = await realNetwork();
    const params = initParams(tables, { seed: 3 });
    const path = join(dir, 'params.json');
    saveParams(path, tables, params, { run: 'test', iteration: 12 });
    const loaded = loadParamsFile(path, tables);
    for (const name of PARAM_NAMES) expect(loaded.params[name]).toEqual(params[name]);
    expect(loaded.meta).toEqual({ run: 'test', iteration: 12 });
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect([json.format, json.version, json.cellTypes[35], json.pairs[0], json.countGroups[0]]).toEqual([
      'flyaux-params',
      1,
      'T4a',
      'R1→L1',
      'R1→L1(0,0)',
    ]);
  });

  it('writes atomically and refuses non-finite parameters, leaving the previous file intact', async () => {
    const { tables } = await realNetwork();
    const path = join(dir, 'atomic', 'params.json');
    saveParams(path, tables, initParams(tables));
    const before = readFileSync(path, 'utf8');
    const bad = initParams(tables);
    bad.strength[0] = Infinity;
    expect(() => saveParams(path, tables, bad)).toThrow('R1→L1.strength is Infinity');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['params.json']);
  });

  it('names the format and version it expects', async () => {
    expect(await loadErrorAfter((c) => ((c as { format: string }).format = 'flyvis'))).toMatch(
      /'format' must be 'flyaux-params', but is "flyvis"/,
    );
    expect(await loadErrorAfter((c) => ((c as { version: number }).version = 2))).toMatch(
      /version 2 is not supported \(this flyaux reads version 1\)/,
    );
    expect(await loadErrorAfter((c) => delete (c as Partial<ParamsFileContent>).countGroups)).toMatch(
      /'countGroups': .*expected array/,
    );
  });

  it('names a vector of the wrong length and an entry that is not a number', async () => {
    expect(await loadErrorAfter((c) => c.bias.pop())).toMatch(
      /'bias' must have 65 values for this connectome, but has 64/,
    );
    expect(await loadErrorAfter((c) => ((c.tauS as unknown[])[3] = 'fast'))).toMatch(
      /tauS\[3\] must be a number, but is "fast"/,
    );
    expect(await loadErrorAfter((c) => delete (c as Partial<ParamsFileContent>).strength)).toMatch(
      /'strength' must be an array of numbers, but is missing/,
    );
  });

  it('names the parameter key of NaN (null in JSON, NaN from Python) and ±Infinity (1e999, -Infinity)', async () => {
    const t4a = (c: ParamsFileContent) => c.cellTypes.indexOf('T4a');
    expect(await loadErrorAfter((c) => ((c.bias as unknown[])[t4a(c)] = null))).toMatch(/T4a\.bias is NaN/);
    const { tables } = await realNetwork();
    const text = JSON.stringify(paramsToJson(tables, initParams(tables)));
    const path = join(dir, 'python.json');
    writeFileSync(path, text.replace(/("bias":\[)[^,]*/, '$1NaN'));
    expect(() => loadParamsFile(path, tables)).toThrow('R1.bias is NaN');
    writeFileSync(path, text.replace(/("tauS":\[)[^,]*/, '$11e999'));
    expect(() => loadParamsFile(path, tables)).toThrow('R1.tauS is Infinity');
    writeFileSync(path, text.replace(/("strength":\[)[^,]*/, '$1-Infinity'));
    expect(() => loadParamsFile(path, tables)).toThrow('R1→L1.strength is -Infinity');
  });

  it('names the first label that does not match the connectome', async () => {
    expect(
      await loadErrorAfter((c) => ([c.cellTypes[1], c.cellTypes[2]] = [c.cellTypes[2], c.cellTypes[1]])),
    ).toMatch(
      /cellTypes do not match the connectome: cellTypes\[1\] is 'R3', but this connectome has 'R2' there/,
    );
    expect(await loadErrorAfter((c) => c.pairs.pop())).toMatch(
      /pairs do not match the connectome: has 603 entries, but this connectome has 604/,
    );
    expect(await loadErrorAfter((c) => (c.countGroups[5] = 'R1→L1(9,9)'))).toMatch(
      /countGroups\[5\] is 'R1→L1\(9,9\)'/,
    );
  });

  it('reports truncated JSON with the file name', async () => {
    const { tables } = await realNetwork();
    const path = join(dir, 'truncated.json');
    writeFileSync(path, JSON.stringify(paramsToJson(tables, initParams(tables))).slice(0, 500));
    expect(() => loadParamsFile(path, tables)).toThrow(`${path} is not valid JSON (truncated or corrupted?)`);
  });
});

describe('exportNpz', () => {
  it('writes the five vectors under their flyvis names as float32 .npy entries', async () => {
    const { tables } = await realNetwork();
    const params = initParams(tables);
    const path = join(dir, 'params.npz');
    exportNpz(path, params);
    const files = unzipSync(readFileSync(path));
    expect(Object.keys(files).sort()).toEqual(PARAM_NAMES.map((name) => `${FLYVIS_KEYS[name]}.npy`).sort());
    for (const name of PARAM_NAMES) {
      const a = parseNpy(files[`${FLYVIS_KEYS[name]}.npy`]);
      expect([a.dtype, a.shape]).toEqual(['float32', [params[name].length]]);
      expect(a.data).toEqual(params[name]);
    }
  });
});
