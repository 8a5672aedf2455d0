import { describe, it, expect } from 'vitest';
import {
  DEFAULT_INFORMATION_NOISE,
  NOISE_CALIBRATION,
  inputNoiseForRate,
} from '../../engine/noiseDefaults.ts';
import { linearRate } from './linear.ts';
import { simulationRate } from './rate.ts';
import { linearise, simulateRepeats, whiteStimulus, type SmallNetwork } from './testing/smallNetwork.ts';
import { whitePsd } from '../../engine/noiseUnits.ts';

/** Six photoreceptors (independent input noise) pooled by one cell with total gain G. */
function pooling(G: number): SmallNetwork {
  const W = new Float64Array(49);
  for (let j = 0; j < 6; j++) W[6 * 7 + j] = G / 6;
  return {
    n: 7,
    tau: new Float64Array(7).fill(0.05),
    bias: new Float64Array(7),
    W,
    stimulusGain: Float64Array.from([1, 1, 1, 1, 1, 1, 0]),
  };
}

const rates = (G: number, dt: number) =>
  linearRate(linearise(pooling(G), dt, 0.5, DEFAULT_INFORMATION_NOISE), {
    dt,
    stimulusPsd: whitePsd(NOISE_CALIBRATION.contrastStd ** 2, dt),
  }).map((r) => r.rate);

describe('default noise levels', () => {
  it('give a model photoreceptor 200 bit/s for the default white noise at dt 1/100, by both estimators', () => {
    const dt = NOISE_CALIBRATION.dt;
    const [photoreceptor] = rates(6, dt);
    expect(photoreceptor).toBeCloseTo(NOISE_CALIBRATION.photoreceptorRate, 9);
    const single: SmallNetwork = {
      n: 1,
      tau: Float64Array.from([0.05]),
      bias: new Float64Array(1),
      W: new Float64Array(1),
      stimulusGain: Float64Array.from([1]),
    };
    const stimulus = whiteStimulus(8192 + 200, 0.5, NOISE_CALIBRATION.contrastStd, 1);
    const traces = simulateRepeats(single, stimulus, {
      ...DEFAULT_INFORMATION_NOISE,
      dt,
      nRepeats: 8,
      burnIn: 200,
      seed: 2,
    });
    const simulated = simulationRate(traces[0], { dt, nRepeats: 8 }).rate;
    expect(Math.abs(simulated / photoreceptor - 1)).toBeLessThan(0.03);
  });

  it('give it 25·log2(1 + 2·15) ≈ 124 bit/s at dt 1/50: half the band, twice the stimulus power per Hz', () => {
    expect(rates(6, 1 / 50)[0]).toBeCloseTo(25 * Math.log2(31), 9);
  });

  it('let a cell pooling six photoreceptors with the fly’s gain of 6 beat one photoreceptor, and one with the untrained gain 0.06 not', () => {
    const [photoreceptor, , , , , , strong] = rates(6, NOISE_CALIBRATION.dt);
    const weak = rates(0.06, NOISE_CALIBRATION.dt)[6];
    expect(strong).toBeGreaterThan(1.5 * photoreceptor);
    expect(weak).toBeLessThan(0.2 * photoreceptor);
  });

  it('are levels of about 3.9e-3 (input) and 3.9e-4 (intrinsic) a.u./√Hz, independent per photoreceptor', () => {
    expect(DEFAULT_INFORMATION_NOISE.inputStd).toBeCloseTo(0.15 * Math.sqrt(0.01 / (15 * 1.01)), 15);
    expect(DEFAULT_INFORMATION_NOISE.intrinsicStd / DEFAULT_INFORMATION_NOISE.inputStd).toBeCloseTo(0.1, 15);
    expect(DEFAULT_INFORMATION_NOISE.inputMode).toBe('independent');
    expect(() => inputNoiseForRate(0, 0.15, 0.01, 0.1)).toThrow(/Error in inputNoiseForRate/);
  });
});
