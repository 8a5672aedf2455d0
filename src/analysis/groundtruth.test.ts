import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { referencePath } from '../testing/reference.ts';
import { CELL_TYPES, GROUNDTRUTH, KNOWN_POLARITY, REFERENCES } from './groundtruth.ts';

const reference = JSON.parse(readFileSync(referencePath('tables', 'groundtruth.json'), 'utf8'));

describe('groundtruth', () => {
  it('equals flyvis groundtruth_utils tables, key for key', () => {
    const { _source: _, ...tables } = reference;
    expect(GROUNDTRUTH).toEqual(tables);
    expect(Object.keys(GROUNDTRUTH)).toEqual(Object.keys(tables));
  });

  it('lists the 65 cell types in flyvis order', () => {
    expect(CELL_TYPES).toEqual(Object.keys(reference.polarity));
  });

  it('gives 32 known polarities (18 ON, 14 OFF), each with at least one listed source', () => {
    const entries = Object.values(KNOWN_POLARITY);
    expect(entries).toHaveLength(32);
    expect(entries.filter((e) => e.polarity === 1)).toHaveLength(18);
    for (const e of entries) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) expect(REFERENCES[s]).toBeTruthy();
    }
  });
});
