/**
 * Dense complex matrices for the linearisation: Householder reduction to upper Hessenberg form
 * and O(n²) solves of (z·I − H)·y = r, the classical way to evaluate transfer functions at many
 * frequencies (one O(n³) reduction, then O(n²) per frequency).
 */

/** Row-major n × n complex matrix: element (i, j) is re[i·n + j] + i·im[i·n + j]. */
export interface ComplexMatrix {
  n: number;
  re: Float64Array;
  im: Float64Array;
}

export function complexMatrix(n: number, re?: Float64Array, im?: Float64Array): ComplexMatrix {
  if ((re && re.length !== n * n) || (im && im.length !== n * n)) {
    throw new Error(
      `Error in complexMatrix: parts must have n² = ${n * n} values, got ${re?.length} and ${im?.length}`,
    );
  }
  return { n, re: re ?? new Float64Array(n * n), im: im ?? new Float64Array(n * n) };
}

export interface HessenbergForm {
  /** Upper Hessenberg H with A = Q·H·Q*. */
  h: ComplexMatrix;
  /** Unitary Q, when requested. */
  q?: ComplexMatrix;
}

/** Reduces A (not modified) to upper Hessenberg form by Householder reflections. */
export function hessenberg(a: ComplexMatrix, wantQ = false): HessenbergForm {
  const { n } = a;
  const hr = a.re.slice();
  const hi = a.im.slice();
  const q = wantQ ? complexMatrix(n) : undefined;
  if (q) for (let i = 0; i < n; i++) q.re[i * n + i] = 1;
  const vr = new Float64Array(n);
  const vi = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Reflector P = I − 2vv*/(v*v) mapping H[k+1.., k] onto a multiple of e1.
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += hr[i * n + k] ** 2 + hi[i * n + k] ** 2;
    const sub2 = norm2 - hr[(k + 1) * n + k] ** 2 - hi[(k + 1) * n + k] ** 2;
    if (sub2 === 0) continue;
    const norm = Math.sqrt(norm2);
    const x0r = hr[(k + 1) * n + k];
    const x0i = hi[(k + 1) * n + k];
    const abs0 = Math.hypot(x0r, x0i);
    const pr = abs0 > 0 ? x0r / abs0 : 1;
    const pi = abs0 > 0 ? x0i / abs0 : 0;
    for (let i = k + 1; i < n; i++) {
      vr[i] = hr[i * n + k];
      vi[i] = hi[i * n + k];
    }
    vr[k + 1] += pr * norm;
    vi[k + 1] += pi * norm;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += vr[i] ** 2 + vi[i] ** 2;
    const scale = 2 / vv;
    applyLeft(hr, hi, n, vr, vi, k + 1, k, scale);
    applyRight(hr, hi, n, vr, vi, k + 1, 0, n, scale);
    for (let i = k + 2; i < n; i++) hr[i * n + k] = hi[i * n + k] = 0;
    if (q) applyRight(q.re, q.im, n, vr, vi, k + 1, 0, n, scale);
  }
  return { h: { n, re: hr, im: hi }, q };
}

/** M ← (I − s·vv*)·M on rows from…n−1, columns col0…n−1 (row-wise, for contiguous access). */
function applyLeft(
  mr: Float64Array,
  mi: Float64Array,
  n: number,
  vr: Float64Array,
  vi: Float64Array,
  from: number,
  col0: number,
  s: number,
) {
  const sr = new Float64Array(n);
  const si = new Float64Array(n);
  for (let i = from; i < n; i++) {
    const a = vr[i];
    const b = vi[i];
    const row = i * n;
    for (let j = col0; j < n; j++) {
      const xr = mr[row + j];
      const xi = mi[row + j];
      sr[j] += a * xr + b * xi;
      si[j] += a * xi - b * xr;
    }
  }
  for (let i = from; i < n; i++) {
    const a = vr[i] * s;
    const b = vi[i] * s;
    const row = i * n;
    for (let j = col0; j < n; j++) {
      mr[row + j] -= a * sr[j] - b * si[j];
      mi[row + j] -= a * si[j] + b * sr[j];
    }
  }
}

/** M ← M·(I − s·vv*) on columns from…n−1, rows row0…row1−1. */
function applyRight(
  mr: Float64Array,
  mi: Float64Array,
  n: number,
  vr: Float64Array,
  vi: Float64Array,
  from: number,
  row0: number,
  row1: number,
  s: number,
) {
  for (let r = row0; r < row1; r++) {
    let sr = 0;
    let si = 0;
    for (let i = from; i < n; i++) {
      const xr = mr[r * n + i];
      const xi = mi[r * n + i];
      sr += xr * vr[i] - xi * vi[i];
      si += xr * vi[i] + xi * vr[i];
    }
    sr *= s;
    si *= s;
    for (let i = from; i < n; i++) {
      mr[r * n + i] -= sr * vr[i] + si * vi[i];
      mi[r * n + i] -= si * vr[i] - sr * vi[i];
    }
  }
}

/**
 * Solves (z·I − H)·y = r for upper Hessenberg H by Gaussian elimination with pivoting between
 * neighbouring rows; O(n²). Returns y as [re, im]. Throws if the matrix is singular (z an eigenvalue).
 */
export function solveShiftedHessenberg(
  h: ComplexMatrix,
  zr: number,
  zi: number,
  rr: Float64Array,
  ri: Float64Array,
): [Float64Array, Float64Array] {
  const { n } = h;
  const mr = new Float64Array(n * n);
  const mi = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) {
    mr[k] = -h.re[k];
    mi[k] = -h.im[k];
  }
  for (let i = 0; i < n; i++) {
    mr[i * n + i] += zr;
    mi[i * n + i] += zi;
  }
  const yr = rr.slice();
  const yi = ri.slice();
  const swap = (x: Float64Array, a: number, b: number) => {
    const t = x[a];
    x[a] = x[b];
    x[b] = t;
  };
  const swapRows = (a: number, b: number, from: number) => {
    for (let j = from; j < n; j++) {
      swap(mr, a * n + j, b * n + j);
      swap(mi, a * n + j, b * n + j);
    }
    swap(yr, a, b);
    swap(yi, a, b);
  };
  for (let k = 0; k < n - 1; k++) {
    if (Math.hypot(mr[(k + 1) * n + k], mi[(k + 1) * n + k]) > Math.hypot(mr[k * n + k], mi[k * n + k]))
      swapRows(k, k + 1, k);
    const [lr, li] = cdiv(mr[(k + 1) * n + k], mi[(k + 1) * n + k], mr[k * n + k], mi[k * n + k]);
    for (let j = k + 1; j < n; j++) {
      mr[(k + 1) * n + j] -= lr * mr[k * n + j] - li * mi[k * n + j];
      mi[(k + 1) * n + j] -= lr * mi[k * n + j] + li * mr[k * n + j];
    }
    const tr = yr[k];
    const ti = yi[k];
    yr[k + 1] -= lr * tr - li * ti;
    yi[k + 1] -= lr * ti + li * tr;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sr = yr[i];
    let si = yi[i];
    for (let j = i + 1; j < n; j++) {
      sr -= mr[i * n + j] * yr[j] - mi[i * n + j] * yi[j];
      si -= mr[i * n + j] * yi[j] + mi[i * n + j] * yr[j];
    }
    if (mr[i * n + i] === 0 && mi[i * n + i] === 0) {
      throw new Error(
        `Error in solveShiftedHessenberg: z = ${zr} + ${zi}i is an eigenvalue (singular pivot at row ${i})`,
      );
    }
    [yr[i], yi[i]] = cdiv(sr, si, mr[i * n + i], mi[i * n + i]);
  }
  return [yr, yi];
}

/** (ar + i·ai) / (br + i·bi), scaled to avoid overflow. */
export function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0) return [ar === 0 && ai === 0 ? 0 : Infinity, 0];
    const r = bi / br;
    const d = br + bi * r;
    return [(ar + ai * r) / d, (ai - ar * r) / d];
  }
  const r = br / bi;
  const d = bi + br * r;
  return [(ar * r + ai) / d, (ai * r - ar) / d];
}
