import type { RowSequence } from './impulseRows.ts';
import { Channels } from './rowChannels.ts';

/**
 * Power spectra read out of resolvent rows (see `impulseRows`). With F_ou(f) = Σ_ℓ r_ℓ[u]·z^{−ℓ}
 * (the common factor z^{−1} drops out of every power), on the N-point grid z_j = e^{2πij/N}:
 * - an incoherent readout with weights d sums independent sources: P_o = Σ_u d_u·|F_ou|²;
 * - a coherent readout with weights c is one source reaching several units: P_o = |Σ_u c_u·F_ou|².
 * The DTFT on the grid is the FFT of the sequence folded modulo N (exact, not truncated), so the
 * sequence may be longer than N. Powers are returned on the full circle j = 0 … N − 1 (bin N − j is
 * frequency −f_j), nOut × N, output-major.
 */
export interface ReadoutWeights {
  incoherent: Float64Array[];
  coherent: Float64Array[];
}

export interface RowPowers {
  incoherent: Float64Array[];
  coherent: Float64Array[];
}

export function rowSpectra(rows: RowSequence, weights: ReadoutWeights, nFft: number): RowPowers {
  const ch = new Channels(rows, nFft, weights.incoherent);
  const { nOut } = rows;
  const incoherent = weights.incoherent.map(() => new Float64Array(nOut * nFft));
  const coherent = weights.coherent.map(() => new Float64Array(nOut * nFft));
  for (let o = 0; o < nOut; o++) {
    for (const u of ch.sources) {
      ch.transform(o, u);
      weights.incoherent.forEach((d, s) => {
        const out = incoherent[s];
        const du = d[u];
        for (let j = 0; j < nFft; j++) out[o * nFft + j] += du * ch.power(j);
      });
    }
    for (let s = 0; s < coherent.length; s++) {
      ch.transform(o, -1, weights.coherent[s]);
      for (let j = 0; j < nFft; j++) coherent[s][o * nFft + j] = ch.power(j);
    }
  }
  return { incoherent, coherent };
}
