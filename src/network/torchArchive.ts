import { unzipSync } from 'fflate';
import { NameRegistry, Parser } from 'pickleparser';

/**
 * Reads what `torch.save` writes (torch ≥ 1.6, MODEL_SPEC §7): a ZIP archive with `<prefix>/data.pkl`
 * (a pickle whose tensors are `torch._utils._rebuild_tensor_v2` calls on persistent storage ids) and
 * `<prefix>/data/<key>` raw little-endian storages. Nothing in the pickle is executed: known torch
 * globals map to the small functions below, everything else to inert placeholder objects.
 */

const STORAGE_DTYPES = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
} as const;
export type StorageDtype = (typeof STORAGE_DTYPES)[keyof typeof STORAGE_DTYPES];

/** A tensor as the pickle describes it: a strided view into one storage of the archive. */
export interface TensorRef {
  storageKey: string;
  dtype: StorageDtype;
  storageOffset: number;
  shape: number[];
  stride: number[];
}

export function isTensorRef(x: unknown): x is TensorRef {
  return typeof x === 'object' && x !== null && 'storageKey' in x && 'stride' in x;
}

export interface TorchArchive {
  /** The unpickled object; dicts are Maps. */
  root: unknown;
  /** Storage bytes by key. */
  storages: Map<string, Uint8Array>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Unzips an archive, reporting a truncated or corrupted file by name. */
export function unzipArchive(bytes: Uint8Array, source: string): Record<string, Uint8Array> {
  if (!isZip(bytes))
    throw new Error(`Error in unzipArchive: ${source} is not a ZIP archive (no "PK" signature)`);
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw new Error(
      `Error in unzipArchive: ${source} is not a readable ZIP archive (truncated or corrupted?): ${(e as Error).message}`,
    );
  }
}

/** The `<prefix>/` of a torch archive (the folder holding data.pkl), or undefined if there is none. */
export function torchPrefix(files: Record<string, Uint8Array>): string | undefined {
  const pkl = Object.keys(files).find((name) => name === 'data.pkl' || name.endsWith('/data.pkl'));
  return pkl?.slice(0, pkl.length - 'data.pkl'.length);
}

/** Unpickles `data.pkl` of an unzipped torch archive. */
export function readTorchArchive(files: Record<string, Uint8Array>, source: string): TorchArchive {
  const fail = (why: string): never => {
    throw new Error(`Error in readTorchArchive: ${source} is not a torch.save archive: ${why}`);
  };
  const prefix =
    torchPrefix(files) ??
    fail(`no data.pkl among its entries (${Object.keys(files).slice(0, 5).join(', ')})`);
  const byteorder = files[`${prefix}byteorder`];
  if (byteorder && new TextDecoder().decode(byteorder).trim() !== 'little')
    fail('big-endian storages are not supported');
  const storages = new Map<string, Uint8Array>();
  const dataDir = `${prefix}data/`;
  for (const [name, bytes] of Object.entries(files))
    if (name.startsWith(dataDir)) storages.set(name.slice(dataDir.length), bytes);

  const storageDtypes = new Map<unknown, StorageDtype>();
  const names = new NameRegistry()
    .register('collections', 'OrderedDict', () => new Map())
    .register('torch._utils', '_rebuild_parameter', (data: unknown) => data)
    .register('torch._utils', '_rebuild_tensor_v2', rebuildTensor);
  for (const [name, dtype] of Object.entries(STORAGE_DTYPES)) {
    const storageClass = () => fail(`storage class torch.${name} called as a function`);
    storageDtypes.set(storageClass, dtype);
    names.register('torch', name, storageClass);
  }
  const persistentResolver = {
    // ('storage', storage class, key, location, numel)
    resolve(pid: unknown) {
      if (!Array.isArray(pid) || pid[0] !== 'storage')
        fail(`unexpected persistent id ${JSON.stringify(pid)}`);
      const dtype =
        storageDtypes.get((pid as unknown[])[1]) ?? fail(`unsupported storage type in ${String(pid)}`);
      const key = String((pid as unknown[])[2]);
      if (!storages.has(key)) fail(`storage '${key}' is referenced but ${dataDir}${key} is missing`);
      return { key, dtype };
    },
  };
  let root: unknown;
  try {
    root = new Parser({ nameResolver: names, persistentResolver, unpicklingTypeOfDictionary: 'Map' }).parse(
      files[`${prefix}data.pkl`],
    );
  } catch (e) {
    fail(`cannot unpickle ${prefix}data.pkl: ${(e as Error).message}`);
  }
  return { root, storages };
}

function rebuildTensor(
  storage: { key: string; dtype: StorageDtype },
  storageOffset: number,
  shape: number[],
  stride: number[],
): TensorRef {
  return {
    storageKey: storage.key,
    dtype: storage.dtype,
    storageOffset,
    shape: [...shape],
    stride: [...stride],
  };
}

const ITEM_SIZE: Record<StorageDtype, number> = {
  float32: 4,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
};

/** Copies a float32/float64 tensor into a C-ordered Float32Array, honouring its storage offset and strides. */
export function tensorToFloat32(archive: TorchArchive, t: TensorRef, name: string): Float32Array {
  const fail = (why: string): never => {
    throw new Error(`Error in tensorToFloat32: tensor '${name}' ${why}`);
  };
  if (t.dtype !== 'float32' && t.dtype !== 'float64') fail(`must be float32 or float64, but is ${t.dtype}`);
  const bytes = archive.storages.get(t.storageKey)!;
  const size = ITEM_SIZE[t.dtype];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = t.shape.reduce((a, b) => a * b, 1);
  const last = t.storageOffset + t.shape.reduce((s, n, k) => s + (n - 1) * t.stride[k], 0);
  if (count > 0 && (last + 1) * size > bytes.length) {
    fail(`reaches element ${last} of storage '${t.storageKey}', which holds only ${bytes.length / size}`);
  }
  const out = new Float32Array(count);
  const index = new Array<number>(t.shape.length).fill(0);
  for (let i = 0; i < count; i++) {
    let at = t.storageOffset;
    for (let k = 0; k < index.length; k++) at += index[k] * t.stride[k];
    out[i] = size === 4 ? view.getFloat32(at * 4, true) : view.getFloat64(at * 8, true);
    for (let k = index.length - 1; k >= 0 && ++index[k] === t.shape[k]; k--) index[k] = 0;
  }
  return out;
}
