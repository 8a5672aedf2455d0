import { prng } from '../util/random.ts';
import { binFrequency, fft2 } from './textureFft.ts';

/**
 * Standardised (mean 0, std 1) periodic random fields, one per seed, with amplitude spectrum
 * exactly ∝ 1/f^exponent and uniformly random phases (DC removed). Each spectrum is Hermitian,
 * so its inverse FFT is real; two fields share one complex inverse FFT as its real and
 * imaginary parts, which halves the cost. A field depends only on its own seed. Fields are
 * generated on demand, two at a time, so that only a pair is held in memory.
 */
export function* powerLawFields(
  seeds: readonly number[],
  size: number,
  exponent: number,
): Generator<Float64Array> {
  const amplitude = amplitudeTable(size, exponent);
  for (let i = 0; i < seeds.length; i += 2) {
    const spectrum = new Float64Array(2 * size * size);
    addHermitianSpectrum(spectrum, amplitude, size, seeds[i], 0);
    if (i + 1 < seeds.length) addHermitianSpectrum(spectrum, amplitude, size, seeds[i + 1], 1);
    fft2(spectrum, size, true);
    yield standardised(spectrum, size, 0);
    if (i + 1 < seeds.length) yield standardised(spectrum, size, 1);
  }
}

function amplitudeTable(size: number, exponent: number): Float64Array {
  const amplitude = new Float64Array(size * size);
  for (let ky = 0; ky < size; ky++) {
    const fy = binFrequency(ky, size);
    for (let kx = 0; kx < size; kx++) {
      const fx = binFrequency(kx, size);
      const squared = fx * fx + fy * fy;
      // exp∘log: Math.pow with a fractional exponent is ~10× slower in V8.
      amplitude[ky * size + kx] = squared === 0 ? 0 : Math.exp((-exponent / 2) * Math.log(squared));
    }
  }
  return amplitude;
}

/**
 * Adds A·e^{iφ} at each bin and A·e^{−iφ} at its mirror (−k), multiplied by 1 (part 0) or
 * i (part 1) so that the second field lands in the imaginary part of the inverse transform.
 * Self-mirrored bins (the Nyquist corners) get a real value of random sign.
 */
function addHermitianSpectrum(
  spectrum: Float64Array,
  amplitude: Float64Array,
  size: number,
  seed: number,
  part: 0 | 1,
): void {
  const random = prng(seed);
  // Multiplying by i maps (re, im) to (−im, re); a field in part 1 is written that way.
  const [reOut, imOut] = part === 0 ? [0, 1] : [1, 0];
  const imSign = part === 0 ? 1 : -1;
  for (let ky = 0; ky < size; ky++) {
    const my = ky === 0 ? 0 : size - ky;
    for (let kx = 0; kx < size; kx++) {
      const k = ky * size + kx;
      const mirror = my * size + (kx === 0 ? 0 : size - kx);
      if (mirror < k) continue;
      const a = amplitude[k];
      const phase = 2 * Math.PI * random.uniform();
      if (mirror === k) {
        spectrum[2 * k + reOut] += phase < Math.PI ? a : -a;
        continue;
      }
      const re = a * Math.cos(phase);
      const im = a * Math.sin(phase);
      spectrum[2 * k + reOut] += re;
      spectrum[2 * k + imOut] += imSign * im;
      spectrum[2 * mirror + reOut] += re;
      spectrum[2 * mirror + imOut] -= imSign * im;
    }
  }
}

function standardised(complexField: Float64Array, size: number, part: 0 | 1): Float64Array {
  const n = size * size;
  const field = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += field[i] = complexField[2 * i + part];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (field[i] - mean) ** 2;
  const scale = 1 / Math.sqrt(squares / n);
  for (let i = 0; i < n; i++) field[i] = (field[i] - mean) * scale;
  return field;
}
