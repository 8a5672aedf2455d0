import type { NetworkTables } from '../../connectome/tables.ts';

/** Stable ids that let workers keep a network or parameter set between requests. */
const tablesIds = new WeakMap<NetworkTables, number>();
let lastId = 0;

export function tablesId(tables: NetworkTables): number {
  let id = tablesIds.get(tables);
  if (id === undefined) {
    id = ++lastId;
    tablesIds.set(tables, id);
  }
  return id;
}

/** A fresh id for a parameter set that will not change while it is in use (one engine, one gradient call). */
export function newParamsId(): number {
  return ++lastId;
}
