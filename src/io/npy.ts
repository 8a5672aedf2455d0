/** Minimal reader and writer for NumPy `.npy` files (format 1.0/2.0/3.0, little-endian, C order). */

export type NpyArray =
  | { dtype: 'float32'; shape: number[]; data: Float32Array }
  | { dtype: 'float64'; shape: number[]; data: Float64Array }
  | { dtype: 'int8'; shape: number[]; data: Int8Array }
  | { dtype: 'uint8'; shape: number[]; data: Uint8Array }
  | { dtype: 'int16'; shape: number[]; data: Int16Array }
  | { dtype: 'int32'; shape: number[]; data: Int32Array }
  | { dtype: 'int64'; shape: number[]; data: BigInt64Array }
  | { dtype: 'bool'; shape: number[]; data: Uint8Array };

const DESCR: Record<string, NpyArray['dtype']> = {
  '<f4': 'float32',
  '<f8': 'float64',
  '|i1': 'int8',
  '|u1': 'uint8',
  '<i2': 'int16',
  '<i4': 'int32',
  '<i8': 'int64',
  '|b1': 'bool',
};
const CTOR = {
  float32: Float32Array,
  float64: Float64Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  bool: Uint8Array,
} as const;
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Parses the bytes of a `.npy` file. `name` only labels errors. */
export function parseNpy(bytes: Uint8Array, name = 'npy'): NpyArray {
  const fail = (why: string): never => {
    throw new Error(`Error in parseNpy: ${name} is not a readable .npy file: ${why}`);
  };
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) fail('missing the \\x93NUMPY magic');
  const major = bytes[6];
  const headerLenBytes = major === 1 ? 2 : 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + headerLenBytes;
  if (start + headerLen > bytes.length) fail('truncated header');
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) fail(`bad header ${header}`);
  if (fortran === 'True') fail('Fortran-ordered arrays are not supported; save with np.ascontiguousarray');
  const dtype = DESCR[descr!] ?? fail(`unsupported dtype '${descr}' (accepted: ${Object.keys(DESCR).join(', ')})`);
  const shape = shapeText!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const ctor = CTOR[dtype];
  const dataStart = start + headerLen;
  const byteLength = count * ctor.BYTES_PER_ELEMENT;
  if (dataStart + byteLength > bytes.length) {
    fail(`truncated data: expected ${byteLength} bytes for shape (${shape.join(', ')}), got ${bytes.length - dataStart}`);
  }
  // Copy so the result is aligned and owns its memory.
  const data = new ctor(count);
  new Uint8Array(data.buffer).set(bytes.subarray(dataStart, dataStart + byteLength));
  return { dtype, shape, data } as NpyArray;
}

/** Serialises a typed array with a shape as `.npy` bytes (format 1.0). */
export function formatNpy(data: NpyArray['data'], shape: readonly number[], dtype?: NpyArray['dtype']): Uint8Array {
  const kind = dtype ?? dtypeOf(data);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new Error(`Error in formatNpy: shape (${shape.join(', ')}) holds ${count} values, but the data has ${data.length}`);
  }
  const descr = Object.entries(DESCR).find(([, d]) => d === kind)![0];
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

function dtypeOf(data: NpyArray['data']): NpyArray['dtype'] {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'uint8';
}
