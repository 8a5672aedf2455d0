import { describe, it, expect } from 'vitest';
import { refFloat32, refNpy } from '../testing/reference.ts';
import { flashKinetics } from './flashKinetics.ts';
import type { FlashSet } from './flashSet.ts';
import { frameTimes } from './frameTimes.ts';

const dt = 1 / 200;

/** One cell type, samples (OFF, ON) full field, 1 s grey then a 1 s flash then 1 s grey. */
function synthetic(off: (t: number) => number, on: (t: number) => number): FlashSet {
  const time = frameTimes(600, dt, 1);
  const data = new Float32Array(1200);
  time.forEach((t, f) => {
    const inFlash = t > -dt / 2 && t < 1 - dt / 2;
    data[f] = 0.5 + (inFlash ? off(t) : 0);
    data[600 + f] = 0.5 + (inFlash ? on(t) : 0);
  });
  return {
    data,
    nSamples: 2,
    nFrames: 600,
    nTypes: 1,
    intensity: [0, 1],
    radius: [-1, -1],
    time,
    dt,
    tStim: 1,
  };
}

describe('flashKinetics', () => {
  it('calls a step that is held sustained (transience 0) with its peak at the end', () => {
    const k = flashKinetics(
      synthetic(
        () => 0,
        () => 0.2,
      ),
    );
    expect(k.preferred[0]).toBe(1);
    expect(k.transience[0]).toBeCloseTo(0, 6);
    expect(k.peak[0]).toBeCloseTo(0.2, 6);
    expect(k.timeToPeakS[0]).toBe(0);
  });

  it('measures time to peak and transience of an OFF response that decays back', () => {
    // r(t) = −(t/0.05)·e^{1 − t/0.05}: peak −1 at 50 ms, back to ~0 after 1 s.
    const k = flashKinetics(
      synthetic(
        (t) => -(t / 0.05) * Math.exp(1 - t / 0.05),
        (t) => 0.1 * t,
      ),
    );
    expect(k.preferred[0]).toBe(-1);
    expect(k.timeToPeakS[0]).toBeCloseTo(0.05, 10);
    expect(k.peak[0]).toBeCloseTo(-1, 6);
    expect(k.transience[0]).toBeGreaterThan(0.999);
  });

  it('leaves types without any response undecided (NaN)', () => {
    const k = flashKinetics(
      synthetic(
        () => 0,
        () => 0,
      ),
    );
    expect([k.preferred[0], k.timeToPeakS[0], k.transience[0]]).toEqual([0, NaN, NaN]);
  });

  it('finds photoreceptors ON-preferring in the default network and keeps every index in range', () => {
    const r = refFloat32('default', 'flash_dt200_central.npy');
    const flashes: FlashSet = {
      data: r.data,
      nSamples: 4,
      nFrames: 600,
      nTypes: 65,
      intensity: refNpy('default', 'flash_dt200_arg_intensity.npy').data as Float32Array,
      radius: refNpy('default', 'flash_dt200_arg_radius.npy').data as Int32Array,
      time: frameTimes(600, dt, 1),
      dt,
      tStim: 1,
    };
    const k = flashKinetics(flashes);
    for (let t = 0; t < 8; t++) expect(k.preferred[t]).toBe(1);
    for (let t = 0; t < 65; t++) {
      expect(k.timeToPeakS[t]).toBeGreaterThanOrEqual(0);
      expect(k.timeToPeakS[t]).toBeLessThan(1);
      expect(k.transience[t]).toBeGreaterThanOrEqual(0);
      expect(k.transience[t]).toBeLessThanOrEqual(1);
    }
  });
});
