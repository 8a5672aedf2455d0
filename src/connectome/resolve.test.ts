import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencePath } from '../testing/reference.ts';
import { CONNECTOME_FILE, CONNECTOME_SHA256, defaultCacheDir, resolveConnectome, sha256 } from './resolve.ts';

const realFile = referencePath('flyvis_data', CONNECTOME_FILE);
const realFolder = referencePath('flyvis_data');
const scratch = mkdtempSync(join(tmpdir(), 'flyaux-resolve-'));
const freshDir = (name: string) => mkdtempSync(join(scratch, `${name}-`));

/** A local server: /real serves the connectome, /corrupt a copy with one byte changed, anything else 404. */
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  const real = readFileSync(realFile);
  const corrupt = Buffer.from(real);
  corrupt[100] ^= 1;
  server = createServer((req, res) => {
    const body = req.url === '/real' ? real : req.url === '/corrupt' ? corrupt : undefined;
    res.writeHead(body ? 200 : 404).end(body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

describe('resolveConnectome', () => {
  it('takes an explicit file or folder first, before the environment variable', async () => {
    const env = { FLYAUX_CONNECTOME: '/nonexistent' };
    expect(await resolveConnectome({ path: realFile, env })).toEqual({ path: realFile, source: 'option' });
    expect(await resolveConnectome({ path: realFolder, env })).toEqual({ path: realFile, source: 'option' });
  });

  it('says which explicit path is missing or lacks the file', async () => {
    await expect(resolveConnectome({ path: join(scratch, 'nope.json'), env: {} })).rejects.toThrow(
      `--connectome ${join(scratch, 'nope.json')} does not exist`,
    );
    const empty = freshDir('empty');
    await expect(resolveConnectome({ path: empty, env: {} })).rejects.toThrow(
      `--connectome ${empty} is a folder without ${CONNECTOME_FILE}`,
    );
  });

  it('takes $FLYAUX_CONNECTOME as a file or a folder, before the cache', async () => {
    const cacheDir = freshDir('cache');
    copyFileSync(realFile, join(cacheDir, CONNECTOME_FILE));
    for (const value of [realFile, realFolder]) {
      expect(await resolveConnectome({ env: { FLYAUX_CONNECTOME: value }, cacheDir })).toEqual({
        path: realFile,
        source: 'env',
      });
    }
    await expect(resolveConnectome({ env: { FLYAUX_CONNECTOME: '/nonexistent' } })).rejects.toThrow(
      '$FLYAUX_CONNECTOME /nonexistent does not exist',
    );
  });

  it('uses the cache directory, by default $XDG_CACHE_HOME/flyaux', async () => {
    const xdg = freshDir('xdg');
    const cacheDir = defaultCacheDir({ XDG_CACHE_HOME: xdg });
    expect(cacheDir).toBe(join(xdg, 'flyaux'));
    mkdirSync(cacheDir);
    copyFileSync(realFile, join(cacheDir, CONNECTOME_FILE));
    expect(await resolveConnectome({ env: { XDG_CACHE_HOME: xdg }, url: `${baseUrl}/missing` })).toEqual({
      path: join(cacheDir, CONNECTOME_FILE),
      source: 'cache',
    });
  });

  it('downloads into the cache, checks the SHA-256, and uses the cached copy next time', async () => {
    const cacheDir = join(freshDir('download'), 'nested');
    const log: string[] = [];
    const first = await resolveConnectome({
      env: {},
      cacheDir,
      url: `${baseUrl}/real`,
      log: (m) => log.push(m),
    });
    const cached = join(cacheDir, CONNECTOME_FILE);
    expect(first).toEqual({ path: cached, source: 'download' });
    expect(sha256(readFileSync(cached))).toBe(CONNECTOME_SHA256);
    expect(log).toEqual([
      `downloading the connectome from ${baseUrl}/real`,
      `cached the connectome at ${cached}`,
    ]);
    expect(readdirSync(cacheDir)).toEqual([CONNECTOME_FILE]);
    expect(await resolveConnectome({ env: {}, cacheDir, url: `${baseUrl}/corrupt` })).toEqual({
      path: cached,
      source: 'cache',
    });
  });

  it('rejects a download whose checksum differs and caches nothing', async () => {
    const cacheDir = freshDir('corrupt');
    await expect(resolveConnectome({ env: {}, cacheDir, url: `${baseUrl}/corrupt` })).rejects.toThrow(
      new RegExp(`has SHA-256 [0-9a-f]{64}, expected ${CONNECTOME_SHA256}; not cached`),
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('explains how to provide the file when the server answers 404 or cannot be reached', async () => {
    const cacheDir = freshDir('offline');
    const howTo = new RegExp(
      `Provide ${CONNECTOME_FILE.replace(/\./g, '\\.')} .* with --connectome PATH, set \\$FLYAUX_CONNECTOME .*copy it to ${cacheDir}`,
    );
    await expect(resolveConnectome({ env: {}, cacheDir, url: `${baseUrl}/missing` })).rejects.toThrow(
      /HTTP 404/,
    );
    await expect(resolveConnectome({ env: {}, cacheDir, url: `${baseUrl}/missing` })).rejects.toThrow(howTo);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = resolveConnectome({ env: {}, cacheDir, url: `http://127.0.0.1:${port}/x` });
    await expect(unreachable).rejects.toThrow(/download failed \(.*ECONNREFUSED.*\)/);
    await expect(resolveConnectome({ env: {}, cacheDir, url: `http://127.0.0.1:${port}/x` })).rejects.toThrow(
      howTo,
    );
    expect(existsSync(join(cacheDir, CONNECTOME_FILE))).toBe(false);
  });
});
