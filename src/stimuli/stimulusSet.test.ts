import { describe, expect, it } from 'vitest';
import { fullField, grey } from './fullField.ts';
import { sampleFrames, stimulusSet, stimulusTime, validFrameCounts } from './stimulusSet.ts';

describe('stimulusSet', () => {
  it('names both sizes when the frames do not match nSamples·nFrames·nHexals', () => {
    expect(() =>
      stimulusSet({
        frames: new Float32Array(10),
        nSamples: 1,
        nFrames: 2,
        nHexals: 7,
        dt: 0.01,
        tPre: 0,
        samples: [{}],
      }),
    ).toThrow('Error in stimulusSet: frames must hold nSamples·nFrames·nHexals = 1·2·7 values, got 10');
  });

  it('gives times frame·dt − tPre, one sample per view, and the frames before the NaN padding', () => {
    const frames = new Float32Array(2 * 3 * 1).fill(0.5);
    frames[5] = NaN;
    const set = stimulusSet({
      frames,
      nSamples: 2,
      nFrames: 3,
      nHexals: 1,
      dt: 0.5,
      tPre: 0.5,
      samples: [{}, {}],
    });
    expect(Array.from(stimulusTime(set))).toEqual([-0.5, 0, 0.5]);
    expect(sampleFrames(set, 1).length).toBe(3);
    expect(Array.from(validFrameCounts(set))).toEqual([3, 2]);
    expect(() => sampleFrames(set, 2)).toThrow(/sample must be an integer in \[0, 2\), got 2/);
  });
});

describe('fullField and grey', () => {
  it('repeat each frame value over every hexal', () => {
    expect(Array.from(fullField(new Float32Array([0, 1]), 3))).toEqual([0, 0, 0, 1, 1, 1]);
    expect(grey(2).length).toBe(2 * 721);
    expect(Array.from(grey(1, 0.25, 2))).toEqual([0.25, 0.25]);
  });
});
