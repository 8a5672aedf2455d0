import { existsSync, readFileSync, statSync } from 'node:fs';
import type { NetworkTables } from '../connectome/tables.ts';
import { isTorchArchive, readFlyvisCheckpoint } from './checkpoint.ts';
import { parseJsonText } from './jsonValues.ts';
import { initParams, type Params } from './params.ts';
import { isParamsNpz, paramsFromJson, paramsFromNpz } from './paramsFile.ts';
import {
  isParamsFolder,
  isReferenceParamsJson,
  paramsFromFolder,
  paramsFromReferenceJson,
} from './referenceFormats.ts';
import { isZip, unzipArchive } from './torchArchive.ts';

export interface LoadedParams {
  params: Params;
  /** What was loaded, for logs and summaries, e.g. "flyvis checkpoint runs/x/chkpt_00003". */
  source: string;
}

const ACCEPTED =
  'a flyaux parameter JSON (format "flyaux-params"), a flyvis checkpoint (torch.save ZIP), ' +
  'an .npz with nodes_bias, …, a reference JSON with node_types/nodes_bias, or a folder of .npy vectors';

/**
 * The parameters of a network: flyaux's default network without a path, otherwise read from a file
 * whose format is detected from its content. Every format is checked against the tables.
 */
export function loadParams(tables: NetworkTables, path?: string): LoadedParams {
  if (path === undefined) return { params: initParams(tables), source: 'default (seed 0)' };
  const fail = (why: string): never => {
    throw new Error(`Error in loadParams: ${path} ${why}`);
  };
  if (!existsSync(path)) fail('does not exist');
  if (statSync(path).isDirectory()) {
    if (!isParamsFolder(path))
      fail(`is a folder without nodes_bias.npy or params_nodes_bias.npy; accepted: ${ACCEPTED}`);
    const { params, defaulted } = paramsFromFolder(path, tables);
    const note = defaulted.length > 0 ? ` (flyvis defaults for ${defaulted.join(', ')})` : '';
    return { params, source: `.npy folder ${path}${note}` };
  }
  const bytes = readFileSync(path);
  if (isZip(bytes)) {
    const files = unzipArchive(bytes, path);
    if (isTorchArchive(files))
      return { params: readFlyvisCheckpoint(files, path, tables), source: `flyvis checkpoint ${path}` };
    if (isParamsNpz(files)) return { params: paramsFromNpz(files, tables, path), source: `.npz ${path}` };
    fail(`is a ZIP archive but neither a torch checkpoint nor a parameter .npz; accepted: ${ACCEPTED}`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!/^\s*[{[]/.test(text)) fail(`has an unknown format; accepted: ${ACCEPTED}`);
  const json = parseJsonText(text, path);
  // Any JSON with a `format` field is meant as a flyaux file: report what is wrong with that field.
  if (hasFormatField(json))
    return { params: paramsFromJson(json, tables, path).params, source: `flyaux parameters ${path}` };
  if (isReferenceParamsJson(json)) {
    return { params: paramsFromReferenceJson(json, path, tables), source: `flyvis reference JSON ${path}` };
  }
  const keys =
    typeof json === 'object' && json !== null ? Object.keys(json).slice(0, 8).join(', ') : typeof json;
  return fail(`is JSON of an unknown format (keys: ${keys}); accepted: ${ACCEPTED}`);
}

function hasFormatField(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'format' in json;
}
