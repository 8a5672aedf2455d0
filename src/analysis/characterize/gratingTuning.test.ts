import { describe, expect, it } from 'vitest';
import { gratingDirectionTuning, gratingF1 } from './gratingTuning.ts';

describe('gratingF1', () => {
  it('returns the amplitude of a sinusoid at the grating frequency, ignoring offset and grey frames', () => {
    const dt = 0.01;
    const nFrames = 300; // 1 s grey, 2 s grating
    const time = Float64Array.from({ length: nFrames }, (_, f) => f * dt - 1);
    const frequencies = [1, 4];
    const data = new Float32Array(2 * nFrames * 2);
    frequencies.forEach((freq, s) => {
      for (let f = 0; f < nFrames; f++) {
        const t = time[f];
        data[(s * nFrames + f) * 2] = t < 0 ? 0 : 3 + 0.7 * Math.sin(2 * Math.PI * freq * t + 0.4);
        data[(s * nFrames + f) * 2 + 1] = t < 0 ? 0 : 0.2 * Math.sin(2 * Math.PI * 2.5 * freq * t); // another frequency
      }
    });
    const f1 = gratingF1({ data, nSamples: 2, nFrames, nTypes: 2 }, time, frequencies, 2);
    expect(f1[0]).toBeCloseTo(0.7, 5);
    expect(f1[2]).toBeCloseTo(0.7, 5);
    expect(f1[1]).toBeLessThan(1e-6);
    expect(f1[3]).toBeLessThan(1e-6);
  });
});

describe('gratingDirectionTuning', () => {
  it('gives DSI 0 for equal responses in all directions and the peak direction for a cosine tuning', () => {
    const angle = Array.from({ length: 12 }, (_, i) => 30 * i);
    const group = angle.map(() => 'p4|1');
    const f1 = angle.flatMap((a) => [1, 1 + Math.cos(((a - 120) * Math.PI) / 180)]);
    const { dsi, pdDeg } = gratingDirectionTuning(f1, 2, { angle, group });
    expect(dsi[0]).toBeCloseTo(0, 12);
    expect(dsi[1]).toBeCloseTo(0.5, 12);
    expect(pdDeg[1]).toBeCloseTo(120, 9);
  });
});
