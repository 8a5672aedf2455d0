import { describe, expect, it } from 'vitest';
import { syntheticConnectomeJson } from '../testing/syntheticConnectome.ts';
import { parseConnectome, parseConnectomeText } from './parse.ts';

type ConnectomeJson = ReturnType<typeof syntheticConnectomeJson>;

/** The message parseConnectome throws after `breakIt` damaged a valid connectome. */
function errorAfter(breakIt: (json: ConnectomeJson) => void): string {
  const json = syntheticConnectomeJson();
  breakIt(json);
  try {
    parseConnectome(json, 'test.json');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected parseConnectome to throw');
}

describe('parseConnectome', () => {
  it('reads types, strides, pairs, signs and offsets of a valid file', () => {
    const c = parseConnectome(syntheticConnectomeJson(), 'test.json');
    expect(c.cellTypes).toEqual([
      { name: 'A', stride: [1, 1] },
      { name: 'B', stride: [1, 1] },
      { name: 'W', stride: [3, 2] },
      { name: 'C', stride: null },
    ]);
    expect(c.pairs[1]).toMatchObject({ source: 'B', target: 'A', sign: -1, nSynCertainty: 1 });
    expect(c.pairs[1].offsets[1]).toEqual({ du: 2, dv: 0, nSyn: 1 });
    expect([c.inputTypes, c.outputTypes]).toEqual([['A'], ['B']]);
  });

  it('reports truncated JSON text with the file name', () => {
    const text = JSON.stringify(syntheticConnectomeJson());
    expect(() => parseConnectomeText(text.slice(0, text.length / 2), 'test.json')).toThrow(
      /invalid connectome test\.json: not valid JSON \(truncated or corrupted\?\)/,
    );
    expect(() => parseConnectomeText('', 'test.json')).toThrow(/test\.json: not valid JSON/);
  });

  it('names a missing top-level key', () => {
    expect(errorAfter((j) => delete (j as Partial<ConnectomeJson>).input_units)).toMatch(
      /test\.json: input_units: .*expected array.*\(got missing\)/,
    );
    expect(errorAfter((j) => delete (j as Partial<ConnectomeJson>).edges)).toMatch(
      /: edges: .*\(got missing\)/,
    );
  });

  it('names the edge and field of an unknown cell type', () => {
    expect(errorAfter((j) => (j.edges[1].tar = 'Bx'))).toBe(
      "invalid connectome test.json: edges[1] (B→Bx).tar: unknown cell type 'Bx'",
    );
    expect(errorAfter((j) => (j.edges[2].src = 'Q'))).toMatch(
      /edges\[2\] \(Q→W\)\.src: unknown cell type 'Q'/,
    );
    expect(errorAfter((j) => (j.input_units = ['Z']))).toMatch(/input_units\[0\]: unknown cell type 'Z'/);
    expect(errorAfter((j) => (j.output_units = ['B', 'Y']))).toMatch(
      /output_units\[1\]: unknown cell type 'Y'/,
    );
  });

  it('names the offset and value of a bad offset: non-integer du, negative, zero or NaN n_syn', () => {
    expect(errorAfter((j) => (j.edges[2].offsets[1][0][0] = 0.5))).toMatch(
      /edges\[2\] \(A→W\)\.offsets\[1\]\[0\]\[0\]: .*expected int.*\(got 0\.5\)/,
    );
    expect(errorAfter((j) => (j.edges[2].offsets[1][1] = -1))).toMatch(
      /edges\[2\] \(A→W\)\.offsets\[1\]\[1\]: .*>0.*\(got -1\)/,
    );
    expect(errorAfter((j) => (j.edges[2].offsets[1][1] = 0))).toMatch(/offsets\[1\]\[1\]: .*\(got 0\)/);
    expect(errorAfter((j) => (j.edges[2].offsets[1][1] = NaN))).toMatch(
      /offsets\[1\]\[1\]: .*NaN.*\(got NaN\)/,
    );
    expect(errorAfter((j) => (j.edges[0].offsets = []))).toMatch(/edges\[0\] \(A→B\)\.offsets: .*>=1/);
  });

  it('names a bad sign', () => {
    expect(errorAfter((j) => (j.edges[0].alpha = 0.5))).toMatch(
      /edges\[0\] \(A→B\)\.alpha: expected 1 or -1 \(got 0\.5\)/,
    );
  });

  it('names duplicate pairs, offsets and cell types', () => {
    expect(errorAfter((j) => j.edges.push(syntheticConnectomeJson().edges[0]))).toMatch(
      /edges\[6\] \(A→B\): duplicate pair/,
    );
    expect(errorAfter((j) => j.edges[1].offsets.push([[2, 0], 3]))).toMatch(
      /edges\[1\] \(B→A\)\.offsets\[3\]: duplicate offset \(2, 0\)/,
    );
    expect(errorAfter((j) => (j.nodes[1].name = 'A'))).toMatch(/nodes\[1\]\.name: duplicate cell type 'A'/);
  });

  it('names the node and the accepted forms of a bad pattern', () => {
    expect(errorAfter((j) => (j.nodes[2].pattern = ['hex', 3]))).toBe(
      "invalid connectome test.json: nodes[2] (W).pattern: expected ['stride', [su, sv]], ['tile', n] or " +
        '[\'single\', null] with positive integers (got ["hex",3])',
    );
    expect(errorAfter((j) => (j.nodes[2].pattern = ['stride', [0, 2]]))).toMatch(/nodes\[2\] \(W\)\.pattern/);
  });
});
