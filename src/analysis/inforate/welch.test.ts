import { describe, it, expect } from 'vitest';
import { prng } from '../../util/random.ts';
import { welchPlan, welchPsd, welchPsdVjp } from './welch.ts';
import { trapezoidWeight } from './spectralRate.ts';

const randomTrace = (length: number, seed: number, std = 1) => {
  const rng = prng(seed);
  return Float64Array.from({ length }, () => std * rng.normal());
};

const trapezoid = (psd: Float64Array, df: number) =>
  psd.reduce((s, p, j) => s + trapezoidWeight(j, psd.length) * p, 0) * df;

describe('welchPsd', () => {
  it('integrates (trapezoid over [0, 1/(2dt)]) to the mean windowed power of the detrended segments (Parseval)', () => {
    const dt = 0.01;
    const L = 64;
    const x = randomTrace(L, 1).map((v, n) => v + 3 + 0.01 * n);
    const { psd, df } = welchPsd(x, dt, { segmentLength: L });
    const mean = x.reduce((s, v) => s + v, 0) / L;
    let num = 0;
    let den = 0;
    for (let n = 0; n < L; n++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / L);
      num += (w * (x[n] - mean)) ** 2;
      den += w * w;
    }
    expect(trapezoid(psd, df)).toBeCloseTo(num / den, 12);
  });

  it('gives white noise of per-step variance v the flat one-sided level 2·v·dt', () => {
    const dt = 0.02;
    const std = 0.3;
    const x = randomTrace(1 << 16, 2, std);
    const { psd, df } = welchPsd(x, dt, { segmentLength: 128 });
    const level = 2 * std * std * dt;
    const inner = psd.slice(2, -1);
    const meanLevel = inner.reduce((s, p) => s + p, 0) / inner.length;
    expect(Math.abs(meanLevel / level - 1)).toBeLessThan(0.01);
    // ~1,000 half-overlapping segments: each bin within ±15 % of the level
    for (const p of inner) expect(Math.abs(p / level - 1)).toBeLessThan(0.15);
    expect(Math.abs(trapezoid(psd, df) / (std * std) - 1)).toBeLessThan(0.02);
  });

  it('puts a sinusoid of amplitude A at its frequency with power A²/2', () => {
    const dt = 0.01;
    const L = 256;
    const f0 = 20 * (1 / (L * dt)); // on a bin
    const A = 2;
    const x = Float64Array.from({ length: 4096 }, (_, n) => A * Math.sin(2 * Math.PI * f0 * n * dt));
    const { psd, df, freqs } = welchPsd(x, dt, { segmentLength: L });
    const peak = psd.indexOf(Math.max(...psd));
    expect(freqs[peak]).toBeCloseTo(f0, 10);
    expect(trapezoid(psd, df)).toBeCloseTo((A * A) / 2, 6);
  });

  it('uses floor((T − L)/(L/2)) + 1 half-overlapping segments and L/2 + 1 bins up to the Nyquist frequency', () => {
    const plan = welchPlan(1000, 0.02, { segmentLength: 128 });
    expect(plan.nSegments).toBe(14);
    expect(plan.nBins).toBe(65);
    expect(plan.freqs[64]).toBeCloseTo(25, 12);
  });

  it('rejects segment lengths that are not powers of two and traces shorter than a segment', () => {
    expect(() => welchPlan(1000, 0.01, { segmentLength: 100 })).toThrow(/power of two/);
    expect(() => welchPlan(100, 0.01, { segmentLength: 128 })).toThrow(/shorter than segmentLength 128/);
  });
});

describe('welchPsdVjp', () => {
  it('matches central finite differences of Σ g·PSD (relative error < 1e-7)', () => {
    const dt = 0.01;
    const x = randomTrace(96, 3);
    const opts = { segmentLength: 32 };
    const g = randomTrace(17, 4);
    const objective = (y: Float64Array) => welchPsd(y, dt, opts).psd.reduce((s, p, j) => s + g[j] * p, 0);
    const grad = welchPsdVjp(x, dt, g, opts);
    const h = 1e-6;
    let worst = 0;
    const scale = Math.max(...grad.map(Math.abs));
    for (let i = 0; i < x.length; i++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += h;
      down[i] -= h;
      const fd = (objective(up) - objective(down)) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - grad[i]) / scale);
    }
    expect(worst).toBeLessThan(1e-7);
  });
});
