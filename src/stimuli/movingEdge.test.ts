import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexIndex } from '../connectome/hex.ts';
import { referencePath, refNpy } from '../testing/reference.ts';
import { barOffsetFrames } from './barFrames.ts';
import { MOVING_EDGE_DEFAULTS, movingEdges } from './movingEdge.ts';
import { sampleFrames, validFrameCounts } from './stimulusSet.ts';

// Sample order, lengths and padding do not depend on the lattice, so extent 1 keeps these fast.
const protocols = [
  { name: 'all_speeds', dt: 1 / 200 },
  { name: 'dt50', dt: 1 / 50 },
] as const;

describe('movingEdges', () => {
  for (const { name, dt } of protocols) {
    it(`orders samples and NaN-pads them as flyvis at dt ${dt} (moving_edge_${name})`, () => {
      const set = movingEdges({ dt, extent: 1 });
      const protocol = JSON.parse(readFileSync(referencePath('default', `moving_edge_${name}.json`), 'utf8'));
      expect(set.nSamples).toBe(protocol.n_samples);
      expect(set.nFrames).toBe(protocol.n_frames);
      for (const column of ['angle', 'width', 'intensity', 't_stim', 'speed']) {
        expect(set.samples.map((row) => row[column])).toEqual(protocol.arg_df[column]);
      }
      const validFrames = refNpy('default', `moving_edge_${name}_valid_frames.npy`).data;
      expect(Array.from(validFrameCounts(set))).toEqual(Array.from(validFrames as Int32Array));
    });
  }

  it('shows 678/339/167/125/85/65 edge frames between 200 grey and 200 held frames at dt 1/200', () => {
    const set = movingEdges({ angles: [0], intensities: [1], extent: 1 });
    expect(set.nFrames).toBe(1078);
    const centre = hexIndex(1, 0, 0);
    const stimFrames = [678, 339, 167, 125, 85, 65];
    stimFrames.forEach((n, s) => {
      const movie = sampleFrames(set, s);
      const at = (f: number) => movie.subarray(f * 7, (f + 1) * 7);
      expect(Array.from(at(199)).every((x) => x === 0.5)).toBe(true);
      expect(at(200)[centre]).toBe(0.5); // first offset: the edge is still 10 LEDs to the left
      expect(at(200 + n - 1)[centre]).toBe(1); // last offset
      expect(at(200 + n + 199)).toEqual(at(200 + n - 1)); // 'continue' holds the last frame
      expect(Number.isNaN(movie[(200 + n + 200) * 7])).toBe(n !== 678);
    });
  });

  it('uses the offset frames rendered for each (angle, intensity) group', () => {
    const set = movingEdges({ angles: [90], speeds: [19], extent: 2 });
    const offsets = barOffsetFrames({
      ...MOVING_EDGE_DEFAULTS,
      angles: [90],
      widths: [80],
      barLocHorizontal: 0,
      extent: 2,
    });
    // 85 stimulus frames show offsets trunc(linspace(0, 20, 85)); frame 200 + 42 shows offset 10.
    const movie = sampleFrames(set, 1); // intensity 1
    expect(movie.subarray(242 * 19, 243 * 19)).toEqual(offsets.subarray((21 + 10) * 19, (21 + 11) * 19));
  });

  it('rejects unknown options by name', () => {
    expect(() => movingEdges({ sped: [19] } as never)).toThrow(
      /Error in movingEdges: unknown option 'sped'. Accepted: offsets/,
    );
  });
});
