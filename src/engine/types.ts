/**
 * The engine boundary. Stimuli are luminance per frame and hex column (canonical order, 0 = black,
 * 1 = white, 0.5 = grey), added to the drive of R1–R8 of that column (MODEL_SPEC §3.2).
 */

/** Additive white-noise drive (DESIGN "Information rate: the details"): η ~ N(0, σ²/dt) per node and step. */
export interface NoiseSpec {
  /** Spectral level σ of the photoreceptor (input) noise, a.u./√Hz. @default 0 */
  inputStd?: number;
  /** Spectral level σ of the intrinsic noise of every node, a.u./√Hz. @default 0 */
  intrinsicStd?: number;
  /** One input-noise value per column shared by R1–R8 ('shared') or independent per photoreceptor node. @default 'independent' */
  inputMode?: 'independent' | 'shared';
  /** @default 0 */
  seed?: number;
}

export interface SimulateInput {
  /** nSamples × nFrames × nHexals luminance values, sample-major. */
  stimulus: Float32Array;
  nSamples: number;
  nFrames: number;
  /** Time step in seconds; one Euler step per frame. */
  dt: number;
  /** Initial voltages: nSamples × nNodes, or nNodes shared by all samples. Default: the bias state. */
  initialState?: Float32Array;
  /** What to record besides the central column: every node, or every node of the named types. */
  record?: 'central' | 'full' | { types: string[] };
  noise?: NoiseSpec;
  /** A voltage beyond ±bound (or non-finite) stops the run with a DivergenceError. @default 1e4 */
  divergenceBound?: number;
}

export interface SimulateResult {
  /** nSamples × nFrames × nTypes voltages of each type's (0, 0) column; frame k is the state after input frame k. */
  central: Float32Array;
  /** nSamples × nFrames × nRecordedNodes, when `record` asks for more than the central column. */
  recorded?: Float32Array;
  /** Node ids of `recorded`'s last dimension. */
  recordedNodes?: Int32Array;
  /** nSamples × nNodes voltages after the last frame. */
  finalState: Float32Array;
}
