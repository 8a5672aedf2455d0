// Characterisation of every cell type: protocols, options and results; one line per export.
export { characterize } from './characterize.ts';
export {
  CHARACTERIZE_DEFAULTS,
  DEFAULT_PROTOCOLS,
  PROTOCOLS,
  resolveCharacterizeOptions,
  type CharacterizeOptions,
  type ProtocolName,
  type ResolvedCharacterizeOptions,
} from './options.ts';
export { FRI_RADIUS } from './flashProtocol.ts';
export { gratingDirectionTuning, gratingF1 } from './gratingTuning.ts';
export { runJob, type SimulationJob } from './runJob.ts';
export type { FrequencyResponse } from './fullFieldProtocols.ts';
export type {
  Characterization,
  EdgeResult,
  ExampleFrame,
  FlashResult,
  GratingResult,
  GreyResult,
  InformationRateResult,
  NaturalResult,
  ProgressEvent,
  ProtocolTiming,
} from './types.ts';
export { heldOutChecks, type HeldOutChecks } from './heldOutChecks.ts';
