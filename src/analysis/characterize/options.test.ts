import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOLS, resolveCharacterizeOptions } from './options.ts';

describe('resolveCharacterizeOptions', () => {
  it('runs grey, flashes, all six edge speeds, 32 movies and the information rate by default', () => {
    const o = resolveCharacterizeOptions();
    expect(o.stimuli).toEqual([...DEFAULT_PROTOCOLS]);
    expect(o.edgeSpeeds).toEqual([2.4, 4.8, 9.7, 13, 19, 25]);
    expect(o.nMovies).toBe(32);
    expect([o.greyDt, o.flashDt, o.edgeDt, o.naturalDt]).toEqual([1 / 50, 1 / 200, 1 / 200, 1 / 100]);
  });

  it('quick mode runs speed-19 edges and 8 movies unless told otherwise', () => {
    expect(resolveCharacterizeOptions({ quick: true })).toMatchObject({ edgeSpeeds: [19], nMovies: 8 });
    expect(resolveCharacterizeOptions({ quick: true, nMovies: 3 }).nMovies).toBe(3);
  });

  it('puts the protocols in run order whatever order they are given in', () => {
    expect(resolveCharacterizeOptions({ stimuli: ['naturalistic', 'grey'] }).stimuli).toEqual([
      'grey',
      'naturalistic',
    ]);
  });

  it('names an unknown stimulus and lists the accepted ones', () => {
    expect(() => resolveCharacterizeOptions({ stimuli: ['grey', 'flash' as never] })).toThrow(
      "Error in characterize: unknown stimulus 'flash'. Accepted: grey, flashes, edges, gratings, naturalistic, chirp, noise, inforate",
    );
    expect(() => resolveCharacterizeOptions({ stimuli: [] })).toThrow(/expected at least one stimulus/);
  });

  it('rejects unknown option keys and bad numbers by name', () => {
    expect(() => resolveCharacterizeOptions({ quik: true } as never)).toThrow(
      /unknown option 'quik'. Accepted: stimuli, quick/,
    );
    expect(() => resolveCharacterizeOptions({ flashDt: 0 })).toThrow(
      /flashDt must be a positive number, got 0/,
    );
    expect(() => resolveCharacterizeOptions({ batchSize: 1.5 })).toThrow(
      /batchSize must be a positive integer, got 1.5/,
    );
    expect(() => resolveCharacterizeOptions({ nMovies: 0 })).toThrow(
      /nMovies must be a positive integer, got 0/,
    );
    expect(() => resolveCharacterizeOptions({ seed: -1 })).toThrow(/seed must be an integer ≥ 0, got -1/);
    expect(() => resolveCharacterizeOptions({ edgeSpeeds: [19, -2] })).toThrow(/edgeSpeeds must be positive/);
  });
});
