import FFT from 'fft.js';
import type { RowSequence } from './impulseRows.ts';

/** The FFT and work buffers of one pass; `spectrum` holds the last channel's transform. */
export class Channels {
  readonly fft: FFT;
  readonly folded: Float64Array;
  readonly spectrum: Float64Array;
  readonly back: Float64Array;
  readonly real: Float64Array;
  /** Units with a non-zero incoherent weight. */
  readonly sources: Int32Array;
  constructor(
    readonly rows: RowSequence,
    readonly nFft: number,
    incoherent: Float64Array[],
  ) {
    if (!Number.isInteger(nFft) || nFft < 2 || (nFft & (nFft - 1)) !== 0) {
      throw new Error(`Error in rowSpectra: nFft must be a power of two ≥ 2, got ${nFft}`);
    }
    this.fft = new FFT(nFft);
    this.folded = new Float64Array(2 * nFft);
    this.spectrum = new Float64Array(2 * nFft);
    this.back = new Float64Array(2 * nFft);
    this.real = new Float64Array(nFft);
    this.sources = Int32Array.from({ length: rows.n }, (_, u) => u).filter((u) =>
      incoherent.some((d) => d[u] !== 0),
    );
  }

  /** Transforms r_ℓ[unit] of output o, or Σ_u c_u·r_ℓ[u] when `weights` is given. */
  transform(o: number, unit: number, weights?: Float64Array): void {
    const { rows, folded, nFft } = this;
    const { n, nOut, re, im } = rows;
    folded.fill(0);
    for (let l = 0; l < re.length; l++) {
      const b = 2 * (l % nFft);
      if (!weights) {
        folded[b] += re[l][unit * nOut + o];
        if (im) folded[b + 1] += im[l][unit * nOut + o];
        continue;
      }
      for (let u = 0; u < n; u++) {
        const c = weights[u];
        if (c === 0) continue;
        folded[b] += c * re[l][u * nOut + o];
        if (im) folded[b + 1] += c * im[l][u * nOut + o];
      }
    }
    if (im) this.fft.transform(this.spectrum, folded);
    else {
      // real sequence: half the work, and |F(−f)| = |F(f)|
      for (let q = 0; q < nFft; q++) this.real[q] = folded[2 * q];
      this.fft.realTransform(this.spectrum, this.real);
      this.fft.completeSpectrum(this.spectrum);
    }
  }

  power(j: number): number {
    return this.spectrum[2 * j] ** 2 + this.spectrum[2 * j + 1] ** 2;
  }

  /** back ← N·ifft(2·g_j·F_j): the cotangent of the folded sequence, for cotangents g_j of |F_j|². */
  adjoint(g: Float64Array): void {
    const { folded, spectrum, nFft } = this;
    for (let j = 0; j < nFft; j++) {
      folded[2 * j] = 2 * g[j] * spectrum[2 * j];
      folded[2 * j + 1] = 2 * g[j] * spectrum[2 * j + 1];
    }
    this.fft.inverseTransform(this.back, folded);
  }
}
