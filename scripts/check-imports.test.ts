import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failures, formatGraph, importEdges, importSpecifiers } from './check-imports.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A throwaway repo with the given files (path → source). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'flyaux-imports-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

describe('check-imports', () => {
  it('finds no upward import in flyaux itself', () => {
    const edges = importEdges(repoRoot);
    expect(edges.length).toBeGreaterThan(0);
    expect(failures(edges)).toEqual([]);
  });

  it('reads static, re-exported, multi-line and dynamic imports but not commented-out ones', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type {\n  B,\n} from '../b/b.ts';",
      "export * from './c.ts';",
      "const d = await import('../d/d.ts');",
      "import './e.ts';",
      "// import { f } from '../f/f.ts';",
      "/* import { g } from '../g/g.ts'; */",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b/b.ts', './c.ts', '../d/d.ts', './e.ts']);
  });

  it('reports an upward import, testing/ used by library code and a folder outside the order', () => {
    const root = tree({
      'src/connectome/a.ts': "import { p } from '../network/p.ts';",
      'src/network/p.ts':
        "import { hex } from '../connectome/a.ts';\nimport { ref } from '../testing/ref.ts';",
      'src/util/u.ts': "import { e } from '../engine/e.ts';",
      'src/engine/e.ts': "import { u } from '../util/u.ts';",
      'src/plots/x.ts': "import { u } from '../util/u.ts';",
      'src/testing/ref.ts': "import { p } from '../network/p.ts';",
    });
    expect(failures(importEdges(root))).toEqual([
      'src/connectome/a.ts → src/network/p.ts: connectome/ may not import network/ (upward)',
      'src/network/p.ts → src/testing/ref.ts: testing/ may only be imported by tests',
      "src/plots/x.ts → src/util/u.ts: folder 'plots' has no place in the dependency order (scripts/check-imports.ts)",
      'src/util/u.ts → src/engine/e.ts: util/ may not import engine/ (upward)',
    ]);
  });

  it('allows peers, downward imports, bench, and tests that use testing/ or import upward', () => {
    const root = tree({
      'src/stimuli/s.ts': "import { t } from '../targets/t.ts';",
      'src/targets/t.ts': "import { s } from '../stimuli/s.ts';\nimport { n } from '../network/n.ts';",
      'src/network/n.ts': "import { r } from '../io/r.ts';",
      'src/network/n.test.ts':
        "import { ref } from '../testing/ref.ts';\nimport { s } from '../stimuli/s.ts';",
      'src/engine/fixture.fixture.ts': "import { ref } from '../testing/ref.ts';",
      'src/io/r.ts': "import { u } from '../util/u.ts';",
      'src/util/u.ts': '',
      'src/testing/ref.ts': "import { t } from '../targets/t.ts';",
      'bench/run.ts': "import { t } from '../src/targets/t.ts';",
    });
    const edges = importEdges(root);
    expect(failures(edges)).toEqual([]);
    expect(formatGraph(edges).split('\n')).toEqual([
      '  bench → targets (1)',
      '  engine → testing (1)',
      '  io → util (1)',
      '  network → io (1)',
      't network → stimuli (1)',
      '  network → testing (1)',
      '  stimuli → targets (1)',
      '  targets → network (1)',
      '  targets → stimuli (1)',
      '  testing → targets (1)',
    ]);
  });
});
