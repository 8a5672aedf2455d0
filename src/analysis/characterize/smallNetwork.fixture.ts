import { loadNetwork, type LoadedNetwork } from '../../connectome/load.ts';
import type { Params } from '../../network/params.ts';
import { referencePath } from '../../testing/reference.ts';
import { loadReferenceParams } from '../../testing/referenceParams.ts';
import { characterize } from './characterize.ts';
import type { CharacterizeOptions } from './options.ts';
import type { Characterization } from './types.ts';

/**
 * Test fixture: the flyvis network (all 65 cell types, flyvis's default parameters) on a lattice of
 * extent 3 (37 columns; the smallest on which the linear information rate is defined), where every protocol runs in seconds; the tables are built once per test file.
 */
let network: Promise<LoadedNetwork> | undefined;
export function smallNetwork(): Promise<LoadedNetwork> {
  network ??= loadNetwork({ path: process.env.FLYAUX_CONNECTOME ?? referencePath('flyvis_data'), extent: 3 });
  return network;
}

/** Every protocol on the small network, with 2 movies, speed-19 edges and one grating period and frequency. */
export async function smallCharacterization(
  options: Partial<CharacterizeOptions> = {},
  params: Params = loadReferenceParams('default'),
): Promise<Characterization> {
  const { tables } = await smallNetwork();
  return characterize(tables, params, {
    stimuli: ['grey', 'flashes', 'edges', 'gratings', 'naturalistic', 'chirp', 'noise', 'inforate'],
    quick: true,
    nMovies: 2,
    gratingPeriods: [4],
    gratingFrequenciesHz: [2],
    ...options,
  });
}
