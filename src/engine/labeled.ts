/**
 * Labelled arrays (xarray style): the data travel with dimension names, coordinates and attributes,
 * and every operation speaks of dimension names, never of axis numbers. C order, float32.
 */

export type CoordValue = string | number;

export interface Labeled {
  data: Float32Array;
  dims: string[];
  shape: number[];
  /** Coordinate values along a dimension, keyed by the dimension's name (dims may have none). */
  coords: Record<string, CoordValue[]>;
  attrs: Record<string, unknown>;
}

export interface LabeledInit {
  data: Float32Array;
  dims: string[];
  /** Optional when every dimension has a coordinate. */
  shape?: number[];
  coords?: Record<string, CoordValue[]>;
  attrs?: Record<string, unknown>;
}

/** Builds a labelled array after checking rank, sizes and coordinate lengths. */
export function labeled(init: LabeledInit): Labeled {
  const { data, dims } = init;
  const coords = init.coords ?? {};
  const fail = (msg: string): never => {
    throw new Error(`Error in labeled: ${msg}`);
  };
  if (new Set(dims).size !== dims.length) fail(`dimension names must be unique, got [${dims.join(', ')}]`);
  for (const name of Object.keys(coords)) {
    if (!dims.includes(name)) fail(`coordinate '${name}' has no matching dimension in [${dims.join(', ')}]`);
  }
  const shape =
    init.shape ??
    dims.map((d) => coords[d]?.length ?? fail(`no shape given and dimension '${d}' has no coordinate`));
  if (shape.length !== dims.length) {
    fail(`different number of dimensions on data and dims: ${shape.length} vs ${dims.length}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length)
    fail(`shape (${shape.join(', ')}) holds ${size} values, but the data has ${data.length}`);
  dims.forEach((d, i) => {
    const c = coords[d];
    if (c !== undefined && c.length !== shape[i]) {
      fail(
        `conflicting sizes for dimension '${d}': length ${shape[i]} on the data but length ${c.length} on coordinate '${d}'`,
      );
    }
  });
  return {
    data,
    dims: [...dims],
    shape: [...shape],
    coords: { ...coords },
    attrs: { ...(init.attrs ?? {}) },
  };
}

/** Position of a dimension, with an error naming the accepted dimensions. */
export function axisOf(r: Labeled, dim: string, caller = 'labeled'): number {
  const axis = r.dims.indexOf(dim);
  if (axis < 0)
    throw new Error(`Error in ${caller}: dimension '${dim}' not found; dims are [${r.dims.join(', ')}]`);
  return axis;
}

export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

type Indexer = number | number[];

/** Selects by integer position along named dimensions; a scalar drops the dimension, a list keeps it. */
export function isel(r: Labeled, indexers: Record<string, Indexer>): Labeled {
  const picks = r.dims.map((d, axis) => {
    const ix = indexers[d];
    const list = ix === undefined ? range(r.shape[axis]) : Array.isArray(ix) ? ix : [ix];
    for (const i of list) {
      if (!Number.isInteger(i) || i < 0 || i >= r.shape[axis]) {
        throw new Error(
          `Error in isel: index ${i} is out of bounds for dimension '${d}' of size ${r.shape[axis]}`,
        );
      }
    }
    return { dim: d, list, keep: !(typeof ix === 'number') };
  });
  for (const d of Object.keys(indexers)) axisOf(r, d, 'isel');
  const strides = stridesOf(r.shape);
  const outShape = picks.map((p) => p.list.length);
  const out = new Float32Array(outShape.reduce((a, b) => a * b, 1));
  const counter = new Array<number>(picks.length).fill(0);
  for (let k = 0; k < out.length; k++) {
    let src = 0;
    for (let a = 0; a < picks.length; a++) src += picks[a].list[counter[a]] * strides[a];
    out[k] = r.data[src];
    for (let a = picks.length - 1; a >= 0; a--) {
      if (++counter[a] < outShape[a]) break;
      counter[a] = 0;
    }
  }
  const kept = picks.filter((p) => p.keep);
  const coords: Record<string, CoordValue[]> = {};
  for (const p of kept) {
    const c = r.coords[p.dim];
    if (c !== undefined) coords[p.dim] = p.list.map((i) => c[i]);
  }
  return labeled({
    data: out,
    dims: kept.map((p) => p.dim),
    shape: kept.map((p) => p.list.length),
    coords,
    attrs: r.attrs,
  });
}

export interface SelOptions {
  /** 'exact' (default) or 'nearest' (numeric coordinates only). */
  method?: 'exact' | 'nearest';
}

/** Selects by coordinate value along named dimensions (scalar drops the dimension, list keeps it). */
export function sel(
  r: Labeled,
  indexers: Record<string, CoordValue | CoordValue[]>,
  options: SelOptions = {},
): Labeled {
  const positions: Record<string, Indexer> = {};
  for (const [dim, value] of Object.entries(indexers)) {
    axisOf(r, dim, 'sel');
    const coord = r.coords[dim];
    if (coord === undefined)
      throw new Error(`Error in sel: dimension '${dim}' has no coordinate to select by`);
    const find = (v: CoordValue) => locate(coord, v, dim, options.method ?? 'exact');
    positions[dim] = Array.isArray(value) ? value.map(find) : find(value);
  }
  return isel(r, positions);
}

function locate(coord: CoordValue[], value: CoordValue, dim: string, method: 'exact' | 'nearest'): number {
  if (method === 'nearest' && typeof value === 'number') {
    let best = -1;
    for (let i = 0; i < coord.length; i++) {
      const c = coord[i];
      if (
        typeof c === 'number' &&
        (best < 0 || Math.abs(c - value) < Math.abs((coord[best] as number) - value))
      ) {
        best = i;
      }
    }
    if (best >= 0) return best;
  }
  const i = coord.indexOf(value);
  if (i < 0) {
    const shown = coord.length > 8 ? `${coord.slice(0, 8).join(', ')}, …` : coord.join(', ');
    throw new Error(`Error in sel: ${JSON.stringify(value)} not found in coordinate '${dim}' [${shown}]`);
  }
  return i;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

type Reduction = 'mean' | 'max' | 'min' | 'std';

/** Mean over the named dimension(s), skipping NaN (xarray's skipna default for floats). */
export const mean = (r: Labeled, dims: string | string[]) => reduce(r, dims, 'mean');
export const max = (r: Labeled, dims: string | string[]) => reduce(r, dims, 'max');
export const min = (r: Labeled, dims: string | string[]) => reduce(r, dims, 'min');
/** Population standard deviation (ddof 0, as xarray) over the named dimension(s), skipping NaN. */
export const std = (r: Labeled, dims: string | string[]) => reduce(r, dims, 'std');

function reduce(r: Labeled, dims: string | string[], kind: Reduction): Labeled {
  const names = Array.isArray(dims) ? dims : [dims];
  const reduced = names.map((d) => axisOf(r, d, kind));
  const keptAxes = r.dims.map((_, a) => a).filter((a) => !reduced.includes(a));
  const outShape = keptAxes.map((a) => r.shape[a]);
  const outStrides = stridesOf(outShape);
  // For each input axis, the output stride it moves by (0 for reduced axes).
  const step = r.dims.map((_, a) => (keptAxes.includes(a) ? outStrides[keptAxes.indexOf(a)] : 0));
  const n = outShape.reduce((a, b) => a * b, 1);
  const count = new Float64Array(n);
  const acc = new Float64Array(n).fill(kind === 'max' ? -Infinity : kind === 'min' ? Infinity : 0);
  const visit = (fn: (out: number, x: number) => void) => {
    const counter = new Array<number>(r.dims.length).fill(0);
    let out = 0;
    for (let k = 0; k < r.data.length; k++) {
      const x = r.data[k];
      if (!Number.isNaN(x)) fn(out, x);
      for (let a = r.dims.length - 1; a >= 0; a--) {
        out += step[a];
        if (++counter[a] < r.shape[a]) break;
        out -= step[a] * r.shape[a];
        counter[a] = 0;
      }
    }
  };
  visit((o, x) => {
    count[o]++;
    if (kind === 'max') acc[o] = Math.max(acc[o], x);
    else if (kind === 'min') acc[o] = Math.min(acc[o], x);
    else acc[o] += x;
  });
  const result = new Float32Array(n);
  if (kind === 'max' || kind === 'min') {
    for (let o = 0; o < n; o++) result[o] = count[o] > 0 ? acc[o] : NaN;
  } else {
    for (let o = 0; o < n; o++) acc[o] /= count[o];
    if (kind === 'std') {
      const sq = new Float64Array(n);
      visit((o, x) => (sq[o] += (x - acc[o]) ** 2));
      for (let o = 0; o < n; o++) result[o] = Math.sqrt(sq[o] / count[o]);
    } else result.set(acc);
  }
  const keptDims = keptAxes.map((a) => r.dims[a]);
  const coords = Object.fromEntries(Object.entries(r.coords).filter(([d]) => keptDims.includes(d)));
  return labeled({ data: result, dims: keptDims, shape: outShape, coords, attrs: r.attrs });
}

/** What to write next to a `.npy` file so that the array can be read back with its labels. */
export function sidecar(r: Labeled): {
  dims: string[];
  shape: number[];
  coords: Record<string, CoordValue[]>;
  attrs: Record<string, unknown>;
  dtype: 'float32';
} {
  return { dims: r.dims, shape: r.shape, coords: r.coords, attrs: r.attrs, dtype: 'float32' };
}
