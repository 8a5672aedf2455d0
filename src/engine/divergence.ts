/** A simulation left the bound (or produced NaN/Inf); carries where and when. */
export class DivergenceError extends Error {
  constructor(
    readonly step: number,
    readonly timeS: number,
    readonly cellTypes: string[],
    readonly bound: number,
  ) {
    const shown = cellTypes.slice(0, 12).join(', ') + (cellTypes.length > 12 ? ', …' : '');
    super(
      `simulation diverged at step ${step} (t = ${timeS.toFixed(4)} s): voltages beyond ±${bound} or non-finite ` +
        `in ${cellTypes.length} cell type(s): ${shown}`,
    );
    this.name = 'DivergenceError';
  }
}

/** Cell types with any node outside ±bound in any sample. */
export function divergedTypes(
  states: Float32Array[],
  nodeType: Int16Array,
  cellTypes: string[],
  bound: number,
): string[] {
  const hit = new Set<number>();
  for (const state of states) {
    for (let i = 0; i < state.length; i++) {
      const v = state[i];
      if (!(v <= bound && v >= -bound)) hit.add(nodeType[i]);
    }
  }
  return [...hit].sort((a, b) => a - b).map((t) => cellTypes[t]);
}
