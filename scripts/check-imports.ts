/**
 * Prints the folder-level import graph of src/ (and bench/) and exits non-zero on any edge that points
 * against the dependency order connectome → network → engine → stimuli/targets → train → analysis → report
 * → cli/bench. util/ and io/ sit below everything and may be imported anywhere; testing/ only from test code.
 * Test code (*.test.ts, *.fixture.ts) never ships, so its upward imports (an integration test kept beside
 * the lower module) are listed as notes, not failures.
 *
 *   npx tsx scripts/check-imports.ts [repo root]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Rank of each folder: a file may import folders of equal or lower rank. */
export const LAYER_RANK: Readonly<Record<string, number>> = {
  util: -1,
  io: -1,
  connectome: 0,
  network: 1,
  engine: 2,
  stimuli: 3,
  targets: 3,
  train: 4,
  analysis: 5,
  report: 6,
  cli: 7,
  bench: 7,
};

export interface ImportEdge {
  /** Importing file and imported file, relative to the repo root with '/' separators. */
  from: string;
  to: string;
  fromFolder: string;
  toFolder: string;
}

/** Test code may use testing/: test files, test fixtures and testing/ itself. */
export const isTestCode = (file: string) =>
  /\.(test|fixture)\.ts$/.test(file) || folderOf(file) === 'testing';

/** 'src/engine/cpu/x.ts' → 'engine'; 'bench/run.ts' → 'bench'. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' ? (parts.length > 2 ? parts[1] : '(src root)') : parts[0];
}

function listTs(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // bench/ may not exist yet
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : listTs(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative module specifiers of static imports, re-exports and dynamic imports, comments removed. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)];
  return found.map((m) => m[1]);
}

/** Every relative import between files of src/ and bench/ under `root`. */
export function importEdges(root: string): ImportEdge[] {
  const files = [...listTs(join(root, 'src')), ...listTs(join(root, 'bench'))].sort();
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  return files.flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8')).flatMap((spec) => {
      const target = rel(resolve(dirname(file), spec));
      if (!target.startsWith('src/') && !target.startsWith('bench/')) return [];
      const from = rel(file);
      return [{ from, to: target, fromFolder: folderOf(from), toFolder: folderOf(target) }];
    }),
  );
}

/** Why an edge goes against the dependency order (tests included), or null when it goes with it. */
export function violation(edge: ImportEdge): string | null {
  const { from, fromFolder, toFolder } = edge;
  if (fromFolder === toFolder || fromFolder === 'testing') return null;
  if (toFolder === 'testing') return isTestCode(from) ? null : 'testing/ may only be imported by tests';
  for (const folder of [fromFolder, toFolder]) {
    if (!(folder in LAYER_RANK))
      return `folder '${folder}' has no place in the dependency order (scripts/check-imports.ts)`;
  }
  if (LAYER_RANK[toFolder] > LAYER_RANK[fromFolder])
    return `${fromFolder}/ may not import ${toFolder}/ (upward)`;
  return null;
}

/** Whether an edge fails the check, is an upward import by test code (allowed), or is fine. */
function status(e: ImportEdge): 'fail' | 'test-only' | 'ok' {
  const why = violation(e);
  if (why === null) return 'ok';
  return isTestCode(e.from) && !why.startsWith('folder') ? 'test-only' : 'fail';
}

/** Edges that fail the check, each with its reason. */
export function failures(edges: readonly ImportEdge[]): string[] {
  return edges.filter((e) => status(e) === 'fail').map((e) => `${e.from} → ${e.to}: ${violation(e)}`);
}

/** One line per folder edge with its import count; ✗ marks a failing edge, t one used only by tests upward. */
export function formatGraph(edges: readonly ImportEdge[]): string {
  const MARK = { ok: ' ', 'test-only': 't', fail: '✗' } as const;
  const lines = new Map<string, { n: number; mark: string }>();
  for (const e of edges) {
    if (e.fromFolder === e.toFolder) continue;
    const key = `${e.fromFolder} → ${e.toFolder}`;
    const entry = lines.get(key) ?? { n: 0, mark: ' ' };
    const mark = MARK[status(e)];
    lines.set(key, { n: entry.n + 1, mark: entry.mark === '✗' || mark === ' ' ? entry.mark : mark });
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { n, mark }]) => `${mark} ${key} (${n})`)
    .join('\n');
}

function main(root: string): number {
  const edges = importEdges(root);
  console.log(`folder import graph of ${root}/src and bench (file imports per edge):\n${formatGraph(edges)}`);
  for (const e of edges.filter((x) => status(x) === 'test-only')) {
    console.log(`note: test code imports upward (allowed): ${e.from} → ${e.to}`);
  }
  const bad = failures(edges);
  if (bad.length === 0) {
    console.log('no upward imports');
    return 0;
  }
  console.error(`${bad.length} import(s) against the dependency order:\n${bad.join('\n')}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..')));
}
