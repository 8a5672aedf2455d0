import { resolveOptions } from './options.ts';
import { powerLawFields } from './textureField.ts';
import { lognormalScaleForMean } from './textureLuminance.ts';

export interface TextureOptions {
  /** Side in pixels, a power of two; the texture is periodic (it tiles seamlessly). @default 1024 */
  size?: number;
  /** Amplitude spectrum ∝ 1/f^exponent (1 = natural images, "pink"). @default 1 */
  spectralExponent?: number;
  /** Standard deviation of log luminance, in natural-log units (sets the contrast). @default 0.5 */
  logLuminanceStd?: number;
  /** Mean luminance after clipping to [0, 1]. @default 0.5 */
  meanLuminance?: number;
}

export const TEXTURE_DEFAULTS: Required<TextureOptions> = {
  size: 1024,
  spectralExponent: 1,
  logLuminanceStd: 0.5,
  meanLuminance: 0.5,
};

export interface Texture {
  size: number;
  /** size × size luminance in [0, 1], row-major. */
  data: Float32Array;
}

/**
 * Seeded naturalistic textures, one per seed. A random field with amplitude spectrum ∝ 1/f^α
 * and random phases (see powerLawFields) is standardised to z (mean 0, std 1) and mapped to
 * luminance min(1, s·exp(σ·z)): a lognormal, positively skewed distribution as in natural
 * scenes (many dark, few bright pixels), with s chosen so that the mean after clipping is
 * meanLuminance. The monotonic pointwise map keeps the 1/f spectrum closely (measured slope in
 * docs/naturalistic.md). A texture depends only on its seed and the options. Textures are made
 * on demand as the generator is iterated.
 */
export function naturalisticTextures(
  seeds: readonly number[],
  options: TextureOptions = {},
): Generator<Texture> {
  const o = resolveOptions('naturalisticTextures', TEXTURE_DEFAULTS, options);
  const { size, spectralExponent, logLuminanceStd, meanLuminance } = o;
  if (!Number.isInteger(Math.log2(size)) || size < 4) {
    throw new Error(`Error in naturalisticTextures: size must be a power of two ≥ 4, got ${size}`);
  }
  const scale = lognormalScaleForMean(logLuminanceStd, meanLuminance);
  return mapFields(seeds, size, spectralExponent, logLuminanceStd, scale);
}

function* mapFields(
  seeds: readonly number[],
  size: number,
  exponent: number,
  sigma: number,
  scale: number,
): Generator<Texture> {
  for (const field of powerLawFields(seeds, size, exponent)) {
    const data = new Float32Array(size * size);
    for (let i = 0; i < data.length; i++) data[i] = Math.min(1, scale * Math.exp(sigma * field[i]));
    yield { size, data };
  }
}
