import { readFileSync } from 'node:fs';
import { readNpyFloat32 } from '../io/files.ts';
import { readFlyvisCheckpoint } from '../network/checkpoint.ts';
import { parseJsonText } from '../network/jsonValues.ts';
import type { Params } from '../network/params.ts';
import { paramsFromReferenceJson } from '../network/referenceFormats.ts';
import { unzipArchive } from '../network/torchArchive.ts';
import { referencePath } from './reference.ts';

export type ReferenceNetwork = 'default' | 'strong_seed1' | 'relu_variant' | 'divergent_seed1';

/**
 * The parameters of the networks behind the flyvis reference outputs (see ../shared/reference/manifest.json):
 * - default: flyvis's default network with its CPU seed-0 biases (default/default_init_params.json);
 * - strong_seed1: read from its flyvis checkpoint (strong_seed1/chkpt_00000);
 * - relu_variant: default with the variant's nodes_bias.npy and edges_syn_strength.npy (relu_variant/variant.json);
 * - divergent_seed1: its params_*.npy (biases, τ, strengths) with the default signs and synapse counts.
 * Test-only: no connectome check here; pair them with realNetwork().
 */
export function loadReferenceParams(name: ReferenceNetwork): Params {
  switch (name) {
    case 'default': {
      const path = referencePath('default', 'default_init_params.json');
      return paramsFromReferenceJson(parseJsonText(readFileSync(path, 'utf8'), path), path);
    }
    case 'strong_seed1': {
      const path = referencePath('strong_seed1', 'chkpt_00000');
      return readFlyvisCheckpoint(unzipArchive(readFileSync(path), path), path);
    }
    case 'relu_variant':
      return {
        ...loadReferenceParams('default'),
        bias: refVector('relu_variant', 'nodes_bias.npy'),
        strength: refVector('relu_variant', 'edges_syn_strength.npy'),
      };
    case 'divergent_seed1':
      return {
        ...loadReferenceParams('default'),
        bias: refVector('divergent_seed1', 'params_nodes_bias.npy'),
        tauS: refVector('divergent_seed1', 'params_nodes_time_const.npy'),
        strength: refVector('divergent_seed1', 'params_edges_syn_strength.npy'),
      };
    default:
      throw new Error(
        `Unknown reference network '${name as string}'. Accepted: default, strong_seed1, relu_variant, divergent_seed1`,
      );
  }
}

function refVector(...parts: string[]): Float32Array {
  return readNpyFloat32(referencePath(...parts)).data;
}
