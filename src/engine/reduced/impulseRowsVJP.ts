import type { RowSequence } from './impulseRows.ts';
import type { SparseEulerMap, SparseMapCotangent } from './sparseEulerMap.ts';

/**
 * Pulls cotangents of the rows (same layout as `rows`; only the real parts count for a real map)
 * back to the map's entries and diagonal: with r_{ℓ+1}[s] = Σ_t r_ℓ[t]·A[t, s], the adjoint
 * λ_ℓ = r̄_ℓ + λ_{ℓ+1}·A^H accumulates Ā[t, s] += conj(r_ℓ[t])·λ_{ℓ+1}[s].
 */
export function impulseRowsVJP(
  map: SparseEulerMap,
  rows: RowSequence,
  cotangent: { re: Float64Array[]; im: Float64Array[] },
): SparseMapCotangent {
  const { n, target } = map;
  const nLags = rows.re.length;
  const out: SparseMapCotangent = {
    re: new Float64Array(target.length),
    im: new Float64Array(target.length),
    diag: new Float64Array(n),
  };
  const zero = new Float64Array(n * rows.nOut);
  const real = !rows.im;
  let lr = Float64Array.from(cotangent.re[nLags - 1]);
  let li = real ? zero : Float64Array.from(cotangent.im[nLags - 1]);
  for (let l = nLags - 2; l >= 0; l--) {
    const nr = Float64Array.from(cotangent.re[l]);
    const ni = real ? zero : Float64Array.from(cotangent.im[l]);
    backStep(map, rows.nOut, rows.re[l], rows.im ? rows.im[l] : zero, lr, li, nr, ni, out, real);
    lr = nr;
    li = ni;
  }
  return out;
}

/** One adjoint step: λ_ℓ (in nr, ni, preloaded with r̄_ℓ) += λ_{ℓ+1}·A^H, and the entries' cotangents. */
function backStep(
  map: SparseEulerMap,
  nOut: number,
  rr: Float64Array,
  ri: Float64Array,
  lr: Float64Array,
  li: Float64Array,
  nr: Float64Array,
  ni: Float64Array,
  out: SparseMapCotangent,
  real: boolean,
) {
  const { n, diag, target, source, re: are, im: aim } = map;
  for (let u = 0; u < n; u++) {
    const d = diag[u];
    let g = 0;
    for (let o = u * nOut, end = o + nOut; o < end; o++) {
      nr[o] += d * lr[o];
      g += rr[o] * lr[o];
      if (!real) {
        ni[o] += d * li[o];
        g += ri[o] * li[o];
      }
    }
    out.diag[u] += g;
  }
  for (let e = 0; e < target.length; e++) {
    const t = target[e] * nOut;
    const s = source[e] * nOut;
    const ar = are[e];
    if (real) {
      let g = 0;
      for (let o = 0; o < nOut; o++) {
        nr[t + o] += ar * lr[s + o];
        g += rr[t + o] * lr[s + o];
      }
      out.re[e] += g;
      continue;
    }
    const ai = aim[e];
    let gr = 0;
    let gi = 0;
    for (let o = 0; o < nOut; o++) {
      const yr = lr[s + o];
      const yi = li[s + o];
      const xr = rr[t + o];
      const xi = ri[t + o];
      // λ_ℓ[t] += conj(A)·λ_{ℓ+1}[s];  Ā += conj(r_ℓ[t])·λ_{ℓ+1}[s]
      nr[t + o] += ar * yr + ai * yi;
      ni[t + o] += ar * yi - ai * yr;
      gr += xr * yr + xi * yi;
      gi += xr * yi - xi * yr;
    }
    out.re[e] += gr;
    out.im[e] += gi;
  }
}
