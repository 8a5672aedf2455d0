import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { NetworkTables } from '../connectome/tables.ts';
import { readNpyFloat32 } from '../io/files.ts';
import { toFloat32Vector } from './jsonValues.ts';
import { FLYVIS_KEYS, initParams, validateParams, type ParamName, type Params } from './params.ts';
import { checkLabels, countGroupLabel } from './tableKeys.ts';

/**
 * Parameter files exported from flyvis with plain Python: the JSON of the reference data
 * (`default_init_params.json`: node_types, edge_type_keys, syn_count_keys [src, tar, du, dv] and the
 * vectors under flyvis names, syn counts as logs in `edges_syn_count_raw`) and folders of `.npy` files.
 */

const labelSchema = z.object({
  node_types: z.array(z.string()),
  edge_type_keys: z.array(z.tuple([z.string(), z.string()])),
  syn_count_keys: z.array(z.tuple([z.string(), z.string(), z.number(), z.number()])),
});

const VECTOR_FIELDS: Record<ParamName, string> = { ...FLYVIS_KEYS, synCountLog: 'edges_syn_count_raw' };

export function isReferenceParamsJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'node_types' in json && 'nodes_bias' in json;
}

/** Reads the reference JSON format; with `tables`, its keys must match the connectome and values be finite. */
export function paramsFromReferenceJson(json: unknown, source: string, tables?: NetworkTables): Params {
  const where = `paramsFromReferenceJson: ${source}`;
  const record = json as Record<string, unknown>;
  const params = Object.fromEntries(
    Object.entries(VECTOR_FIELDS).map(([name, field]) => [
      name,
      toFloat32Vector(record[field], field, where),
    ]),
  ) as unknown as Params;
  if (!tables) return params;
  const parsed = labelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Error in ${where}: '${issue.path.join('.')}': ${issue.message}`);
  }
  const labels = parsed.data;
  checkLabels(
    tables,
    {
      cellTypes: labels.node_types,
      pairs: labels.edge_type_keys.map(([s, t]) => `${s}→${t}`),
      countGroups: labels.syn_count_keys.map(([s, t, du, dv]) => countGroupLabel(s, t, du, dv)),
    },
    where,
  );
  validateParams(tables, params, source);
  return params;
}

/** The `.npy` file of one vector in a folder, named `<flyvis key>.npy` or `params_<flyvis key>.npy`. */
function npyIn(dir: string, name: ParamName): string | undefined {
  const key = name === 'synCountLog' ? VECTOR_FIELDS.synCountLog : FLYVIS_KEYS[name];
  return [`${key}.npy`, `params_${key}.npy`].map((f) => join(dir, f)).find(existsSync);
}

export function isParamsFolder(dir: string): boolean {
  return npyIn(dir, 'bias') !== undefined;
}

/**
 * Reads a folder of `.npy` vectors (e.g. the reference `strong_seed1/params_*.npy` or
 * `relu_variant/nodes_bias.npy`). Biases are required; a missing τ, sign, synapse count or strength
 * takes flyvis's deterministic default (0.05 s, the pair's sign, ln n_syn, 0.01 / mean n_syn) as
 * initParams computes it (ln n_syn may differ from flyvis's float32 log by one float32 step).
 * Log counts are read only from `edges_syn_count_raw.npy`: flyvis exports name both counts and logs
 * `edges_syn_count`. Returns which vectors were defaulted.
 */
export function paramsFromFolder(
  dir: string,
  tables: NetworkTables,
): { params: Params; defaulted: ParamName[] } {
  const defaults = initParams(tables);
  const defaulted: ParamName[] = [];
  const pick = (name: ParamName): Float32Array => {
    const file = npyIn(dir, name);
    if (file) return readNpyFloat32(file).data;
    if (name === 'bias')
      throw new Error(`Error in paramsFromFolder: ${dir} has no nodes_bias.npy or params_nodes_bias.npy`);
    defaulted.push(name);
    return defaults[name];
  };
  const params: Params = {
    bias: pick('bias'),
    tauS: pick('tauS'),
    sign: pick('sign'),
    synCountLog: pick('synCountLog'),
    strength: pick('strength'),
  };
  validateParams(tables, params, dir);
  return { params, defaulted };
}
