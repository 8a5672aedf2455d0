import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { refFloat32, refNpy, referencePath } from '../testing/reference.ts';
import { greyStats } from './greyStats.ts';

describe('greyStats', () => {
  it('reports the settled default network: end values, zero drift, settle times inside the run', () => {
    const r = refFloat32('default', 'grey_dt50_central.npy');
    const time = refNpy('default', 'grey_dt50_time.npy').data as Float64Array;
    const stats = greyStats({ data: r.data, nFrames: 250, nTypes: 65, time });
    const ref = JSON.parse(readFileSync(referencePath('default', 'responses.json'), 'utf8'));
    const cellTypes: string[] = ref.cell_types;
    cellTypes.forEach((c, t) => expect(stats.steadyState[t]).toBe(ref.grey.dt50.steady_state_central[c]));
    expect(Math.max(...stats.driftPerS)).toBe(0); // flyvis: max_abs_change_last_1s_central = 0
    for (const s of stats.settleS) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('reports the drifting strong_seed1 network as not settled, with its drift per second', () => {
    const r = refFloat32('strong_seed1', 'grey_central.npy');
    const time = Array.from({ length: 100 }, (_, f) => (f + 1) * 0.02);
    const stats = greyStats({ data: r.data, nFrames: 100, nTypes: 65, time });
    expect(Math.max(...stats.driftPerS)).toBeGreaterThan(0.1);
    stats.driftPerS.forEach((d, t) => {
      if (d > 1e-3) expect(stats.settleS[t]).toBeNaN();
    });
  });

  it('measures settle time and drift of a known exponential approach', () => {
    // V(t) = 1 − e^{−t/0.1}: |V − V(end)| < 1e-3 from t ≈ 0.1·ln(1000) ≈ 0.69 s on.
    const time = Array.from({ length: 250 }, (_, f) => (f + 1) * 0.02);
    const data = Float32Array.from(time, (t) => 1 - Math.exp(-t / 0.1));
    const stats = greyStats({ data, nFrames: 250, nTypes: 1, time });
    expect(stats.settleS[0]).toBeCloseTo(0.7, 10);
    expect(stats.driftPerS[0]).toBeLessThan(1e-7);
  });

  it('rejects a trace shorter than the drift window', () => {
    expect(() =>
      greyStats({
        data: new Float32Array(10),
        nFrames: 10,
        nTypes: 1,
        time: Array.from({ length: 10 }, (_, f) => f * 0.02),
      }),
    ).toThrow('Error in greyStats: the trace must cover the 1 s drift window');
  });
});
