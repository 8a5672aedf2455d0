import { describe, expect, it } from 'vitest';
import { naturalisticTextures } from './texture.ts';
import { fft2 } from './textureFft.ts';
import { lognormalScaleForMean, normalCdf } from './textureLuminance.ts';
import { radialAmplitudeSpectrum, spectralSlope } from './textureSpectrum.ts';

const SIZE = 512;
const [first, second] = [...naturalisticTextures([11, 12], { size: SIZE })];

function stats(data: Float32Array) {
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of data) {
    sum += x;
    squares += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / data.length;
  return { mean, rmsContrast: Math.sqrt(squares / data.length - mean * mean) / mean, min, max };
}

describe('naturalisticTextures', () => {
  it('has luminance in [0, 1] with mean ≈ 0.5 (±0.02) and RMS contrast ≈ 0.45 (±0.05)', () => {
    for (const texture of [first, second]) {
      const s = stats(texture.data);
      expect(s.min).toBeGreaterThanOrEqual(0);
      expect(s.max).toBeLessThanOrEqual(1);
      expect(Math.abs(s.mean - 0.5)).toBeLessThan(0.02);
      expect(Math.abs(s.rmsContrast - 0.45)).toBeLessThan(0.05);
    }
  });

  it('has a radially averaged amplitude spectrum with slope −1 ± 0.05 (fit over 4/size … 0.5 cycles/px)', () => {
    for (const texture of [first, second]) {
      expect(
        Math.abs(spectralSlope(radialAmplitudeSpectrum(texture.data, SIZE), 4 / SIZE, 0.5) + 1),
      ).toBeLessThan(0.05);
    }
  });

  it('follows the spectral exponent option (1.5 → slope −1.5 ± 0.1)', () => {
    const [steep] = naturalisticTextures([11], { size: 256, spectralExponent: 1.5 });
    expect(
      Math.abs(spectralSlope(radialAmplitudeSpectrum(steep.data, 256), 4 / 256, 0.5) + 1.5),
    ).toBeLessThan(0.1);
  });

  it('depends only on its own seed: the same seed gives the same texture, alone or in a pair', () => {
    const [alone] = naturalisticTextures([11], { size: SIZE });
    let maxDiff = 0;
    for (let i = 0; i < alone.data.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(alone.data[i] - first.data[i]));
    expect(maxDiff).toBeLessThan(1e-6);
    expect(first.data).not.toEqual(second.data);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => naturalisticTextures([1], { size: 1000 })).toThrow(/power of two ≥ 4, got 1000/);
  });
});

describe('lognormalScaleForMean', () => {
  it('makes the clipped lognormal mean equal the target (checked by quadrature)', () => {
    for (const [sigma, target] of [
      [0.5, 0.5],
      [1, 0.3],
      [0.1, 0.5],
    ]) {
      const s = lognormalScaleForMean(sigma, target);
      let mean = 0;
      const dz = 1e-3;
      for (let z = -10; z <= 10; z += dz)
        mean += Math.min(1, s * Math.exp(sigma * z)) * Math.exp((-z * z) / 2) * dz;
      expect(mean / Math.sqrt(2 * Math.PI)).toBeCloseTo(target, 5);
    }
  });

  it('has an accurate normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });
});

describe('fft2', () => {
  it('inverts itself and puts a plane wave in one bin', () => {
    const size = 8;
    const data = new Float64Array(2 * size * size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) data[2 * (r * size + c)] = Math.cos((2 * Math.PI * (2 * c + r)) / size);
    }
    const original = data.slice();
    fft2(data, size);
    // cos splits into bins (ky, kx) = (1, 2) and (7, 6), each size²/2.
    expect(data[2 * (1 * size + 2)]).toBeCloseTo(32, 9);
    expect(data[2 * (7 * size + 6)]).toBeCloseTo(32, 9);
    fft2(data, size, true);
    for (let i = 0; i < data.length; i++) expect(data[i]).toBeCloseTo(original[i], 9);
  });
});
