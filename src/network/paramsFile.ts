import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { NetworkTables } from '../connectome/tables.ts';
import { writeFileAtomic, writeNpz } from '../io/files.ts';
import { parseNpy } from '../io/npy.ts';
import { parseJsonText, toFloat32Vector } from './jsonValues.ts';
import { FLYVIS_KEYS, PARAM_NAMES, validateParams, type Params } from './params.ts';
import { checkLabels, paramLabels, type ParamLabels } from './tableKeys.ts';

export const PARAMS_FORMAT = 'flyaux-params';
export const PARAMS_VERSION = 1;

/**
 * A flyaux parameter file: self-describing (the labels of every vector travel with it) and in flyvis
 * vector order, so `np.array(f['bias'])` lines up with flyvis's `nodes_bias`.
 */
export interface ParamsFileContent extends ParamLabels {
  format: typeof PARAMS_FORMAT;
  version: typeof PARAMS_VERSION;
  bias: number[];
  tauS: number[];
  sign: number[];
  synCountLog: number[];
  strength: number[];
  /** Free-form information about where the parameters come from (run, iteration, seed, …). */
  meta?: Record<string, unknown>;
}

export function paramsToJson(
  tables: NetworkTables,
  params: Params,
  meta?: Record<string, unknown>,
): ParamsFileContent {
  const vectors = Object.fromEntries(PARAM_NAMES.map((name) => [name, Array.from(params[name])]));
  return {
    format: PARAMS_FORMAT,
    version: PARAMS_VERSION,
    ...paramLabels(tables),
    ...(vectors as Record<(typeof PARAM_NAMES)[number], number[]>),
    ...(meta ? { meta } : {}),
  };
}

/** Writes a flyaux parameter file atomically; refuses parameters that do not fit the tables or are not finite. */
export function saveParams(
  path: string,
  tables: NetworkTables,
  params: Params,
  meta?: Record<string, unknown>,
): void {
  validateParams(tables, params, `parameters to save to ${path}`);
  writeFileAtomic(path, JSON.stringify(paramsToJson(tables, params, meta)) + '\n');
}

const headerSchema = z.object({
  format: z.string(),
  version: z.number(),
  cellTypes: z.array(z.string()),
  pairs: z.array(z.string()),
  countGroups: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** Validates parsed file content against the tables: format, version, labels, lengths, finiteness. */
export function paramsFromJson(
  json: unknown,
  tables: NetworkTables,
  source: string,
): { params: Params; meta?: Record<string, unknown> } {
  const where = `loadParamsFile: ${source}`;
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== PARAMS_FORMAT) {
    throw new Error(
      `Error in ${where}: 'format' must be '${PARAMS_FORMAT}', but is ${JSON.stringify(format) ?? 'missing'}`,
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Error in ${where}: '${issue.path.join('.')}': ${issue.message}`);
  }
  const header = parsed.data;
  if (header.version !== PARAMS_VERSION) {
    throw new Error(
      `Error in ${where}: version ${header.version} is not supported (this flyaux reads version ${PARAMS_VERSION})`,
    );
  }
  checkLabels(tables, header, where);
  const record = json as Record<string, unknown>;
  const params = Object.fromEntries(
    PARAM_NAMES.map((name) => [name, toFloat32Vector(record[name], name, where)]),
  ) as unknown as Params;
  validateParams(tables, params, source);
  return { params, meta: header.meta };
}

export function loadParamsFile(
  path: string,
  tables: NetworkTables,
): { params: Params; meta?: Record<string, unknown> } {
  return paramsFromJson(parseJsonText(readFileSync(path, 'utf8'), path), tables, path);
}

/**
 * Writes the five vectors under their flyvis state-dict names (`nodes_bias`, …) as `.npz`, for `np.load`.
 * As in a flyvis checkpoint, `edges_syn_count` holds log synapse counts.
 */
export function exportNpz(path: string, params: Params): void {
  writeNpz(
    path,
    Object.fromEntries(
      PARAM_NAMES.map((name) => [FLYVIS_KEYS[name], { data: params[name], shape: [params[name].length] }]),
    ),
  );
}

export function isParamsNpz(files: Record<string, Uint8Array>): boolean {
  return PARAM_NAMES.every((name) => `${FLYVIS_KEYS[name]}.npy` in files);
}

/** Reads an `.npz` holding the five vectors under their flyvis names (what exportNpz writes). */
export function paramsFromNpz(
  files: Record<string, Uint8Array>,
  tables: NetworkTables,
  source: string,
): Params {
  const params = Object.fromEntries(
    PARAM_NAMES.map((name) => {
      const entry = `${FLYVIS_KEYS[name]}.npy`;
      const a = parseNpy(files[entry], `${source}:${entry}`);
      if (a.dtype !== 'float32' && a.dtype !== 'float64') {
        throw new Error(
          `Error in paramsFromNpz: ${source}:${entry} must hold float32 or float64, but holds ${a.dtype}`,
        );
      }
      return [name, Float32Array.from(a.data)];
    }),
  ) as unknown as Params;
  validateParams(tables, params, source);
  return params;
}
