import { describe, it, expect } from 'vitest';
import { cascadeRate, type CascadeSpec } from './closedForm.ts';
import { linearRate } from './linear.ts';
import { simulationRate } from './rate.ts';
import { linearise, simulateRepeats, whiteStimulus, type SmallNetwork } from './testing/smallNetwork.ts';
import { spectralStd, whitePsd } from '../../engine/noiseUnits.ts';

// The DESIGN check: white stimulus (per-frame std 0.15) → stage 1 (+ input noise) → stage 2 (+ drive noise).
const dt = 0.01;
const stimulusStd = 0.15;
const spec = (tau1: number): CascadeSpec => ({
  dt,
  tau1,
  stimulusVar: stimulusStd ** 2,
  inputNoiseVar: stimulusStd ** 2 / 30,
  driveNoiseVar: stimulusStd ** 2 / 300,
});

/** The cascade as a two-unit network: stage 1 sits at 0.5 ± 0.05, so relu(stage 1) is exactly linear. */
function cascade(tau1: number, tau2: number) {
  const s = spec(tau1);
  const net: SmallNetwork = {
    n: 2,
    tau: Float64Array.from([tau1, tau2]),
    bias: new Float64Array(2),
    W: Float64Array.from([0, 0, 1, 0]),
    stimulusGain: Float64Array.from([1, 0]),
  };
  const noise = {
    inputStd: spectralStd(s.inputNoiseVar, dt),
    intrinsicStd: Float64Array.from([0, spectralStd(s.driveNoiseVar, dt)]),
  };
  return { net, noise };
}

const linearCascadeRate = (tau1: number, tau2: number) => {
  const { net, noise } = cascade(tau1, tau2);
  return linearRate(linearise(net, dt, 0.5, noise), { dt, stimulusPsd: whitePsd(stimulusStd ** 2, dt) })[1];
};

describe('cascadeRate (closed form)', () => {
  it('equals the linear estimator on the cascade within 1e-9 relative (DESIGN asks 1e-6), for two stage-1 time constants', () => {
    for (const tau1 of [0.05, 0.02]) {
      const closed = cascadeRate(spec(tau1));
      const linear = linearCascadeRate(tau1, 0.03);
      expect(Math.abs(linear.rate / closed - 1)).toBeLessThan(1e-9);
      expect(linear.fMax).toBeCloseTo(50, 12);
    }
  });

  it('depends on the stage-1 time constant but not on stage 2’s, whose filter scales signal and noise alike', () => {
    const fast = cascadeRate(spec(0.02));
    const slow = cascadeRate(spec(0.05));
    expect(fast / slow).toBeGreaterThan(1.3);
    const otherStage2 = linearCascadeRate(0.05, 0.2).rate;
    expect(Math.abs(otherStage2 / slow - 1)).toBeLessThan(1e-9);
  });

  it('is matched by the simulation estimator (8 repeats × 2^14 steps, 256-sample segments) within 3 %', () => {
    for (const tau1 of [0.05, 0.02]) {
      const { net, noise } = cascade(tau1, 0.03);
      const burnIn = 500;
      const stimulus = whiteStimulus((1 << 14) + burnIn, 0.5, stimulusStd, 7);
      const traces = simulateRepeats(net, stimulus, { ...noise, dt, nRepeats: 8, burnIn, seed: 11 });
      const estimate = simulationRate(traces[1], { dt, nRepeats: 8, segmentLength: 256 });
      const closed = cascadeRate(spec(tau1));
      expect(Math.abs(estimate.rate / closed - 1)).toBeLessThan(0.03);
      expect(estimate.fMax).toBeCloseTo(50, 12);
    }
  });

  it('rejects an unstable Euler map and a noiseless channel', () => {
    expect(() => cascadeRate({ ...spec(0.05), tau1: 0.004 })).toThrow(/0 < dt\/tau1 < 2/);
    expect(() => cascadeRate({ ...spec(0.05), inputNoiseVar: 0, driveNoiseVar: 0 })).toThrow(/some noise/);
  });
});

describe('a single leaky integrator', () => {
  it('has a rate that does not depend on τ: signal and noise share its filter (why DESIGN needs the cascade)', () => {
    const rates = [0.02, 0.2].map((tau) => {
      const net: SmallNetwork = {
        n: 1,
        tau: Float64Array.from([tau]),
        bias: new Float64Array(1),
        W: new Float64Array(1),
        stimulusGain: Float64Array.from([1]),
      };
      const noise = { inputStd: spectralStd(stimulusStd ** 2 / 30, dt), intrinsicStd: 0 };
      return linearRate(linearise(net, dt, 0.5, noise), {
        dt,
        stimulusPsd: whitePsd(stimulusStd ** 2, dt),
      })[0].rate;
    });
    const flat = 50 * Math.log2(1 + 30);
    for (const rate of rates) expect(Math.abs(rate / flat - 1)).toBeLessThan(1e-9);
  });
});
