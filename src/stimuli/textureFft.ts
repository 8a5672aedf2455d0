import FFT from 'fft.js';

/**
 * In-place 2-D FFT of a size × size complex array (interleaved re, im; row-major), by 1-D
 * transforms of the rows and then the columns. The inverse divides by size² (numpy's ifft2).
 */
export function fft2(data: Float64Array, size: number, inverse = false): Float64Array {
  if (data.length !== 2 * size * size) {
    throw new Error(
      `Error in fft2: expected 2·size² = ${2 * size * size} interleaved values, got ${data.length}`,
    );
  }
  const fft = new FFT(size);
  const line = new Float64Array(2 * size);
  const out = new Float64Array(2 * size);
  const run = inverse ? () => fft.inverseTransform(out, line) : () => fft.transform(out, line);
  for (let r = 0; r < size; r++) {
    const row = data.subarray(2 * r * size, 2 * (r + 1) * size);
    line.set(row);
    run();
    row.set(out);
  }
  for (let c = 0; c < size; c++) {
    for (let r = 0; r < size; r++) {
      line[2 * r] = data[2 * (r * size + c)];
      line[2 * r + 1] = data[2 * (r * size + c) + 1];
    }
    run();
    for (let r = 0; r < size; r++) {
      data[2 * (r * size + c)] = out[2 * r];
      data[2 * (r * size + c) + 1] = out[2 * r + 1];
    }
  }
  return data;
}

/** Signed spatial frequency (cycles per pixel) of FFT bin k of a transform of this size. */
export function binFrequency(k: number, size: number): number {
  return (k <= size / 2 ? k : k - size) / size;
}
