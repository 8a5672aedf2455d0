import type { SparseEulerMap } from './sparseEulerMap.ts';

/**
 * Rows of the resolvent by their impulse responses: for x_{k+1} = A·x_k + B·u_k the response of
 * unit o to a drive on unit u after ℓ + 1 steps is r_ℓ[u] = (e_oᵀ·A^ℓ)[u], so
 * e_oᵀ(zI − A)⁻¹ = Σ_ℓ r_ℓ·z^{−(ℓ+1)}. Stepping all readout rows through the sparse map costs
 * O(nOutputs·nnz) per lag and gives every source at once; a dense solve per frequency and output
 * costs O(n²) each. The sequence stops once it has decayed below `tol` of its peak.
 */
export interface RowSequence {
  n: number;
  nOut: number;
  /** r_ℓ for ℓ = 0 … nLags − 1; value (u, o) at index u·nOut + o. */
  re: Float64Array[];
  /** Imaginary parts; absent for a real map. */
  im?: Float64Array[];
}

export interface ImpulseRowsOptions {
  /** Stop when max |r_ℓ| < tol · max over earlier lags. @default 1e-9 */
  tol?: number;
  /** Give up (the map does not decay: unstable, or too slow) after this many lags. @default 4096 */
  maxLags?: number;
}

/** The map's impulse response did not decay: its spectral radius is ≥ 1 or very close to it. */
export class NoDecayError extends Error {
  constructor(
    readonly lags: number,
    readonly ratio: number,
  ) {
    super(
      `Error in impulseRows: the impulse response did not decay within ${lags} steps ` +
        `(last/peak amplitude ${ratio.toExponential(2)}): the linearised map is unstable or barely stable`,
    );
    this.name = 'NoDecayError';
  }
}

/** r_ℓ = e_{starts[o]}ᵀ·A^ℓ for every readout unit in `starts`. */
export function impulseRows(
  map: SparseEulerMap,
  starts: ArrayLike<number>,
  options: ImpulseRowsOptions = {},
): RowSequence {
  const { tol = 1e-9, maxLags = 4096 } = options;
  const { n } = map;
  const nOut = starts.length;
  const first = new Float64Array(n * nOut);
  for (let o = 0; o < nOut; o++) first[starts[o] * nOut + o] = 1;
  const re = [first];
  const im = map.real ? undefined : [new Float64Array(n * nOut)];
  let peak = 1;
  for (;;) {
    const l = re.length - 1;
    const nr = new Float64Array(n * nOut);
    const ni = im ? new Float64Array(n * nOut) : undefined;
    if (im && ni) stepComplex(map, nOut, re[l], im[l], nr, ni);
    else stepReal(map, nOut, re[l], nr);
    let amplitude = 0;
    for (let q = 0; q < nr.length; q++)
      amplitude = Math.max(amplitude, nr[q] * nr[q] + (ni ? ni[q] * ni[q] : 0));
    amplitude = Math.sqrt(amplitude);
    re.push(nr);
    if (im && ni) im.push(ni);
    if (amplitude < tol * peak) return { n, nOut, re, im };
    peak = Math.max(peak, amplitude);
    if (re.length >= maxLags) throw new NoDecayError(re.length, amplitude / peak);
  }
}

/** next = r·A: next[s] = (1 − a_s)·r[s] + Σ_t r[t]·A[t, s]. */
function stepReal(map: SparseEulerMap, nOut: number, pr: Float64Array, nr: Float64Array) {
  const { n, diag, target, source, re } = map;
  for (let u = 0; u < n; u++) {
    const d = diag[u];
    for (let o = u * nOut, end = o + nOut; o < end; o++) nr[o] = d * pr[o];
  }
  for (let e = 0; e < target.length; e++) {
    const a = re[e];
    const from = target[e] * nOut;
    const to = source[e] * nOut;
    for (let o = 0; o < nOut; o++) nr[to + o] += a * pr[from + o];
  }
}

function stepComplex(
  map: SparseEulerMap,
  nOut: number,
  pr: Float64Array,
  pi: Float64Array,
  nr: Float64Array,
  ni: Float64Array,
) {
  const { n, diag, target, source, re: are, im: aim } = map;
  for (let u = 0; u < n; u++) {
    const d = diag[u];
    for (let o = u * nOut, end = o + nOut; o < end; o++) {
      nr[o] = d * pr[o];
      ni[o] = d * pi[o];
    }
  }
  for (let e = 0; e < target.length; e++) {
    const ar = are[e];
    const ai = aim[e];
    const from = target[e] * nOut;
    const to = source[e] * nOut;
    for (let o = 0; o < nOut; o++) {
      const xr = pr[from + o];
      const xi = pi[from + o];
      nr[to + o] += xr * ar - xi * ai;
      ni[to + o] += xr * ai + xi * ar;
    }
  }
}
