import { z } from 'zod';

/** One cell type of the connectome; `stride` (su, sv) places a node at (u, v) iff u ≡ 0 mod su and v ≡ 0 mod sv. */
export interface CellTypeSpec {
  name: string;
  /** Null means a single node at (0, 0). */
  stride: [number, number] | null;
}

export interface OffsetSpec {
  du: number;
  dv: number;
  /** Mean synapse count of this offset (averaged across reconstructions in the file). */
  nSyn: number;
}

export interface PairSpec {
  source: string;
  target: string;
  /** +1 excitatory, −1 inhibitory. */
  sign: 1 | -1;
  offsets: OffsetSpec[];
  /** `lambda_mult` of the file; stored only, unused by the dynamics. */
  nSynCertainty: number;
}

export interface Connectome {
  cellTypes: CellTypeSpec[];
  pairs: PairSpec[];
  inputTypes: string[];
  outputTypes: string[];
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const integer = z.number().int();
const pattern = z.union(
  [
    z.tuple([z.literal('stride'), z.tuple([integer.positive(), integer.positive()])]),
    z.tuple([z.literal('tile'), integer.positive()]),
    z.tuple([z.literal('single'), z.null()]),
  ],
  { error: "expected ['stride', [su, sv]], ['tile', n] or ['single', null] with positive integers" },
);
const fileSchema = z.object({
  nodes: z.array(z.object({ name: z.string().min(1), pattern }).loose()).min(1),
  edges: z.array(
    z
      .object({
        src: z.string(),
        tar: z.string(),
        alpha: z.union([z.literal(1), z.literal(-1)], { error: 'expected 1 or -1' }),
        offsets: z.array(z.tuple([z.tuple([integer, integer]), finite.positive()])).min(1),
        lambda_mult: finite.optional(),
      })
      .loose(),
  ),
  input_units: z.array(z.string()).min(1),
  output_units: z.array(z.string()),
});

/** ` (Mi1→T4a)` for an edge entry, ` (T4a)` for a node entry: which entry an issue is about. */
function entryLabel(json: unknown, path: readonly PropertyKey[]): string {
  const list = (json as Record<PropertyKey, unknown> | null)?.[path[0]];
  const entry = (Array.isArray(list) ? list[path[1] as number] : undefined) as
    Record<string, unknown> | undefined;
  if (typeof entry?.src === 'string' && typeof entry.tar === 'string') return ` (${entry.src}→${entry.tar})`;
  return typeof entry?.name === 'string' ? ` (${entry.name})` : '';
}

/** Formats a zod issue path as `edges[12] (Mi1→T4a).offsets[0]`. */
function pathText(path: readonly PropertyKey[], json: unknown): string {
  const parts = path.map((p, i) =>
    typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`,
  );
  if (parts.length > 1) parts[1] += entryLabel(json, path);
  return parts.join('');
}

/** The offending value of an issue, for the message ("got 0.5"). */
function valueAt(json: unknown, path: readonly PropertyKey[]): string {
  const value = path.reduce<unknown>((v, p) => (v as Record<PropertyKey, unknown> | undefined)?.[p], json);
  if (value === undefined) return 'missing';
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Validates a parsed flyvis connectome JSON and converts it. Errors name the field and the entry,
 * e.g. "edges[12] (Mi1→T4a).tar: unknown cell type 'T4x'".
 */
export function parseConnectome(json: unknown, source = 'connectome'): Connectome {
  const fail = (where: string, why: string): never => {
    throw new Error(`invalid connectome ${source}: ${where}: ${why}`);
  };
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(pathText(issue.path, json) || '(top level)', `${issue.message} (got ${valueAt(json, issue.path)})`);
  }
  const file = parsed.data!;
  const names = new Set<string>();
  const cellTypes = file.nodes.map((n, i): CellTypeSpec => {
    if (names.has(n.name)) fail(`nodes[${i}].name`, `duplicate cell type '${n.name}'`);
    names.add(n.name);
    const [kind, args] = n.pattern;
    const stride: [number, number] | null =
      kind === 'stride' ? [args[0], args[1]] : kind === 'tile' ? [args, args] : null;
    return { name: n.name, stride };
  });
  const known = (where: string, name: string) => {
    if (!names.has(name)) fail(where, `unknown cell type '${name}'`);
  };
  file.input_units.forEach((n, i) => known(`input_units[${i}]`, n));
  file.output_units.forEach((n, i) => known(`output_units[${i}]`, n));
  const seenPairs = new Set<string>();
  const pairs = file.edges.map((e, i): PairSpec => {
    const label = `edges[${i}] (${e.src}→${e.tar})`;
    known(`${label}.src`, e.src);
    known(`${label}.tar`, e.tar);
    const key = `${e.src}->${e.tar}`;
    if (seenPairs.has(key)) fail(label, 'duplicate pair');
    seenPairs.add(key);
    const seenOffsets = new Set<string>();
    const offsets = e.offsets.map(([[du, dv], nSyn], j) => {
      if (seenOffsets.has(`${du},${dv}`)) fail(`${label}.offsets[${j}]`, `duplicate offset (${du}, ${dv})`);
      seenOffsets.add(`${du},${dv}`);
      return { du, dv, nSyn };
    });
    return { source: e.src, target: e.tar, sign: e.alpha, offsets, nSynCertainty: e.lambda_mult ?? NaN };
  });
  return { cellTypes, pairs, inputTypes: file.input_units, outputTypes: file.output_units };
}

/** Parses connectome JSON text; truncated or malformed JSON is reported with the source name. */
export function parseConnectomeText(text: string, source = 'connectome'): Connectome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `invalid connectome ${source}: not valid JSON (truncated or corrupted?): ${(e as Error).message}`,
    );
  }
  return parseConnectome(json, source);
}
