/**
 * A tiny connectome in the flyvis JSON format, small enough to check by hand (see
 * src/connectome/tables.synthetic.test.ts for the counts at extent 2). Four types:
 * A and B on every column, W on a Lawf-like (3, 2) sub-lattice, C a single node at (0, 0).
 * - A→B: one offset (0, 0);
 * - B→A: a triangle (0,0), (2,0), (0,2) whose hull filling adds (0,1), (1,0), (1,1);
 * - A→W: two offsets, border-truncated onto W's sub-lattice;
 * - W→W: one offset (1, 0) that can never land on W's lattice, so the pair has no edges (like Lawf1→Lawf1);
 * - W→C: three collinear offsets (no filling);
 * - C→A: an offset (5, 0) that leaves the lattice, so that group has no edges.
 * Returns a fresh object, so tests may break it.
 */
export function syntheticConnectomeJson() {
  const node = (name: string, pattern: unknown) => ({ name, pattern, activation: 'relu', bias: 3.5 });
  const edge = (src: string, tar: string, alpha: number, offsets: [[number, number], number][]) => ({
    src,
    tar,
    alpha,
    offsets,
    lambda_mult: 1,
    edge_type: 'chem',
  });
  return {
    nodes: [
      node('A', ['stride', [1, 1]]),
      node('B', ['stride', [1, 1]]),
      node('W', ['stride', [3, 2]]),
      node('C', ['single', null]),
    ],
    edges: [
      edge('A', 'B', 1, [[[0, 0], 2]]),
      edge('B', 'A', -1, [
        [[0, 0], 1],
        [[2, 0], 1],
        [[0, 2], 1],
      ]),
      edge('A', 'W', 1, [
        [[0, 0], 3],
        [[0, 1], 1],
      ]),
      edge('W', 'W', 1, [[[1, 0], 1]]),
      edge('W', 'C', -1, [
        [[0, 0], 4],
        [[0, 2], 5],
        [[0, -2], 6],
      ]),
      edge('C', 'A', 1, [
        [[0, 0], 1],
        [[5, 0], 1],
      ]),
    ],
    receptors: [],
    input_units: ['A'],
    output_units: ['B'],
  };
}
