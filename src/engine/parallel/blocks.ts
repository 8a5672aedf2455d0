/** A run of consecutive samples. */
export interface SampleBlock {
  first: number;
  count: number;
}

/**
 * Splits samples 0 … n−1 into `parts` contiguous blocks whose sizes differ by at most one, smaller
 * blocks first (the main thread takes block 0 and also assembles the results). The split depends
 * only on n and parts, and each sample's result does not depend on it at all.
 */
export function sampleBlocks(n: number, parts: number): SampleBlock[] {
  const count = Math.max(1, Math.min(n, Math.floor(parts)));
  const small = Math.floor(n / count);
  const nLarge = n % count;
  const blocks: SampleBlock[] = [];
  let first = 0;
  for (let p = 0; p < count; p++) {
    const size = small + (p >= count - nLarge ? 1 : 0);
    blocks.push({ first, count: size });
    first += size;
  }
  return blocks;
}
