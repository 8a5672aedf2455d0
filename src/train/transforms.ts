import type { FreeParamName, Params } from '../network/params.ts';

/**
 * Free parameters are optimised in a space where one step means the same for every parameter:
 * biases as they are (a.u.), time constants and strengths by their logarithm (multiplicative
 * steps; strengths stay positive, as flyvis's clamp keeps them ≥ 0). Each transform maps the
 * optimised value z to the parameter and back, and scales gradients by dparam/dz.
 */
export interface Transform {
  forward(z: number): number;
  inverse(x: number): number;
  /** dx/dz at z. */
  slope(z: number): number;
}

export const identity: Transform = { forward: (z) => z, inverse: (x) => x, slope: () => 1 };

/** x = exp(z), for positive parameters; `floor` keeps the inverse finite at 0. */
export const logarithmic = (floor = 1e-12): Transform => ({
  forward: (z) => Math.exp(z),
  inverse: (x) => Math.log(Math.max(x, floor)),
  slope: (z) => Math.exp(z),
});

export const TRANSFORMS: Record<FreeParamName, Transform> = {
  bias: identity,
  tauS: logarithmic(),
  strength: logarithmic(),
};

/** The optimised vectors z of the free parameters. */
export type Latent = Record<FreeParamName, Float64Array>;

export function toLatent(params: Params): Latent {
  const map = (name: FreeParamName) => Float64Array.from(params[name], (x) => TRANSFORMS[name].inverse(x));
  return { bias: map('bias'), tauS: map('tauS'), strength: map('strength') };
}

/** Parameters from latent values; fixed vectors (sign, counts) come from `base`. */
export function fromLatent(latent: Latent, base: Params): Params {
  const map = (name: FreeParamName) => Float32Array.from(latent[name], (z) => TRANSFORMS[name].forward(z));
  return { ...base, bias: map('bias'), tauS: map('tauS'), strength: map('strength') };
}
