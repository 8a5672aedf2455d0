/**
 * The scale s for which min(1, s·exp(σ·z)), z ~ N(0, 1), has the given mean:
 * E = s·e^{σ²/2}·Φ(t − σ) + 1 − Φ(t) with t = −ln(s)/σ (the clipped part counts as 1).
 * E increases with s, so bisection on ln s converges.
 */
export function lognormalScaleForMean(sigma: number, mean: number): number {
  if (!(mean > 0 && mean < 1)) {
    throw new Error(`Error in lognormalScaleForMean: mean must lie in (0, 1), got ${mean}`);
  }
  if (!(sigma >= 0)) throw new Error(`Error in lognormalScaleForMean: sigma must be ≥ 0, got ${sigma}`);
  if (sigma === 0) return mean;
  const clippedMean = (logScale: number) => {
    const t = -logScale / sigma;
    return Math.exp(logScale + (sigma * sigma) / 2) * normalCdf(t - sigma) + 1 - normalCdf(t);
  };
  let lo = -50;
  let hi = 50;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (clippedMean(mid) < mean) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** Standard normal CDF via a Chebyshev erfc (fractional error < 1.2e-7, Numerical Recipes). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(-z * z + poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
