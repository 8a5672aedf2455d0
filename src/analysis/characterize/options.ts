import { GRATING_DEFAULTS } from '../../stimuli/gratings.ts';
import { MOVING_EDGE_DEFAULTS } from '../../stimuli/movingEdge.ts';
import type { ProgressEvent } from './types.ts';

/** The protocols `characterize` can run, in the order it runs them. */
export const PROTOCOLS = [
  'grey',
  'flashes',
  'edges',
  'gratings',
  'naturalistic',
  'chirp',
  'noise',
  'inforate',
] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];

/** Run when no list is given: gratings, chirp and noise add minutes and fill no summary column. */
export const DEFAULT_PROTOCOLS: readonly ProtocolName[] = [
  'grey',
  'flashes',
  'edges',
  'naturalistic',
  'inforate',
];

/** Options of `characterize`; every field has a default (DESIGN "Definitions and defaults"). */
export interface CharacterizeOptions {
  /** Protocols to run. @default grey, flashes, edges, naturalistic */
  stimuli: ProtocolName[];
  /** Speed-19 edges only and 8 naturalistic movies (the demo's setting). @default false */
  quick: boolean;
  /** Seed of the procedural naturalistic movies and the white noise. @default 0 */
  seed: number;
  /** Procedural movies; with `sintelDir`, the first nMovies Sintel samples. @default 32 (8 with quick) */
  nMovies?: number;
  /** MPI-Sintel folder: use flyvis's AugmentedSintel set instead of procedural movies. */
  sintelDir?: string;
  /** Grey screen: seconds and time step of the lattice run from the bias state. @default 5 s at 1/50 */
  greyDurationS: number;
  greyDt: number;
  /** Grey seconds (steady state from the bias state) before flashes, edges, gratings, chirp and noise. @default 1 */
  tGreyS: number;
  /** Flashes and edges time step. @default 1/200 (flyvis) */
  flashDt: number;
  edgeDt: number;
  /** Edge speeds in columns/s. @default flyvis's 6 speeds ([19] with quick) */
  edgeSpeeds?: number[];
  /** Seconds an edge is held after it has crossed; only the array length depends on it. @default 1 (flyvis) */
  edgeTPostS: number;
  /** Grating spatial periods in columns (one column = 5.8°). @default [4, 8] */
  gratingPeriods: number[];
  /** Grating temporal frequencies in Hz. @default [1, 2, 4] */
  gratingFrequenciesHz: number[];
  /** Naturalistic, gratings, chirp and noise time step. @default 1/100 */
  naturalDt: number;
  /** Samples simulated together (the engine spreads a batch over its threads); results do not depend on it. @default 4 */
  batchSize: number;
  /** Called as protocols start, advance (per finished job) and end. */
  onProgress?: (event: ProgressEvent) => void;
}

export const CHARACTERIZE_DEFAULTS: CharacterizeOptions = {
  stimuli: [...DEFAULT_PROTOCOLS],
  quick: false,
  seed: 0,
  nMovies: undefined,
  sintelDir: undefined,
  greyDurationS: 5,
  greyDt: 1 / 50,
  tGreyS: 1,
  flashDt: 1 / 200,
  edgeDt: 1 / 200,
  edgeSpeeds: undefined,
  edgeTPostS: 1,
  gratingPeriods: [...GRATING_DEFAULTS.periods],
  gratingFrequenciesHz: [...GRATING_DEFAULTS.temporalFrequencies],
  naturalDt: 1 / 100,
  batchSize: 4,
  onProgress: undefined,
};

/** Options with the quick-dependent defaults filled in. */
export type ResolvedCharacterizeOptions = Required<Omit<CharacterizeOptions, 'sintelDir' | 'onProgress'>> &
  Pick<CharacterizeOptions, 'sintelDir'>;

/** Fills defaults, rejects unknown keys and protocol names by name, and checks the numbers. */
export function resolveCharacterizeOptions(
  options: Partial<CharacterizeOptions> = {},
): ResolvedCharacterizeOptions {
  const accepted = Object.keys(CHARACTERIZE_DEFAULTS);
  for (const key of Object.keys(options)) {
    if (!accepted.includes(key)) {
      throw new Error(`Error in characterize: unknown option '${key}'. Accepted: ${accepted.join(', ')}`);
    }
  }
  const o = { ...CHARACTERIZE_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  }
  for (const name of o.stimuli) {
    if (!PROTOCOLS.includes(name)) {
      throw new Error(`Error in characterize: unknown stimulus '${name}'. Accepted: ${PROTOCOLS.join(', ')}`);
    }
  }
  if (o.stimuli.length === 0) {
    throw new Error(
      `Error in characterize: expected at least one stimulus, got none. Accepted: ${PROTOCOLS.join(', ')}`,
    );
  }
  const positive = {
    greyDurationS: o.greyDurationS,
    greyDt: o.greyDt,
    flashDt: o.flashDt,
    edgeDt: o.edgeDt,
    naturalDt: o.naturalDt,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!(value > 0 && Number.isFinite(value))) {
      throw new Error(`Error in characterize: ${name} must be a positive number, got ${value}`);
    }
  }
  if (!(o.tGreyS >= 0) || !(o.edgeTPostS >= 0)) {
    throw new Error(
      `Error in characterize: tGreyS and edgeTPostS must be ≥ 0, got ${o.tGreyS} and ${o.edgeTPostS}`,
    );
  }
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(`Error in characterize: batchSize must be a positive integer, got ${o.batchSize}`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0) {
    throw new Error(`Error in characterize: seed must be an integer ≥ 0, got ${o.seed}`);
  }
  const nMovies = o.nMovies ?? (o.quick ? 8 : 32);
  if (!Number.isInteger(nMovies) || nMovies < 1) {
    throw new Error(`Error in characterize: nMovies must be a positive integer, got ${nMovies}`);
  }
  const edgeSpeeds = o.edgeSpeeds ?? (o.quick ? [19] : [...MOVING_EDGE_DEFAULTS.speeds]);
  if (edgeSpeeds.length === 0 || !edgeSpeeds.every((s) => s > 0)) {
    throw new Error(`Error in characterize: edgeSpeeds must be positive numbers, got [${edgeSpeeds}]`);
  }
  for (const [name, values] of Object.entries({
    gratingPeriods: o.gratingPeriods,
    gratingFrequenciesHz: o.gratingFrequenciesHz,
  })) {
    if (values.length === 0 || !values.every((x) => x > 0 && Number.isFinite(x))) {
      throw new Error(`Error in characterize: ${name} must be positive numbers, got [${values}]`);
    }
  }
  const stimuli = PROTOCOLS.filter((p) => o.stimuli.includes(p));
  const { onProgress: _, ...plain } = o;
  return { ...plain, stimuli, nMovies, edgeSpeeds };
}
