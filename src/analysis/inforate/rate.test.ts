import { describe, it, expect } from 'vitest';
import { prng } from '../../util/random.ts';
import { simulationRate, simulationRateGrad } from './rate.ts';
import { repeatSpectra } from './snr.ts';

/** n repeats of (shared white signal of per-step std `signalStd`) + (independent white noise of std `noiseStd`). */
function repeats(n: number, T: number, signalStd: number, noiseStd: number, seed: number): Float64Array {
  const rng = prng(seed);
  const signal = Float64Array.from({ length: T }, () => signalStd * rng.normal());
  const out = new Float64Array(n * T);
  for (let r = 0; r < n; r++)
    for (let t = 0; t < T; t++) out[r * T + t] = 2 + signal[t] + noiseStd * rng.normal();
  return out;
}

const meanOf = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

describe('repeatSpectra', () => {
  it('recovers the signal and single-trial noise levels 2·v·dt with the n/(n − 1) and N/n corrections', () => {
    const dt = 0.02;
    const n = 4;
    const spectra = repeatSpectra(repeats(n, 1 << 14, 0.1, 0.2, 1), { dt, nRepeats: n });
    expect(Math.abs(meanOf(spectra.signal) / (2 * 0.01 * dt) - 1)).toBeLessThan(0.03);
    expect(Math.abs(meanOf(spectra.noise) / (2 * 0.04 * dt) - 1)).toBeLessThan(0.03);
    // Without the corrections the noise would be 25 % low and the signal 25 % of the noise too high.
    expect(Math.abs(meanOf(spectra.meanPower) / (2 * (0.01 + 0.04 / n) * dt) - 1)).toBeLessThan(0.03);
  });

  it('finds no signal in repeats of pure noise: S averages ≈ 0, about half the bins are clipped, the rate is small', () => {
    const dt = 0.01;
    const traces = repeats(8, 1 << 13, 0, 0.3, 2);
    const result = simulationRate(traces, { dt, nRepeats: 8 });
    const spectra = repeatSpectra(traces, { dt, nRepeats: 8 });
    const unclipped = spectra.meanPower.map((p, j) => p - spectra.noise[j] / 8);
    expect(Math.abs(meanOf(unclipped)) / meanOf(spectra.noise)).toBeLessThan(0.01);
    expect(result.clippedBins).toBeGreaterThan(15);
    expect(result.clippedBins).toBeLessThan(50);
    expect(result.rate).toBeLessThan(1); // bit/s, against 50·log2(1 + 1) = 50 for SNR 1
    expect(result.fMax).toBeCloseTo(50, 12);
  });

  it('rejects repeats that are identical (no noise) and traces that do not split into nRepeats', () => {
    const single = repeats(1, 256, 0.1, 0, 3);
    const identical = Float64Array.from({ length: 512 }, (_, i) => single[i % 256]);
    expect(() => simulationRate(identical, { dt: 0.01, nRepeats: 2 })).toThrow(/noise power must be > 0/);
    expect(() => simulationRate(new Float64Array(1000), { dt: 0.01, nRepeats: 3 })).toThrow(
      /do not split into 3 repeats/,
    );
    expect(() => simulationRate(new Float64Array(1000), { dt: 0.01, nRepeats: 1 })).toThrow(
      /nRepeats must be an integer ≥ 2/,
    );
  });

  it('accepts the engines’ float32 traces', () => {
    const traces = repeats(4, 512, 0.1, 0.1, 4);
    const a = simulationRate(traces, { dt: 0.01, nRepeats: 4 }).rate;
    const b = simulationRate(Float32Array.from(traces), { dt: 0.01, nRepeats: 4 }).rate;
    expect(Math.abs(a / b - 1)).toBeLessThan(1e-5);
  });
});

describe('simulationRateGrad', () => {
  it('matches central finite differences of the rate (float64, relative error < 1e-6), clipped bins included', () => {
    const dt = 0.01;
    const n = 3;
    const T = 64;
    const options = { dt, nRepeats: n, segmentLength: 16 };
    const traces = repeats(n, T, 0.1, 0.12, 5);
    const { result, grad } = simulationRateGrad(traces, options);
    expect(result.clippedBins).toBeGreaterThan(0);
    expect(result.rate).toBe(simulationRate(traces, options).rate);
    const h = 1e-7;
    const scale = Math.max(...grad.map(Math.abs));
    let worst = 0;
    for (let i = 0; i < traces.length; i++) {
      const up = Float64Array.from(traces);
      const down = Float64Array.from(traces);
      up[i] += h;
      down[i] -= h;
      const fd = (simulationRate(up, options).rate - simulationRate(down, options).rate) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - grad[i]) / scale);
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('gives no gradient to a constant offset of a trace (each segment is detrended)', () => {
    const { grad } = simulationRateGrad(repeats(2, 128, 0.1, 0.1, 6), {
      dt: 0.01,
      nRepeats: 2,
      segmentLength: 32,
    });
    // Each segment's gradient has zero mean, so their overlap-add sums to 0.
    const sum = grad.subarray(0, 128).reduce((s, g) => s + g, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-9 * Math.max(...grad.map(Math.abs)));
  });
});
