/**
 * Householder reduction of a real matrix to upper Hessenberg form, in real arithmetic (a quarter of
 * the flops of the complex `hessenberg` in hessenberg.ts), for the uniform mode's real Euler map.
 */

/** Upper Hessenberg H = Qᵀ·A·Q of a real row-major n × n matrix (A not modified), with Q if asked. */
export function realHessenberg(
  a: Float64Array,
  n: number,
  wantQ = false,
): { h: Float64Array; q?: Float64Array } {
  if (a.length !== n * n)
    throw new Error(`Error in realHessenberg: expected n² = ${n * n} values, got ${a.length}`);
  const h = a.slice();
  const q = wantQ ? new Float64Array(n * n) : undefined;
  if (q) for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const v = new Float64Array(n);
  const sums = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Reflector P = I − β·v·vᵀ mapping H[k+1.., k] onto a multiple of e1.
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += h[i * n + k] ** 2;
    const x0 = h[(k + 1) * n + k];
    if (norm2 === x0 * x0) continue;
    const alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    for (let i = k + 1; i < n; i++) v[i] = h[i * n + k];
    v[k + 1] -= alpha;
    const beta = 2 / (norm2 - 2 * alpha * x0 + alpha * alpha);
    // Left: rows k+1…n−1, columns k…n−1 (row-wise for contiguous access).
    sums.fill(0, k);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      for (let j = k; j < n; j++) sums[j] += vi * h[i * n + j];
    }
    for (let i = k + 1; i < n; i++) {
      const f = beta * v[i];
      for (let j = k; j < n; j++) h[i * n + j] -= f * sums[j];
    }
    applyRight(h, n, v, k + 1, beta);
    if (q) applyRight(q, n, v, k + 1, beta);
    for (let i = k + 2; i < n; i++) h[i * n + k] = 0;
  }
  return { h, q };
}

/** M ← M·(I − β·v·vᵀ) on columns from…n−1, all rows. */
function applyRight(m: Float64Array, n: number, v: Float64Array, from: number, beta: number) {
  for (let r = 0; r < n; r++) {
    const row = r * n;
    let s = 0;
    for (let i = from; i < n; i++) s += m[row + i] * v[i];
    s *= beta;
    for (let i = from; i < n; i++) m[row + i] -= s * v[i];
  }
}
