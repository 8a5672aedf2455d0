import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realNetwork, referencePath, refFloat32 } from '../../testing/reference.ts';
import { loadReferenceParams, type ReferenceNetwork } from '../../testing/referenceParams.ts';
import { characterize } from './characterize.ts';

/** Where a reference network keeps its flyvis outputs. */
export interface ReferenceFiles {
  /** Keys leading to the radius-6 FRIs (by cell type) in the network's flash_fri.json. */
  friKeys: string[];
  flashCentral: string;
  /** Tolerance of the FRI. @default 1e-6 */
  friTolerance?: number;
  /** Tolerance of the preferred directions (degrees) where DSI > 1e-5. @default 0.1 */
  pdTolerance?: number;
}

const json = (...parts: string[]) => JSON.parse(readFileSync(referencePath(...parts), 'utf8'));

/** flyvis's PD in radians; default stores [network][type][intensity], strong_seed1 {intensity_I: [type]}. */
function pdRad(
  ref: { pd_rad: number[][][] | Record<string, number[]> },
  type: number,
  intensity: number,
): number {
  return Array.isArray(ref.pd_rad)
    ? ref.pd_rad[0][type][intensity]
    : ref.pd_rad[`intensity_${intensity}`][type];
}

/** Largest absolute difference of two arrays over their common leading frames (sample, frame, type layout). */
function maxDiff(
  a: Float32Array,
  aFrames: number,
  b: Float32Array,
  bFrames: number,
  nSamples: number,
): number {
  const frames = Math.min(aFrames, bFrames);
  let worst = 0;
  for (let s = 0; s < nSamples; s++) {
    for (let k = 0; k < frames * 65; k++) {
      worst = Math.max(worst, Math.abs(a[s * aFrames * 65 + k] - b[s * bFrames * 65 + k]));
    }
  }
  return worst;
}

/**
 * End-to-end check against flyvis (engine + stimuli + analysis): `characterize` with flashes and
 * speed-19 edges on the full lattice gives flyvis's FRI (radius 6), DSI and preferred directions.
 * Edges are held 10 ms after crossing instead of 1 s: that only shortens the arrays, and the
 * protocol itself refuses a hold that would cut flyvis's window.
 */
export function describeReferenceNetwork(name: ReferenceNetwork, files: ReferenceFiles): void {
  describe(`characterize on the ${name} network`, () => {
    it(`equals flyvis: flash and edge responses to 1e-5, FRI to ${files.friTolerance ?? 1e-6}, DSI to 1e-7, PD to ${files.pdTolerance ?? 0.1}° where DSI > 1e-5`, async () => {
      const { tables } = await realNetwork();
      const c = await characterize(tables, loadReferenceParams(name), {
        stimuli: ['flashes', 'edges'],
        quick: true,
        edgeTPostS: 0.01,
      });
      const flash = refFloat32(name, files.flashCentral);
      const flashes = c.responses.flashes!;
      expect(maxDiff(flashes.data, flashes.shape[1], flash.data, flash.shape[1], 4)).toBeLessThan(1e-5);
      const edge = refFloat32(name, 'moving_edge_speed19_central.npy');
      const edges = c.responses.edges!;
      expect(maxDiff(edges.data, edges.shape[1], edge.data, edge.shape[1], 24)).toBeLessThan(1e-5);

      const fri: Record<string, number> = files.friKeys.reduce((o, k) => o[k], json(name, 'flash_fri.json'));
      const friError = Math.max(...c.cellTypes.map((t, i) => Math.abs(c.flashes!.fri[i] - fri[t])));
      expect(friError).toBeLessThan(files.friTolerance ?? 1e-6);

      const ref = json(name, 'moving_edge_speed19_dsi_pd.json');
      expect(ref.cell_types).toEqual(c.cellTypes);
      let [dsiError, pdError, compared] = [0, 0, 0];
      c.cellTypes.forEach((_, t) => {
        for (const intensity of [0, 1]) {
          const dsi = ref.dsi[t][intensity];
          dsiError = Math.max(dsiError, Math.abs(c.edges!.dsi[2 * t + intensity] - dsi));
          if (dsi <= 1e-5) continue;
          const pd = ((((pdRad(ref, t, intensity) * 180) / Math.PI) % 360) + 360) % 360;
          const d = Math.abs(c.edges!.pdDeg[2 * t + intensity] - pd);
          pdError = Math.max(pdError, Math.min(d, 360 - d));
          compared++;
        }
      });
      expect(dsiError).toBeLessThan(1e-7);
      expect(pdError).toBeLessThan(files.pdTolerance ?? 0.1);
      expect(compared).toBeGreaterThan(20);
      console.log(
        `characterize ${name}: max |ΔFRI| ${friError.toExponential(2)}, max |ΔDSI| ${dsiError.toExponential(2)}, max ΔPD ${pdError.toFixed(3)}° over ${compared} (type, edge) pairs`,
      );
    });
  });
}
