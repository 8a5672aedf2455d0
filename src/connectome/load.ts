import { parseConnectomeText, type Connectome } from './parse.ts';
import { readConnectomeText, resolveConnectome, type ResolveOptions } from './resolve.ts';
import { buildTables, type BuildOptions, type NetworkTables } from './tables.ts';

export interface LoadedNetwork {
  connectome: Connectome;
  tables: NetworkTables;
  connectomePath: string;
}

/** Resolves, parses and compiles the connectome: the one call commands make. */
export async function loadNetwork(options: ResolveOptions & BuildOptions = {}): Promise<LoadedNetwork> {
  const { path } = await resolveConnectome(options);
  const connectome = parseConnectomeText(readConnectomeText(path), path);
  return { connectome, tables: buildTables(connectome, options), connectomePath: path };
}
