import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNpy, readNpyFloat32 } from '../io/files.ts';
import { loadNetwork, type LoadedNetwork } from '../connectome/load.ts';

/** Test helpers for the flyvis reference data in ../shared/reference (or $FLYAUX_REFERENCE). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_DIR = process.env.FLYAUX_REFERENCE ?? resolve(repoRoot, '../shared/reference');

export function referencePath(...parts: string[]): string {
  const path = join(REFERENCE_DIR, ...parts);
  if (!existsSync(path)) {
    throw new Error(`reference file ${path} is missing: set FLYAUX_REFERENCE to the flyvis reference folder`);
  }
  return path;
}

export const refNpy = (...parts: string[]) => readNpy(referencePath(...parts));
export const refFloat32 = (...parts: string[]) => readNpyFloat32(referencePath(...parts));

let cached: Promise<LoadedNetwork> | undefined;
/** The real flyvis network at extent 15, compiled once per test file. */
export function realNetwork(): Promise<LoadedNetwork> {
  cached ??= loadNetwork({ path: process.env.FLYAUX_CONNECTOME ?? referencePath('flyvis_data') });
  return cached;
}
