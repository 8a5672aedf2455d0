import { cdiv } from './hessenberg.ts';

/**
 * LU factors of H − z·I for an upper Hessenberg H (complex, or real with no imaginary part) and a
 * complex shift z, by Gaussian elimination with pivoting between neighbouring rows (O(n²)). One
 * factorisation serves both (H − zI)·x = b and (H − zI)ᵀ·x = b, which is what inverse iteration
 * needs for right and left eigenvectors. A zero pivot (z an exact eigenvalue) is replaced by
 * ε·‖H‖, the usual inverse-iteration perturbation.
 */
export interface ShiftedHessenbergLu {
  n: number;
  /** U, row-major (only the upper triangle is used). */
  ur: Float64Array;
  ui: Float64Array;
  /** Multiplier and row swap of elimination step k (row k+1 −= l_k · row k). */
  lr: Float64Array;
  li: Float64Array;
  swapped: Uint8Array;
}

export function shiftedHessenbergLu(
  n: number,
  hr: Float64Array,
  hi: Float64Array | undefined,
  zr: number,
  zi: number,
): ShiftedHessenbergLu {
  if (hr.length !== n * n || (hi && hi.length !== n * n))
    throw new Error(`Error in shiftedHessenbergLu: expected n² = ${n * n} values, got ${hr.length}`);
  const ur = hr.slice();
  const ui = hi ? hi.slice() : new Float64Array(n * n);
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.hypot(ur[k], ui[k]));
  const tiny = 2.220446049250313e-16 * Math.max(scale, Math.hypot(zr, zi), 1e-300);
  for (let i = 0; i < n; i++) {
    ur[i * n + i] -= zr;
    ui[i * n + i] -= zi;
  }
  const lr = new Float64Array(n);
  const li = new Float64Array(n);
  const swapped = new Uint8Array(n);
  for (let k = 0; k < n - 1; k++) {
    const [d, s] = [k * n + k, (k + 1) * n + k];
    if (Math.hypot(ur[s], ui[s]) > Math.hypot(ur[d], ui[d])) {
      swapped[k] = 1;
      for (let j = k; j < n; j++) {
        [ur[k * n + j], ur[(k + 1) * n + j]] = [ur[(k + 1) * n + j], ur[k * n + j]];
        [ui[k * n + j], ui[(k + 1) * n + j]] = [ui[(k + 1) * n + j], ui[k * n + j]];
      }
    }
    if (ur[d] === 0 && ui[d] === 0) ur[d] = tiny;
    [lr[k], li[k]] = cdiv(ur[s], ui[s], ur[d], ui[d]);
    for (let j = k + 1; j < n; j++) {
      const [xr, xi] = [ur[k * n + j], ui[k * n + j]];
      ur[(k + 1) * n + j] -= lr[k] * xr - li[k] * xi;
      ui[(k + 1) * n + j] -= lr[k] * xi + li[k] * xr;
    }
    ur[s] = ui[s] = 0;
  }
  const last = n * n - 1;
  if (ur[last] === 0 && ui[last] === 0) ur[last] = tiny;
  return { n, ur, ui, lr, li, swapped };
}

/** Solves (H − zI)·x = b (transposed = false) or (H − zI)ᵀ·x = b (true, no conjugation). */
export function solveShiftedLu(
  f: ShiftedHessenbergLu,
  br: Float64Array,
  bi: Float64Array,
  transposed: boolean,
): [Float64Array, Float64Array] {
  const { n, ur, ui, lr, li, swapped } = f;
  const xr = br.slice();
  const xi = bi.slice();
  const swap = (k: number) => {
    [xr[k], xr[k + 1]] = [xr[k + 1], xr[k]];
    [xi[k], xi[k + 1]] = [xi[k + 1], xi[k]];
  };
  if (!transposed) {
    for (let k = 0; k < n - 1; k++) {
      if (swapped[k]) swap(k);
      xr[k + 1] -= lr[k] * xr[k] - li[k] * xi[k];
      xi[k + 1] -= lr[k] * xi[k] + li[k] * xr[k];
    }
    for (let i = n - 1; i >= 0; i--) {
      let [sr, si] = [xr[i], xi[i]];
      for (let j = i + 1; j < n; j++) {
        sr -= ur[i * n + j] * xr[j] - ui[i * n + j] * xi[j];
        si -= ur[i * n + j] * xi[j] + ui[i * n + j] * xr[j];
      }
      [xr[i], xi[i]] = cdiv(sr, si, ur[i * n + i], ui[i * n + i]);
    }
    return [xr, xi];
  }
  // (H − zI) = E⁻¹·U with E = M_{n−2}P_{n−2}⋯M_0P_0, so solve Uᵀ·w = b, then x = Eᵀ·w.
  for (let i = 0; i < n; i++) {
    [xr[i], xi[i]] = cdiv(xr[i], xi[i], ur[i * n + i], ui[i * n + i]);
    for (let j = i + 1; j < n; j++) {
      xr[j] -= ur[i * n + j] * xr[i] - ui[i * n + j] * xi[i];
      xi[j] -= ur[i * n + j] * xi[i] + ui[i * n + j] * xr[i];
    }
  }
  for (let k = n - 2; k >= 0; k--) {
    xr[k] -= lr[k] * xr[k + 1] - li[k] * xi[k + 1];
    xi[k] -= lr[k] * xi[k + 1] + li[k] * xr[k + 1];
    if (swapped[k]) swap(k);
  }
  return [xr, xi];
}

/**
 * Eigenvector of H (or of Hᵀ when `transposed`) for the eigenvalue z by inverse iteration from a
 * fixed start, normalised to unit 2-norm. Three solves suffice when z is accurate to rounding.
 */
export function hessenbergEigenvector(
  n: number,
  hr: Float64Array,
  hi: Float64Array | undefined,
  zr: number,
  zi: number,
  transposed: boolean,
  steps = 3,
): [Float64Array, Float64Array] {
  const lu = shiftedHessenbergLu(n, hr, hi, zr, zi);
  // A start with no special structure, so it is not orthogonal to the wanted vector.
  let xr: Float64Array = Float64Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin(1.7 * i + 0.3));
  let xi: Float64Array = new Float64Array(n);
  for (let s = 0; s < steps; s++) {
    [xr, xi] = solveShiftedLu(lu, xr, xi, transposed);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += xr[i] * xr[i] + xi[i] * xi[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) {
      xr[i] /= norm;
      xi[i] /= norm;
    }
  }
  return [xr, xi];
}
