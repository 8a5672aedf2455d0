import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/files.ts';

export const CONNECTOME_FILE = 'fib25-fib19_v2.2.json';
/** flyvis commit the file is pinned to (v1.1.3), and the file's SHA-256 there. */
export const CONNECTOME_COMMIT = 'b0b3365d722fcea0b88669ebc0ebd2914023efd6';
export const CONNECTOME_SHA256 = 'bfbb0766251ff09e22723d0ebbf7b14793e70b3ae8ad0eea64eac9d28223351a';
export const CONNECTOME_URL = `https://raw.githubusercontent.com/TuragaLab/flyvis/${CONNECTOME_COMMIT}/flyvis/connectome/${CONNECTOME_FILE}`;
export const CONNECTOME_ENV = 'FLYAUX_CONNECTOME';

export interface ResolveOptions {
  /** Explicit file (or folder holding it), e.g. from `--connectome`. */
  path?: string;
  /** @default process.env */
  env?: Record<string, string | undefined>;
  /** @default ~/.cache/flyaux (or $XDG_CACHE_HOME/flyaux) */
  cacheDir?: string;
  /** @default CONNECTOME_URL */
  url?: string;
  /** @default CONNECTOME_SHA256 */
  sha256?: string;
  /** Reports what was chosen or downloaded. */
  log?: (message: string) => void;
}

export interface ResolvedConnectome {
  path: string;
  source: 'option' | 'env' | 'cache' | 'download';
}

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'flyaux');
}

/** A file, or a folder holding the connectome file. */
function fileIn(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`${what} ${path} does not exist`);
  const file = statSync(path).isDirectory() ? join(path, CONNECTOME_FILE) : path;
  if (!existsSync(file)) throw new Error(`${what} ${path} is a folder without ${CONNECTOME_FILE}`);
  return file;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Finds the connectome JSON: explicit path → $FLYAUX_CONNECTOME → user cache → download from the
 * flyvis repository at a pinned commit (SHA-256 checked, then cached).
 */
export async function resolveConnectome(options: ResolveOptions = {}): Promise<ResolvedConnectome> {
  const env = options.env ?? process.env;
  if (options.path) return { path: fileIn(options.path, '--connectome'), source: 'option' };
  const fromEnv = env[CONNECTOME_ENV];
  if (fromEnv) return { path: fileIn(fromEnv, `$${CONNECTOME_ENV}`), source: 'env' };
  const cacheDir = options.cacheDir ?? defaultCacheDir(env);
  const cached = join(cacheDir, CONNECTOME_FILE);
  if (existsSync(cached)) return { path: cached, source: 'cache' };

  const url = options.url ?? CONNECTOME_URL;
  const expected = options.sha256 ?? CONNECTOME_SHA256;
  options.log?.(`downloading the connectome from ${url}`);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    // fetch reports network errors as "fetch failed" with the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`.
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = [(e as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
    throw new Error(
      `no connectome found and the download failed (${why}). ` +
        `Provide ${CONNECTOME_FILE} (from the flyvis repository, flyvis/connectome/) with --connectome PATH, ` +
        `set $${CONNECTOME_ENV} to the file or its folder, or copy it to ${cached}.`,
    );
  }
  const actual = sha256(bytes);
  if (actual !== expected) {
    throw new Error(
      `downloaded connectome from ${url} has SHA-256 ${actual}, expected ${expected}; not cached`,
    );
  }
  writeFileAtomic(cached, bytes);
  options.log?.(`cached the connectome at ${cached}`);
  return { path: cached, source: 'download' };
}

export function readConnectomeText(path: string): string {
  return readFileSync(path, 'utf8');
}
