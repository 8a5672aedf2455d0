/**
 * Real dense LU with partial pivoting on a row-major Float64Array. ml-matrix's LU reads elements
 * through accessors and was measured far slower on the 380 × 380 Newton systems.
 */
export interface LuFactors {
  n: number;
  /** L (unit lower, below the diagonal) and U (upper) packed row-major. */
  lu: Float64Array;
  /** Row swapped with row k at step k. */
  pivot: Int32Array;
}

/** Factors a copy of A; returns undefined if A is singular to working precision. */
export function luFactor(a: Float64Array, n: number): LuFactors | undefined {
  if (a.length !== n * n)
    throw new Error(`Error in luFactor: expected n² = ${n * n} values, got ${a.length}`);
  const lu = a.slice();
  const pivot = new Int32Array(n);
  let scale = 0;
  for (const x of lu) scale = Math.max(scale, Math.abs(x));
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]) > Math.abs(lu[p * n + k])) p = i;
    pivot[k] = p;
    if (!(Math.abs(lu[p * n + k]) > 1e-14 * scale)) return undefined;
    if (p !== k) for (let j = 0; j < n; j++) swap(lu, k * n + j, p * n + j);
    const d = lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = (lu[i * n + k] /= d);
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= l * lu[k * n + j];
    }
  }
  return { n, lu, pivot };
}

/** Solves A·x = b. */
export function luSolve({ n, lu, pivot }: LuFactors, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) swap(x, k, pivot[k]);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x[i] -= lu[i * n + j] * x[j];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) x[i] -= lu[i * n + j] * x[j];
    x[i] /= lu[i * n + i];
  }
  return x;
}

/** Solves Aᵀ·x = b (for adjoints). */
export function luSolveTransposed({ n, lu, pivot }: LuFactors, b: ArrayLike<number>): Float64Array {
  // A = Pᵀ·L·U, so Aᵀ·x = b ⇔ Uᵀ·Lᵀ·(P·x) = b.
  const y = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) y[i] -= lu[j * n + i] * y[j];
    y[i] /= lu[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) y[i] -= lu[j * n + i] * y[j];
  for (let k = n - 1; k >= 0; k--) swap(y, k, pivot[k]);
  return y;
}

function swap(x: Float64Array, a: number, b: number): void {
  const t = x[a];
  x[a] = x[b];
  x[b] = t;
}
