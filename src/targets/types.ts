import type { z } from 'zod';
import type { NetworkTables } from '../connectome/tables.ts';
import type { Params } from '../network/params.ts';
import type { ParamGrads } from '../engine/grads/paramGradients.ts';

/** The simulations targets read; each runs once per training step and is shared by its targets. */
export type ProtocolName = 'grey' | 'flashes' | 'naturalistic';

/** Central traces of one protocol run: nSamples × nFrames × nTypes, frame k = state after input frame k. */
export interface ProtocolData {
  protocol: ProtocolName;
  /** Float64 is accepted so gradients can be checked by finite differences. */
  central: Float32Array | Float64Array;
  nSamples: number;
  nFrames: number;
  nTypes: number;
  dt: number;
  /** First frame of the stimulus after the grey period (0 for grey). */
  onsetFrame: number;
  /** Per-sample labels, e.g. flash intensity. */
  samples: Record<string, number>[];
}

export interface TargetContext {
  cellTypes: string[];
  /** The photoreceptor types that receive the stimulus (R1–R8). */
  inputTypes: string[];
  /** Target cell-type index of each pair (strength parameter). */
  pairTargets: Int32Array;
  params: Params;
  /** Parameters at the start of training (for priors). */
  initialParams: Params;
  /** The network tables, for targets that linearise the network themselves (stability). */
  tables?: NetworkTables;
}

export interface TargetEval {
  /** Unweighted value; training minimises weight · value. */
  value: number;
  /** Per-cell-type readout (NaN where the target does not apply). */
  perType: Float64Array;
  /** 1 where the type's readout is inside its band (targets with bands). */
  inBand?: Uint8Array;
  /** The band of each type's readout, where the target has one (for reports). */
  bands?: [number, number][];
  /** Target-specific scalars for logs and reports (e.g. stability's spectral radius and how its state was found). */
  summary?: Record<string, number | string>;
  /** Per-type contribution to `value`, for reports. */
  perTypeLoss?: Float64Array;
  /** dvalue/dcentral, same layout as ProtocolData.central. */
  dCentral?: Float32Array;
  /** dvalue/dparams, for targets on the parameters themselves. */
  dParams?: Partial<ParamGrads>;
}

/**
 * An auxiliary target: what it controls, the simulation it reads, its options (with a weight)
 * and its value with gradient. Targets never see the literature tables of the held-out checks.
 */
export interface Target<O extends { weight: number } = { weight: number }> {
  name: string;
  /** One line: what the target controls and how. */
  description: string;
  /** Protocol it reads, or 'params' for targets on the parameters only. */
  protocol: ProtocolName | 'params';
  /** Label of the per-type readout, with units. */
  readout: string;
  schema: z.ZodType<O>;
  evaluate(data: ProtocolData | undefined, options: O, context: TargetContext): TargetEval;
}
