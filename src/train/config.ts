import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const positive = z.number().positive();

const protocolsSchema = z
  .object({
    /** Grey screen on the reduced engine, from the bias state. */
    grey: z
      .object({ dt: positive.default(0.02), durationS: positive.default(3) })
      .strict()
      .prefault({}),
    /** Full-field ON and OFF flashes on the reduced engine, after a grey period. */
    flashes: z
      .object({ dt: positive.default(0.01), tPreS: positive.default(1), tFlashS: positive.default(1) })
      .strict()
      .prefault({}),
    /** Procedural naturalistic movies on the lattice engine at a small extent (fast; see docs/training.md). */
    naturalistic: z
      .object({
        nMovies: z.number().int().positive().default(4),
        durationS: positive.default(1.5),
        tPreS: positive.default(0.5),
        dt: positive.default(0.02),
        extent: z.number().int().min(2).max(15).default(6),
        seed: z.number().int().default(0),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** The default target set and weights (docs/targets.md explains each). */
export const DEFAULT_TARGETS: Record<string, Record<string, unknown>> = {
  operatingPoint: { weight: 10 },
  settling: { weight: 1 },
  stability: { weight: 1 },
  scaleAlignment: { weight: 1 },
  responsiveness: { weight: 20 },
  coarseDynamics: { weight: 1 },
  energy: { weight: 0.02 },
  connectomePrior: { weight: 0.01 },
};

export const runConfigSchema = z
  .object({
    /** Seeds the naturalistic movies (with protocols.naturalistic.seed) and nothing else; the loop is deterministic. @default 0 */
    seed: z.number().int().default(0),
    /** @default 60 */
    iterations: z.number().int().positive().default(60),
    /** Initial parameters (flyaux JSON or flyvis checkpoint); default: flyaux's default network. */
    params: z.string().optional(),
    optimizer: z
      .object({
        kind: z.enum(['adam', 'sgd']).default('adam'),
        lr: z
          .object({
            bias: positive.default(0.03),
            tauS: positive.default(0.05),
            strength: positive.default(0.1),
          })
          .strict()
          .prefault({}),
        beta1: z.number().min(0).max(1).default(0.9),
        beta2: z.number().min(0).max(1).default(0.999),
        eps: positive.default(1e-8),
      })
      .strict()
      .prefault({}),
    schedule: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('constant') }).strict(),
        z.object({ kind: z.literal('step'), every: z.number().int().positive(), factor: positive }).strict(),
        z
          .object({
            kind: z.literal('cosine'),
            iterations: z.number().int().positive(),
            floor: z.number().min(0).max(1),
          })
          .strict(),
      ])
      .default({ kind: 'constant' }),
    constraints: z
      .object({
        /** Time constants are kept in [tauMinS, tauMaxS] (s). */
        tauMinS: positive.default(0.005),
        tauMaxS: positive.default(1),
      })
      .strict()
      .prefault({}),
    protocols: protocolsSchema.prefault({}),
    /** Built-in targets by name with their options (each has a weight); replaces the default set when given. */
    targets: z.record(z.string(), z.record(z.string(), z.unknown())).default(DEFAULT_TARGETS),
    /** User targets: a module exporting `target` (or default) with {name, protocol, schema, evaluate}. */
    custom: z
      .array(
        z.object({ module: z.string(), options: z.record(z.string(), z.unknown()).default({}) }).strict(),
      )
      .default([]),
    /** Iterations between checkpoints. @default 10 */
    checkpointEvery: z.number().int().positive().default(10),
  })
  .strict();

export type RunConfig = z.infer<typeof runConfigSchema>;
/** What a user writes: every field optional. */
export type UserRunConfig = z.input<typeof runConfigSchema>;

/** Identity helper so config files written in TypeScript get types (vite's defineConfig). */
export const defineRunConfig = (config: UserRunConfig) => config;

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** Fills defaults once; a typo or bad value names the offending key. */
export function resolveConfig(input: unknown, source = 'config'): RunConfig {
  const parsed = runConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? ` '${issue.keys.join("', '")}'` : '';
    throw new Error(`invalid ${source}: ${pathText(issue.path)}${keys}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadConfig(path: string): RunConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read config ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(
      `config ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`,
    );
  }
  return resolveConfig(data, `config ${path}`);
}
