import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../util/random.ts';
import { renderBoxEye } from './boxEye.ts';
import { hexTransformPermutation, permuteHexals, type FlipAxis } from './hexTransforms.ts';
import { roundHalfEven, sintelSplitColumns, SINTEL_RENDER_DEFAULTS } from './sintel.ts';
import { readLuminancePng } from './sintelFiles.ts';
import {
  chunkStarts,
  loadSintelNaturalistic,
  nearestExactIndices,
  resampledFrameCount,
} from './sintelNaturalistic.ts';
import { sampleFrames, type StimulusSet } from './stimulusSet.ts';

const H = 436;
const W = 1024;
const SCENES = ['alley_1', 'alley_2'];
const N_IMAGES = 21;

/** RGBA bytes of each written image, per scene, to check the reader independently. */
const written = new Map<string, Uint8Array[]>();
let root: string;
let set: StimulusSet;

function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  // No row filters and light deflate: pngjs writes and reads these several times faster.
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 1, filterType: 0 });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'flyaux-sintel-'));
  // One random RGB image, rolled by 37 columns per frame, so every frame differs; encoding is
  // the slow part, so alley_2 reuses alley_1's files in reverse order.
  // Pixels as little-endian uint32 RGBA: R, G and B from one 24-bit draw, alpha 255.
  const random = prng(1);
  const base = Uint32Array.from(
    { length: H * W },
    () => (Math.floor(random.uniform() * 2 ** 24) | 0xff000000) >>> 0,
  );
  const images = Array.from({ length: N_IMAGES }, (_, i) => {
    const pixels = new Uint32Array(H * W);
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) pixels[r * W + ((c + 37 * i) % W)] = base[r * W + c];
    }
    const rgba = new Uint8Array(pixels.buffer);
    return { rgba, png: encodePng(rgba, W, H) };
  });
  SCENES.forEach((scene, s) => {
    const dir = join(root, 'training', 'final', scene);
    mkdirSync(dir, { recursive: true });
    const order = s === 0 ? images : [...images].reverse();
    order.forEach(({ png }, i) =>
      writeFileSync(join(dir, `frame_${String(i + 1).padStart(4, '0')}.png`), png),
    );
    written.set(
      scene,
      order.map(({ rgba }) => rgba),
    );
  });
  set = loadSintelNaturalistic(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Expected BoxEye frames of one split, computed from the written bytes. */
function directRendering(scene: string, split: number): Float32Array {
  const { start, width } = sintelSplitColumns(W, SINTEL_RENDER_DEFAULTS)[split];
  const images = written.get(scene)!.slice(1);
  const movie = new Float32Array(images.length * H * width);
  images.forEach((rgba, f) => {
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < width; c++) {
        const p = 4 * (r * W + start + c);
        // Pillow's fixed-point ITU-R 601 luma.
        const luma = Math.floor((19595 * rgba[p] + 38470 * rgba[p + 1] + 7471 * rgba[p + 2] + 32768) / 65536);
        movie[(f * H + r) * width + c] = luma / 255;
      }
    }
  });
  return renderBoxEye(movie, images.length, H, width);
}

describe('loadSintelNaturalistic', () => {
  it('makes 2 scenes × 3 splits × 1 chunk × 12 augmentations = 72 samples of 80 frames at dt 1/100', () => {
    expect([set.nSamples, set.nFrames, set.nHexals, set.dt, set.tPre]).toEqual([72, 80, 721, 0.01, 0]);
    expect(set.samples[13]).toEqual({
      sequence: 'sequence_00_alley_1_split_01',
      scene: 'alley_1',
      split: 1,
      chunk: 0,
      chunkStart: 0,
      flip: 0,
      rotation: 1,
    });
  });

  it('renders flip 0 / rotation 0 samples exactly as BoxEye on the centre-cropped split, resampled nearest-exact', () => {
    const indices = nearestExactIndices(19, 80);
    for (const [sample, scene, split] of [
      [0, 'alley_1', 0],
      [24, 'alley_1', 2],
      [48, 'alley_2', 1],
    ] as const) {
      const direct = directRendering(scene, split);
      const frames = sampleFrames(set, sample);
      let maxDiff = 0;
      indices.forEach((source, f) => {
        for (let k = 0; k < 721; k++)
          maxDiff = Math.max(maxDiff, Math.abs(frames[f * 721 + k] - direct[source * 721 + k]));
      });
      expect(maxDiff).toBeLessThan(1e-6);
    }
  });

  it('orders the 12 samples of a chunk by flip, then rotation, each a hexal permutation of the first', () => {
    const base = sampleFrames(set, 12);
    for (let a = 0; a < 12; a++) {
      const flip = Math.floor(a / 6) as FlipAxis;
      const rotation = a % 6;
      expect(set.samples[12 + a]).toMatchObject({ flip, rotation });
      const expected = permuteHexals(base, hexTransformPermutation(15, flip, rotation));
      expect(sampleFrames(set, 12 + a).every((x, i) => x === expected[i])).toBe(true);
    }
  });

  it('keeps only the first maxSamples samples', () => {
    const few = loadSintelNaturalistic(root, { maxSamples: 5 });
    expect(few.nSamples).toBe(5);
    expect(few.frames.every((x, i) => x === set.frames[i])).toBe(true);
  });

  it('names the expected layout when the folder is missing or has no scenes', () => {
    expect(() => loadSintelNaturalistic(join(root, 'nowhere'))).toThrow(
      /training\/final\/<scene>\/frame_0001\.png/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'flyaux-sintel-empty-'));
    mkdirSync(join(empty, 'training', 'final'), { recursive: true });
    expect(() => loadSintelNaturalistic(empty)).toThrow(/no scene folders with PNG images/);
    rmSync(empty, { recursive: true });
  });
});

describe('readLuminancePng', () => {
  it('converts like PIL "L": red 76, green 150, blue 29, white 255 (/255)', () => {
    const path = join(root, 'colours.png');
    writeFileSync(
      path,
      encodePng(Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255), 4, 1),
    );
    expect(Array.from(readLuminancePng(path).data)).toEqual(
      [76, 150, 29, 255].map((x) => Math.fround(x / 255)),
    );
  });
});

describe('sintelSplitColumns', () => {
  it('crops 716 of 1024 columns from 154 and splits them into [154 + 149j, +417)', () => {
    expect(sintelSplitColumns(1024, SINTEL_RENDER_DEFAULTS)).toEqual([
      { start: 154, width: 417 },
      { start: 303, width: 417 },
      { start: 452, width: 417 },
    ]);
  });
});

describe('chunkStarts', () => {
  it('cuts 49 frames into 3 chunks at 0, 15, 30 and 20 frames into one chunk', () => {
    expect(chunkStarts(49)).toEqual([0, 15, 30]);
    expect(chunkStarts(20)).toEqual([0]);
    expect(chunkStarts(18)).toEqual([]);
  });

  it('gives 189 chunks and 2,268 samples for the 23 Sintel training scenes', () => {
    const imagesPerScene = [...new Array(19).fill(50), 21, 33, 20, 40];
    const chunks = imagesPerScene.reduce((n, images) => n + 3 * chunkStarts(images - 1).length, 0);
    expect([chunks, chunks * 12]).toEqual([189, 2268]);
  });
});

describe('nearestExactIndices', () => {
  it('resamples 10 frames from 24 to 50 fps as flyvis', () => {
    expect(resampledFrameCount(10, 1 / 50)).toBe(21);
    expect(Array.from(nearestExactIndices(10, 21))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
    ]);
  });

  it('gives 80 frames for a 19-frame chunk at dt 1/100 and 40 at dt 1/50', () => {
    expect([
      resampledFrameCount(19, 0.01),
      resampledFrameCount(19, 0.02),
      resampledFrameCount(24, 1 / 48),
    ]).toEqual([80, 40, 48]);
  });
});

describe('roundHalfEven', () => {
  it('rounds halves to even like Python', () => {
    expect([0.5, 1.5, 2.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -2, 2, 3]);
  });
});
