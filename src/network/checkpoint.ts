import type { NetworkTables } from '../connectome/tables.ts';
import { FLYVIS_KEYS, PARAM_NAMES, paramLengths, validateParams, type Params } from './params.ts';
import {
  isTensorRef,
  readTorchArchive,
  tensorToFloat32,
  torchPrefix,
  type TensorRef,
} from './torchArchive.ts';

/** True if an unzipped archive is a torch.save archive (has `<prefix>/data.pkl`). */
export function isTorchArchive(files: Record<string, Uint8Array>): boolean {
  return torchPrefix(files) !== undefined;
}

const shapeText = (shape: readonly number[]) => `(${shape.join(', ')})`;

/**
 * Reads the five parameter vectors of a flyvis checkpoint (MODEL_SPEC §7): the `network` state dict
 * of a `chkpt_NNNNN` file, or a bare network state dict. `decoder`, `optim`, `time`, … are not read.
 * With `tables`, shapes must fit the connectome and values be finite; errors name every misfit.
 */
export function readFlyvisCheckpoint(
  files: Record<string, Uint8Array>,
  source: string,
  tables?: NetworkTables,
): Params {
  const fail = (why: string): never => {
    throw new Error(`Error in readFlyvisCheckpoint: ${source}: ${why}`);
  };
  const archive = readTorchArchive(files, source);
  const root = archive.root;
  if (!(root instanceof Map)) fail(`expected a pickled dict, got ${typeof root}`);
  const top = root as Map<unknown, unknown>;
  const network = top.has('network') ? top.get('network') : top.has(FLYVIS_KEYS.bias) ? top : undefined;
  if (!(network instanceof Map)) {
    fail(
      `expected a flyvis checkpoint dict with a 'network' state dict; found keys ${[...top.keys()].join(', ')}`,
    );
  }
  const state = network as Map<unknown, unknown>;
  const tensors = PARAM_NAMES.map((name) => {
    const key = FLYVIS_KEYS[name];
    const t = state.get(key);
    if (!isTensorRef(t))
      fail(`network.${key} is missing or not a tensor (found keys ${[...state.keys()].join(', ')})`);
    return [name, t as TensorRef] as const;
  });
  if (tables) {
    const n = paramLengths(tables);
    const misfits = tensors
      .filter(([name, t]) => t.shape.length !== 1 || t.shape[0] !== n[name])
      .map(
        ([name, t]) => `network.${FLYVIS_KEYS[name]} has shape ${shapeText(t.shape)}, expected (${n[name]})`,
      );
    if (misfits.length > 0) fail(`shapes do not fit this connectome: ${misfits.join('; ')}`);
  }
  const vectors = Object.fromEntries(
    tensors.map(([name, t]) => [name, tensorToFloat32(archive, t, `network.${FLYVIS_KEYS[name]}`)]),
  ) as unknown as Params;
  if (tables) validateParams(tables, vectors, source);
  return vectors;
}
