import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { zipSync } from 'fflate';
import { formatNpy, parseNpy, type NpyArray } from './npy.ts';

/** Reads a `.npy` file, naming the path in any error. */
export function readNpy(path: string): NpyArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  return parseNpy(bytes, path);
}

/** Reads a float `.npy` file as float32 (float64 is converted). */
export function readNpyFloat32(path: string): { shape: number[]; data: Float32Array } {
  const a = readNpy(path);
  if (a.dtype === 'float32') return a;
  if (a.dtype === 'float64') return { shape: a.shape, data: Float32Array.from(a.data) };
  throw new Error(`Error in readNpyFloat32: ${path} must hold float32 or float64, but holds ${a.dtype}`);
}

/**
 * Writes a file so that it is either complete or absent: the bytes go to a temporary file that
 * is renamed over the target (rename is atomic on one file system).
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

export function writeNpy(path: string, data: NpyArray['data'], shape: readonly number[]): void {
  writeFileAtomic(path, formatNpy(data, shape));
}

export function writeJson(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 1) + '\n');
}

/** Writes several arrays as an uncompressed `.npz` archive (what `np.load` reads). */
export function writeNpz(path: string, arrays: Record<string, { data: NpyArray['data']; shape: readonly number[] }>): void {
  const files: Record<string, Uint8Array> = {};
  for (const [name, a] of Object.entries(arrays)) files[`${name}.npy`] = formatNpy(a.data, a.shape);
  writeFileAtomic(path, zipSync(files, { level: 0 }));
}
