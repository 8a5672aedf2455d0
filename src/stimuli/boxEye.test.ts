import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../testing/reference.ts';
import { prng } from '../util/random.ts';
import { boxEyeGeometry, renderBoxEye } from './boxEye.ts';
import { resizeBilinear } from './boxEyeResize.ts';

/** The reference's synthetic image, regenerated from its description. */
function syntheticImage(height: number, width: number): Float32Array {
  const image = new Float32Array(height * width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) image[r * width + c] = 0.001 * r + 0.0001 * c + (r % 7 === 0 ? 0.3 : 0);
  }
  return image;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;

describe('boxEyeGeometry', () => {
  it('truncates receptor rows toward zero and needs a 391 × 391 frame at extent 15', () => {
    const g = boxEyeGeometry();
    expect(g.nHexals).toBe(721);
    expect(g.minFrameSize).toBe(391);
    // Canonical index 1 is (−15, 1): 13·(−14.5) = −188.5 → −188; index 361 is (0, 1): 6.5 → 6.
    expect([g.rowOffset[1], g.colOffset[1]]).toEqual([-188, 13]);
    expect([g.rowOffset[361], g.colOffset[361]]).toEqual([6, 13]);
    expect([g.rowOffset[360], g.colOffset[360]]).toEqual([0, 0]);
  });
});

describe('renderBoxEye', () => {
  const reference = JSON.parse(
    readFileSync(referencePath('boxeye', 'boxeye_synthetic_436x417.json'), 'utf8'),
  ) as {
    mean: number[];
    sum: number[];
  };
  const image = syntheticImage(436, 417);

  it('reproduces flyvis "mean" on the synthetic 436 × 417 image within 1e-6', () => {
    expect(maxAbsDiff(renderBoxEye(image, 1, 436, 417, { mode: 'mean' }), reference.mean)).toBeLessThan(1e-6);
  });

  it('reproduces flyvis "sum" on the synthetic image within 1e-6 relative (float32 of values up to 169)', () => {
    const sums = renderBoxEye(image, 1, 436, 417, { mode: 'sum' });
    const scale = Math.max(...reference.sum.map(Math.abs));
    expect(maxAbsDiff(sums, reference.sum) / scale).toBeLessThan(1e-6);
  });

  it('renders every frame of a movie independently', () => {
    const movie = new Float32Array(2 * 436 * 417);
    movie.set(image, 436 * 417);
    const out = renderBoxEye(movie, 2, 436, 417);
    expect(maxAbsDiff(out.subarray(0, 721), new Float32Array(721))).toBe(0);
    expect(maxAbsDiff(out.subarray(721), reference.mean)).toBeLessThan(1e-6);
  });

  it('gives ≈ 1 ("mean") and ≈ 169 ("sum") on an all-ones 100 × 100 movie resized to 391 × 391', () => {
    const ones = new Float32Array(3 * 100 * 100).fill(1);
    expect(mean(renderBoxEye(ones, 3, 100, 100, { mode: 'mean' }))).toBeCloseTo(1, 1);
    expect(Math.abs(mean(renderBoxEye(ones, 3, 100, 100, { mode: 'sum' })) - 169)).toBeLessThan(5);
  });

  it('gives ≈ 5 in "median" mode on random integers 0…10', () => {
    const random = prng(3);
    const frame = Float32Array.from({ length: 400 * 400 }, () => Math.floor(random.uniform() * 11));
    expect(mean(renderBoxEye(frame, 1, 400, 400, { mode: 'median' }))).toBeCloseTo(5, 0);
  });

  it('names the expected size when the frames do not match', () => {
    expect(() => renderBoxEye(new Float32Array(10), 1, 391, 391)).toThrow(/Error in renderBoxEye: .*391/);
  });
});

describe('resizeBilinear', () => {
  it('keeps constants, and interpolates with half-pixel centres', () => {
    const resized = resizeBilinear(Float32Array.of(0, 1), 1, 1, 2, 1, 4);
    // Source positions (j + 0.5)/2 − 0.5 = −0.25→0, 0.25, 0.75, 1.25→clamped at the last pixel.
    expect(Array.from(resized)).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(resizeBilinear(new Float32Array(6).fill(2), 1, 2, 3, 5, 7))).toEqual(
      new Array(35).fill(2),
    );
  });
});
