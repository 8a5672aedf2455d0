import { describe, it, expect } from 'vitest';
import { linearRate, linearSpectra, type DiscreteLinearSystem } from './linear.ts';
import { simulationRate } from './rate.ts';
import { linearise, simulateRepeats, whiteStimulus, type SmallNetwork } from './testing/smallNetwork.ts';
import { DEFAULT_INFORMATION_NOISE } from '../../engine/noiseDefaults.ts';
import { whitePsd } from '../../engine/noiseUnits.ts';

/**
 * Photoreceptor R → L (inhibited by R, fed back from M) → M (excited by L and R), and Q (driven by R,
 * rectified off at grey). L's fixed point 0.0625 is close to the threshold: at large contrast it
 * crosses 0 and M sees a rectified L.
 */
const net: SmallNetwork = {
  n: 4,
  tau: Float64Array.from([0.05, 0.03, 0.08, 0.04]),
  bias: Float64Array.from([0, 0.5, -0.2, -1]),
  // prettier-ignore
  W: Float64Array.from([
    0, 0, 0, 0,
    -0.8, 0, -0.3, 0,
    0.5, 1.2, 0, 0,
    0.5, 0, 0, 0,
  ]),
  stimulusGain: Float64Array.from([1, 0, 0, 0]),
};
const dt = 0.01;

function bothEstimators(contrastStd: number) {
  const linear = linearRate(linearise(net, dt, 0.5, DEFAULT_INFORMATION_NOISE), {
    dt,
    stimulusPsd: whitePsd(contrastStd ** 2, dt),
  });
  const burnIn = 500;
  const stimulus = whiteStimulus((1 << 14) + burnIn, 0.5, contrastStd, 3);
  const traces = simulateRepeats(net, stimulus, {
    ...DEFAULT_INFORMATION_NOISE,
    dt,
    nRepeats: 8,
    burnIn,
    seed: 5,
  });
  const simulated = traces.map((t) => simulationRate(t, { dt, nRepeats: 8, segmentLength: 256 }));
  return { linear, simulated };
}

describe('linearRate', () => {
  it('agrees with the simulation estimator on a small rectified network at small contrast (std 0.05) within 3 %', () => {
    const { linear, simulated } = bothEstimators(0.05);
    for (let t = 0; t < net.n; t++) {
      expect(Math.abs(simulated[t].rate / linear[t].rate - 1)).toBeLessThan(0.03);
      expect(simulated[t].freqs[simulated[t].freqs.length - 1]).toBe(linear[t].fMax);
    }
  });

  it('disagrees once a presynaptic voltage crosses the threshold (contrast std 0.5): the linearisation no longer holds', () => {
    const { linear, simulated } = bothEstimators(0.5);
    expect(Math.abs(simulated[0].rate / linear[0].rate - 1)).toBeLessThan(0.01); // R is linear
    expect(1 - simulated[2].rate / linear[2].rate).toBeGreaterThan(0.03); // M gets a rectified L
  });

  it('handles a complex (Fourier-mode) map: |H|² = |b|²/|z − λ|² for x ← λx + b·s', () => {
    const lambda = { re: 0.6, im: 0.3 };
    const sys: DiscreteLinearSystem = {
      nStates: 1,
      A: Float64Array.from([lambda.re]),
      Aim: Float64Array.from([lambda.im]),
      stimulusInput: Float64Array.from([0.4]),
      noiseInput: Float64Array.from([0.4]),
      noiseStd: Float64Array.from([0.1]),
      C: Float64Array.from([1]),
    };
    const spectra = linearSpectra(sys, { dt, stimulusPsd: (f) => 1 / (1 + f), nFreqs: 11 });
    spectra.freqs.forEach((f, j) => {
      const theta = 2 * Math.PI * f * dt;
      const gain = 0.16 / ((Math.cos(theta) - lambda.re) ** 2 + (Math.sin(theta) - lambda.im) ** 2);
      expect(spectra.gain[0][j]).toBeCloseTo(gain, 12);
      expect(spectra.signal[0][j]).toBeCloseTo(gain / (1 + f), 12);
      expect(spectra.noise[0][j]).toBeCloseTo(gain * 2 * 0.01, 12);
    });
  });

  it('names the input whose size does not fit', () => {
    const sys: DiscreteLinearSystem = {
      nStates: 2,
      A: new Float64Array(4),
      stimulusInput: new Float64Array(2),
      noiseInput: new Float64Array(3),
      noiseStd: new Float64Array(2),
      C: new Float64Array(2),
    };
    expect(() => linearRate(sys, { dt, stimulusPsd: 1 })).toThrow(
      /noiseInput \(nStates × noiseStd.length\) must have 4 entries, got 3/,
    );
  });
});
