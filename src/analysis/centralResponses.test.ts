import { describe, it, expect } from 'vitest';
import { labeled } from '../engine/labeled.ts';
import { centralFromLabeled, centralTrace, checkCentral } from './centralResponses.ts';

describe('central responses', () => {
  const data = Float32Array.from({ length: 2 * 3 * 2 }, (_, k) => k);

  it('reads one type of one sample as a trace', () => {
    expect(Array.from(centralTrace({ data, nSamples: 2, nFrames: 3, nTypes: 2 }, 1, 1))).toEqual([7, 9, 11]);
  });

  it('takes the raw layout from a labelled [sample, time, cell_type] array and rejects other dim orders', () => {
    const r = labeled({ data, dims: ['sample', 'time', 'cell_type'], shape: [2, 3, 2] });
    expect(centralFromLabeled(r)).toEqual({ data, nSamples: 2, nFrames: 3, nTypes: 2 });
    const t = labeled({ data, dims: ['time', 'sample', 'cell_type'], shape: [3, 2, 2] });
    expect(() => centralFromLabeled(t)).toThrow(
      'expected dims [sample, time, cell_type], got [time, sample, cell_type]',
    );
  });

  it('names the sizes when they do not fill the data', () => {
    expect(() => checkCentral({ data, nSamples: 2, nFrames: 4, nTypes: 2 }, 'fri')).toThrow(
      'Error in fri: responses must hold nSamples × nFrames × nTypes = 2 × 4 × 2 = 16 values, but hold 12',
    );
  });
});
