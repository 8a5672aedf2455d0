import type { RowSequence } from './impulseRows.ts';
import { Channels } from './rowChannels.ts';
import type { ReadoutWeights, RowPowers } from './rowSpectra.ts';

/**
 * Adjoint of `rowSpectra`: from cotangents of the powers (same layout) to cotangents of the rows
 * (lag-shaped; imaginary parts only for complex rows) and of the weights. With P = |F|²,
 * F̄ = 2·P̄·F, and the DTFT's adjoint r̄_ℓ = Σ_j z_j^{ℓ}·F̄_j = N·ifft(F̄)[ℓ mod N].
 */
export function rowSpectraVJP(
  rows: RowSequence,
  weights: ReadoutWeights,
  nFft: number,
  cotangent: RowPowers,
): {
  rows: { re: Float64Array[]; im: Float64Array[] };
  incoherent: Float64Array[];
  coherent: Float64Array[];
} {
  const ch = new Channels(rows, nFft, weights.incoherent);
  const { n, nOut } = rows;
  const nLags = rows.re.length;
  const gre = Array.from({ length: nLags }, () => new Float64Array(n * nOut));
  const gim = rows.im ? Array.from({ length: nLags }, () => new Float64Array(n * nOut)) : [];
  const gInc = weights.incoherent.map(() => new Float64Array(n));
  const gCoh = weights.coherent.map(() => new Float64Array(n));
  const g = new Float64Array(nFft);
  const nSets = weights.incoherent.length;
  // Adds the folded cotangent in ch.back (×N) to r̄_ℓ[u] for output o; for a weighted channel, c_u·h̄_ℓ.
  const scatter = (o: number, u: number, scale: number) => {
    for (let l = 0; l < nLags; l++) {
      const b = 2 * (l % nFft);
      gre[l][u * nOut + o] += scale * nFft * ch.back[b];
      if (rows.im) gim[l][u * nOut + o] += scale * nFft * ch.back[b + 1];
    }
  };
  for (let o = 0; o < nOut; o++) {
    for (const u of ch.sources) {
      ch.transform(o, u);
      g.fill(0);
      for (let j = 0; j < nFft; j++) {
        const p = ch.power(j);
        for (let s = 0; s < nSets; s++) {
          const c = cotangent.incoherent[s][o * nFft + j];
          gInc[s][u] += c * p;
          g[j] += weights.incoherent[s][u] * c;
        }
      }
      ch.adjoint(g);
      scatter(o, u, 1);
    }
    for (let s = 0; s < weights.coherent.length; s++) {
      const c = weights.coherent[s];
      ch.transform(o, -1, c);
      ch.adjoint(cotangent.coherent[s].subarray(o * nFft, (o + 1) * nFft));
      for (let u = 0; u < n; u++) {
        if (c[u] === 0) continue;
        scatter(o, u, c[u]);
        // c̄_u = Re Σ_ℓ conj(h̄_ℓ)·r_ℓ[u]
        for (let l = 0; l < nLags; l++) {
          const b = 2 * (l % nFft);
          gCoh[s][u] += nFft * ch.back[b] * rows.re[l][u * nOut + o];
          if (rows.im) gCoh[s][u] += nFft * ch.back[b + 1] * rows.im[l][u * nOut + o];
        }
      }
    }
  }
  return { rows: { re: gre, im: gim }, incoherent: gInc, coherent: gCoh };
}
