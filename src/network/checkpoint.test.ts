import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseConnectome } from '../connectome/parse.ts';
import { buildTables } from '../connectome/tables.ts';
import { realNetwork, referencePath, refFloat32 } from '../testing/reference.ts';
import { syntheticConnectomeJson } from '../testing/syntheticConnectome.ts';
import { isTorchArchive, readFlyvisCheckpoint } from './checkpoint.ts';
import { FLYVIS_KEYS, PARAM_NAMES, paramLengths } from './params.ts';
import { unzipArchive } from './torchArchive.ts';

/** A tensor for the hand-written checkpoints below: values of its storage and how the tensor views them. */
interface FakeTensor {
  storage: Float32Array | Float64Array | BigInt64Array;
  offset?: number;
  shape: number[];
  stride?: number[];
}

/** Pickle protocol 2, written the way torch.save does for a dict {network: OrderedDict(name → tensor), iteration: 7}. */
function torchSave(tensors: Record<string, FakeTensor>): Uint8Array {
  const out: number[] = [0x80, 2];
  const op = (c: string) => out.push(c.charCodeAt(0));
  const int = (n: number) => (op('J'), out.push(...new Uint8Array(Int32Array.of(n).buffer)));
  const text = (s: string) => {
    const b = new TextEncoder().encode(s);
    op('X');
    out.push(...new Uint8Array(Uint32Array.of(b.length).buffer), ...b);
  };
  const global = (module: string, name: string) => (
    op('c'),
    out.push(...new TextEncoder().encode(`${module}\n${name}\n`))
  );
  const tuple = (items: number[]) => (op('('), items.forEach(int), op('t'));
  const orderedDict = () => (global('collections', 'OrderedDict'), op(')'), op('R'));
  const storages: Record<string, Uint8Array> = {};
  op('}');
  op('(');
  text('network');
  orderedDict();
  op('(');
  Object.entries(tensors).forEach(([name, t], key) => {
    const storageClass =
      t.storage instanceof Float32Array
        ? 'FloatStorage'
        : t.storage instanceof Float64Array
          ? 'DoubleStorage'
          : 'LongStorage';
    storages[`archive/data/${key}`] = new Uint8Array(t.storage.buffer);
    text(name);
    global('torch._utils', '_rebuild_tensor_v2');
    op('(');
    op('(');
    text('storage');
    global('torch', storageClass);
    text(String(key));
    text('cpu');
    int(t.storage.length);
    op('t');
    op('Q');
    int(t.offset ?? 0);
    tuple(t.shape);
    tuple(t.stride ?? [1]);
    out.push(0x89);
    orderedDict();
    op('t');
    op('R');
  });
  op('u');
  text('iteration');
  int(7);
  op('u');
  op('.');
  return zipSync(
    {
      'archive/data.pkl': Uint8Array.from(out),
      ...storages,
      'archive/version': new TextEncoder().encode('3\n'),
    },
    { level: 0 },
  );
}

const synthetic = buildTables(parseConnectome(syntheticConnectomeJson(), 'synthetic'), { extent: 2 });
const n = paramLengths(synthetic);

/** Five float32 tensors that fit the synthetic connectome, vector k holding k·100 + i. */
function fittingTensors(): Record<string, FakeTensor> {
  return Object.fromEntries(
    PARAM_NAMES.map((name, k) => [
      FLYVIS_KEYS[name],
      { storage: Float32Array.from({ length: n[name] }, (_, i) => k * 100 + i), shape: [n[name]] },
    ]),
  );
}

const read = (bytes: Uint8Array, tables = synthetic) =>
  readFlyvisCheckpoint(unzipArchive(bytes, 'test.ckpt'), 'test.ckpt', tables);

describe('readFlyvisCheckpoint', () => {
  it('reads strong_seed1/chkpt_00000 exactly as flyvis saved it (params_*.npy), signs and counts as the default', async () => {
    const { tables } = await realNetwork();
    for (const name of ['strong_seed1', 'divergent_seed1']) {
      const path = referencePath(name, 'chkpt_00000');
      const p = readFlyvisCheckpoint(unzipArchive(readFileSync(path), path), path, tables);
      expect(p.bias).toEqual(refFloat32(name, 'params_nodes_bias.npy').data);
      expect(p.tauS).toEqual(refFloat32(name, 'params_nodes_time_const.npy').data);
      expect(p.strength).toEqual(refFloat32(name, 'params_edges_syn_strength.npy').data);
      expect(p.sign).toEqual(refFloat32('network', 'edges_sign.npy').data);
      expect(p.synCountLog).toEqual(refFloat32('network', 'edges_syn_count_raw.npy').data);
    }
  });

  it('reads a hand-written torch.save archive and ignores entries other than network', () => {
    const p = read(torchSave(fittingTensors()));
    expect(Array.from(p.bias)).toEqual([0, 1, 2, 3]);
    expect(Array.from(p.strength)).toEqual([400, 401, 402, 403, 404]);
  });

  it('honours storage offsets and strides, and converts float64 storages', () => {
    const tensors = fittingTensors();
    tensors.nodes_bias = {
      storage: Float32Array.of(9, 9, 0, 9, 1, 9, 2, 9, 3),
      offset: 2,
      shape: [4],
      stride: [2],
    };
    tensors.nodes_time_const = { storage: Float64Array.of(0.05, 0.1, 0.2, 0.3), shape: [4] };
    const p = read(torchSave(tensors));
    expect(Array.from(p.bias)).toEqual([0, 1, 2, 3]);
    expect(p.tauS).toEqual(Float32Array.of(0.05, 0.1, 0.2, 0.3));
  });

  it('rejects a checkpoint whose shapes do not fit the connectome, naming every shape', async () => {
    const { tables } = await realNetwork();
    const expected = paramLengths(tables);
    const misfits = PARAM_NAMES.map(
      (name) => `network.${FLYVIS_KEYS[name]} has shape (${n[name]}), expected (${expected[name]})`,
    );
    expect(() => read(torchSave(fittingTensors()), tables)).toThrow(
      `shapes do not fit this connectome: ${misfits.join('; ')}`,
    );
    expect(misfits[0]).toBe('network.nodes_bias has shape (4), expected (65)');
    const path = referencePath('strong_seed1', 'chkpt_00000');
    expect(() => read(readFileSync(path))).toThrow(/network\.nodes_bias has shape \(65\), expected \(4\)/);
    const tensors = fittingTensors();
    tensors.edges_sign = { storage: new Float32Array(10), shape: [2, 5], stride: [5, 1] };
    expect(() => read(torchSave(tensors))).toThrow('network.edges_sign has shape (2, 5), expected (5)');
  });

  it('names a missing tensor, an integer tensor and a storage too short for its view', () => {
    const tensors = fittingTensors();
    delete tensors.edges_sign;
    expect(() => read(torchSave(tensors))).toThrow(/network\.edges_sign is missing or not a tensor/);
    const ints = { ...fittingTensors(), nodes_bias: { storage: new BigInt64Array(4), shape: [4] } };
    expect(() => read(torchSave(ints))).toThrow(
      "tensor 'network.nodes_bias' must be float32 or float64, but is int64",
    );
    const short = {
      ...fittingTensors(),
      nodes_bias: { storage: new Float32Array(4), offset: 1, shape: [4] },
    };
    expect(() => read(torchSave(short))).toThrow(/reaches element 4 of storage '0', which holds only 4/);
  });

  it('rejects non-finite values with the parameter key', () => {
    const tensors = fittingTensors();
    (tensors.nodes_time_const.storage as Float32Array)[2] = NaN;
    expect(() => read(torchSave(tensors))).toThrow('W.tauS is NaN');
  });

  it('gives a clear error for random bytes, a truncated archive, a ZIP without data.pkl and a broken pickle', () => {
    const random = Uint8Array.from({ length: 200 }, (_, i) => (i * 73 + 11) % 256);
    expect(() => read(random)).toThrow('test.ckpt is not a ZIP archive (no "PK" signature)');
    const good = torchSave(fittingTensors());
    expect(() => read(good.subarray(0, good.length - 40))).toThrow(
      /test\.ckpt is not a readable ZIP archive \(truncated or corrupted\?\)/,
    );
    const other = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    expect(isTorchArchive(unzipArchive(other, 'x'))).toBe(false);
    expect(() => read(other)).toThrow(
      /is not a torch\.save archive: no data\.pkl among its entries \(notes\.txt\)/,
    );
    const files = unzipArchive(good, 'x');
    files['archive/data.pkl'] = files['archive/data.pkl'].subarray(0, 50);
    expect(() => readFlyvisCheckpoint(files, 'cut.ckpt', synthetic)).toThrow(
      /cut\.ckpt is not a torch\.save archive: cannot unpickle archive\/data\.pkl/,
    );
  });
});
