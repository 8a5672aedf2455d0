import { coarseDynamics } from './coarseDynamics.ts';
import { connectomePrior } from './connectomePrior.ts';
import { energy } from './energy.ts';
import { informationRate } from './informationRate.ts';
import { operatingPoint } from './operatingPoint.ts';
import { responsiveness } from './responsiveness.ts';
import { scaleAlignment } from './scaleAlignment.ts';
import { settling } from './settling.ts';
import { stability } from './stability.ts';
import type { Target } from './types.ts';

/** The built-in targets by name; one line each. */
export const TARGETS: Record<string, Target<{ weight: number }>> = {
  operatingPoint: operatingPoint as Target<{ weight: number }>,
  settling: settling as Target<{ weight: number }>,
  scaleAlignment: scaleAlignment as Target<{ weight: number }>,
  responsiveness: responsiveness as Target<{ weight: number }>,
  coarseDynamics: coarseDynamics as Target<{ weight: number }>,
  energy: energy as Target<{ weight: number }>,
  connectomePrior: connectomePrior as Target<{ weight: number }>,
  stability: stability as Target<{ weight: number }>,
  informationRate: informationRate as Target<{ weight: number }>,
};

/** Looks up a built-in target; an unknown name lists the accepted ones (no silent fallback). */
export function builtinTarget(name: string): Target<{ weight: number }> {
  const target = TARGETS[name];
  if (!target) throw new Error(`Unknown target '${name}'. Accepted: ${Object.keys(TARGETS).join(', ')}`);
  return target;
}

export type { Target, TargetContext, TargetEval, ProtocolData, ProtocolName } from './types.ts';
