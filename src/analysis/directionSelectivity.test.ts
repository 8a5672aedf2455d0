import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { refFloat32, refNpy, referencePath } from '../testing/reference.ts';
import { directionSelectivity, type EdgeConditions } from './directionSelectivity.ts';
import { edgePeakResponses, edgeTimeWindow } from './edgePeakResponses.ts';
import { frameTimes } from './frameTimes.ts';

const json = (...parts: string[]) => JSON.parse(readFileSync(referencePath(...parts), 'utf8'));
const angularDistanceDeg = (a: number, b: number) => {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
};

/** Speed-19 references: 12 angles × (OFF, ON), angle-major, 485 frames at dt 1/200 with t_pre 1 s. */
function speed19(folder: string) {
  const r = refFloat32(folder, 'moving_edge_speed19_central.npy');
  const [nSamples, nFrames, nTypes] = r.shape;
  const conditions: EdgeConditions = {
    angle: Array.from({ length: nSamples }, (_, s) => 30 * Math.floor(s / 2)),
    intensity: Array.from({ length: nSamples }, (_, s) => s % 2),
    width: new Array(nSamples).fill(80),
    speed: new Array(nSamples).fill(19),
  };
  const edges = {
    data: r.data,
    nSamples,
    nFrames,
    nTypes,
    time: frameTimes(nFrames, 1 / 200, 1),
    ...conditions,
  };
  return { edges, conditions, nTypes };
}

/** Max |DSI − ref| over all types and intensities, and max PD error (degrees) where the ref DSI > 1e-5. */
function compare(
  tuning: { dsi: Float64Array; pdDeg: Float64Array },
  dsiRef: (t: number, i: number) => number,
  pdRefRad: (t: number, i: number) => number,
  nTypes: number,
) {
  let dsi = 0;
  let pd = 0;
  for (let t = 0; t < nTypes; t++) {
    for (let i = 0; i < 2; i++) {
      dsi = Math.max(dsi, Math.abs(tuning.dsi[2 * t + i] - dsiRef(t, i)));
      if (dsiRef(t, i) > 1e-5)
        pd = Math.max(pd, angularDistanceDeg(tuning.pdDeg[2 * t + i], (pdRefRad(t, i) * 180) / Math.PI));
    }
  }
  return { dsi, pd };
}

describe('edgeTimeWindow', () => {
  it('spans stimulus onset to t_stim(speed) with the default offsets (frames 200…285 at speed 19)', () => {
    const [start, end] = edgeTimeWindow(19);
    expect(start).toBe(0);
    expect(end).toBeCloseTo(0.42876588021778583, 14);
    const time = frameTimes(485, 1 / 200, 1);
    const inside = Array.from(time.keys()).filter((f) => time[f] >= start && time[f] <= end);
    expect([inside.length, inside[0], inside.at(-1)]).toEqual([86, 200, 285]);
  });
});

describe('directionSelectivity', () => {
  it('reproduces flyvis DSI and PD of the default network at speed 19 from the responses', () => {
    const { edges, conditions, nTypes } = speed19('default');
    const ref = json('default', 'moving_edge_speed19_dsi_pd.json');
    const tuning = directionSelectivity(edgePeakResponses(edges), nTypes, conditions);
    const diff = compare(
      tuning,
      (t, i) => ref.dsi[t][i],
      (t, i) => ref.pd_rad[0][t][i],
      nTypes,
    );
    expect(diff.dsi).toBeLessThan(1e-7);
    expect(diff.pd).toBeLessThan(0.1);
  });

  it('reproduces flyvis DSI and PD of the strong_seed1 network at speed 19', () => {
    const { edges, conditions, nTypes } = speed19('strong_seed1');
    const ref = json('strong_seed1', 'moving_edge_speed19_dsi_pd.json');
    const tuning = directionSelectivity(edgePeakResponses(edges), nTypes, conditions);
    const diff = compare(
      tuning,
      (t, i) => ref.dsi[t][i],
      (t, i) => ref.pd_rad[`intensity_${i}`][t],
      nTypes,
    );
    expect(diff.dsi).toBeLessThan(1e-7);
    expect(diff.pd).toBeLessThan(0.1);
  });

  for (const run of ['all_speeds', 'dt50']) {
    it(`averages over the 6 speeds with a shared ON/OFF normaliser (peaks of moving_edge_${run})`, () => {
      const peaks = refFloat32('default', `moving_edge_${run}_peak_responses.npy`);
      const arg = (name: string) =>
        refNpy('default', `moving_edge_${run}_arg_${name}.npy`).data as ArrayLike<number>;
      const conditions = {
        angle: arg('angle'),
        intensity: arg('intensity'),
        width: new Array(144).fill(80),
        speed: arg('speed'),
      };
      const ref = json('default', `moving_edge_${run}.json`);
      const cellTypes = Object.keys(ref.dsi.intensity_0);
      const tuning = directionSelectivity(peaks.data, 65, conditions);
      const diff = compare(
        tuning,
        (t, i) => ref.dsi[`intensity_${i}`][cellTypes[t]],
        (t, i) => ref.preferred_direction_rad[`intensity_${i}`][cellTypes[t]],
        65,
      );
      expect(diff.dsi).toBeLessThan(1e-7);
      expect(diff.pd).toBeLessThan(0.1);
      const stored = refFloat32('default', `moving_edge_${run}_dsi.npy`).data;
      expect(Math.max(...stored.map((x, k) => Math.abs(x - tuning.dsi[k])))).toBeLessThan(1e-7);
    });
  }

  it('gives DSI 1 and the motion direction as PD for a type that answers one direction only', () => {
    const angle = [0, 90, 180, 270, 0, 90, 180, 270];
    const intensity = [0, 0, 0, 0, 1, 1, 1, 1];
    const peaks = [0, 0, 0, 0, 0, 2, 0, 0];
    const tuning = directionSelectivity(peaks, 1, {
      angle,
      intensity,
      width: [80, 80, 80, 80, 80, 80, 80, 80],
      speed: [19, 19, 19, 19, 19, 19, 19, 19],
    });
    expect(tuning.dsi[1]).toBeCloseTo(1, 12);
    expect(tuning.pdDeg[1]).toBeCloseTo(90, 12);
    expect(tuning.dsi[0]).toBe(0);
  });

  it('rejects a width and speed that were run with one contrast only', () => {
    expect(() =>
      directionSelectivity([1, 1], 1, {
        angle: [0, 90],
        intensity: [1, 1],
        width: [80, 80],
        speed: [19, 19],
      }),
    ).toThrow('width|speed 80|19 needs both OFF and ON edges, got 0 OFF and 2 ON');
  });
});
