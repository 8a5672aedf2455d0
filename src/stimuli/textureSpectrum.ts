import { fft2 } from './textureFft.ts';

export interface RadialSpectrum {
  /** Radial frequency of each ring, cycles per pixel (k/size for k = 1 … size/2). */
  frequency: Float64Array;
  /** Mean |FFT| over the bins of the ring (mean removed first). */
  amplitude: Float64Array;
}

/** Radially averaged amplitude spectrum of a size × size image (rings of integer radius). */
export function radialAmplitudeSpectrum(image: ArrayLike<number>, size: number): RadialSpectrum {
  if (image.length !== size * size) {
    throw new Error(
      `Error in radialAmplitudeSpectrum: expected size² = ${size * size} pixels, got ${image.length}`,
    );
  }
  let mean = 0;
  for (let i = 0; i < image.length; i++) mean += image[i] / image.length;
  const spectrum = new Float64Array(2 * size * size);
  for (let i = 0; i < image.length; i++) spectrum[2 * i] = image[i] - mean;
  fft2(spectrum, size);
  const nRings = size / 2;
  const sums = new Float64Array(nRings + 1);
  const counts = new Float64Array(nRings + 1);
  for (let ky = 0; ky < size; ky++) {
    const fy = ky <= size / 2 ? ky : size - ky;
    for (let kx = 0; kx < size; kx++) {
      const fx = kx <= size / 2 ? kx : size - kx;
      const ring = Math.round(Math.sqrt(fx * fx + fy * fy));
      if (ring > nRings) continue;
      const i = 2 * (ky * size + kx);
      sums[ring] += Math.hypot(spectrum[i], spectrum[i + 1]);
      counts[ring]++;
    }
  }
  const frequency = new Float64Array(nRings);
  const amplitude = new Float64Array(nRings);
  for (let k = 1; k <= nRings; k++) {
    frequency[k - 1] = k / size;
    amplitude[k - 1] = sums[k] / counts[k];
  }
  return { frequency, amplitude };
}

/**
 * Least-squares slope of ln(amplitude) against ln(frequency) over rings with
 * fMin ≤ f ≤ fMax, with equal weight per octave (log-spaced sample weights ∝ 1/f), so the
 * many high-frequency rings do not dominate.
 */
export function spectralSlope(spectrum: RadialSpectrum, fMin: number, fMax: number): number {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  spectrum.frequency.forEach((f, k) => {
    if (f < fMin || f > fMax) return;
    const w = 1 / f;
    const x = Math.log(f);
    const y = Math.log(spectrum.amplitude[k]);
    sw += w;
    sx += w * x;
    sy += w * y;
    sxx += w * x * x;
    sxy += w * x * y;
  });
  if (sw === 0) throw new Error(`Error in spectralSlope: no rings between ${fMin} and ${fMax} cycles/px`);
  return (sxy - (sx * sy) / sw) / (sxx - (sx * sx) / sw);
}
