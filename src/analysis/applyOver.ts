import { axisOf, labeled, stridesOf, type CoordValue, type Labeled } from '../engine/labeled.ts';

/** Output core dimensions of `applyOver` (xarray `output_core_dims`), with their sizes and coordinates. */
export interface OutputDim {
  name: string;
  size: number;
  coords?: CoordValue[];
}

/**
 * Applies a function of raw arrays over the other dimensions of a labelled array (xarray `apply_ufunc`
 * with `input_core_dims`). For every combination of the remaining ("loop") dimensions, `fn` receives a
 * copy of the core block, laid out C-order in the order of `coreDims`, and the loop position as
 * coordinate values (or indices where a dimension has no coordinate). `fn` returns a number, or with
 * `outputDims` an array of their total size. The result has the loop dims (in `r`'s order), then `outputDims`.
 */
export function applyOver(
  r: Labeled,
  coreDims: string[],
  fn: (core: Float32Array, at: Record<string, CoordValue>) => number | ArrayLike<number>,
  outputDims: OutputDim[] = [],
): Labeled {
  const coreAxes = coreDims.map((d) => axisOf(r, d, 'applyOver'));
  const loopAxes = r.dims.map((_, a) => a).filter((a) => !coreAxes.includes(a));
  const strides = stridesOf(r.shape);
  const coreShape = coreAxes.map((a) => r.shape[a]);
  const coreSize = coreShape.reduce((a, b) => a * b, 1);
  const loopShape = loopAxes.map((a) => r.shape[a]);
  const nLoop = loopShape.reduce((a, b) => a * b, 1);
  const outSize = outputDims.reduce((a, d) => a * d.size, 1);
  const out = new Float32Array(nLoop * outSize);
  const loopIndex = new Array<number>(loopAxes.length).fill(0);
  for (let k = 0; k < nLoop; k++) {
    let base = 0;
    const at: Record<string, CoordValue> = {};
    loopAxes.forEach((a, i) => {
      base += loopIndex[i] * strides[a];
      const dim = r.dims[a];
      at[dim] = r.coords[dim]?.[loopIndex[i]] ?? loopIndex[i];
    });
    const core = new Float32Array(coreSize);
    gather(
      r.data,
      base,
      coreAxes.map((a) => strides[a]),
      coreShape,
      core,
    );
    const value = fn(core, at);
    if (typeof value === 'number') {
      if (outSize !== 1)
        throw new Error(`Error in applyOver: fn returned a number, but outputDims ask for ${outSize}`);
      out[k] = value;
    } else {
      if (value.length !== outSize) {
        throw new Error(
          `Error in applyOver: fn must return ${outSize} values for outputDims, but returned ${value.length}`,
        );
      }
      for (let j = 0; j < outSize; j++) out[k * outSize + j] = value[j];
    }
    for (let i = loopAxes.length - 1; i >= 0; i--) {
      if (++loopIndex[i] < loopShape[i]) break;
      loopIndex[i] = 0;
    }
  }
  const coords: Record<string, CoordValue[]> = {};
  for (const a of loopAxes) if (r.coords[r.dims[a]]) coords[r.dims[a]] = r.coords[r.dims[a]];
  for (const d of outputDims) if (d.coords) coords[d.name] = d.coords;
  return labeled({
    data: out,
    dims: [...loopAxes.map((a) => r.dims[a]), ...outputDims.map((d) => d.name)],
    shape: [...loopShape, ...outputDims.map((d) => d.size)],
    coords,
    attrs: r.attrs,
  });
}

function gather(
  data: Float32Array,
  base: number,
  strides: number[],
  shape: number[],
  into: Float32Array,
): void {
  const counter = new Array<number>(shape.length).fill(0);
  let src = base;
  for (let k = 0; k < into.length; k++) {
    into[k] = data[src];
    for (let a = shape.length - 1; a >= 0; a--) {
      src += strides[a];
      if (++counter[a] < shape[a]) break;
      src -= strides[a] * shape[a];
      counter[a] = 0;
    }
  }
}
