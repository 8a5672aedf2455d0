import type { NetworkTables } from '../connectome/tables.ts';
import type { Params } from '../network/params.ts';
import type { ProtocolName } from '../targets/types.ts';
import type { RunConfig } from './config.ts';
import { evaluateObjective, type ActiveTarget, type ObjectiveResult } from './objective.ts';
import { optimizerStep, type OptimizerState } from './optimizer.ts';
import type { ProtocolRunner } from './protocols.ts';
import { schedule } from './schedule.ts';
import { fromLatent, TRANSFORMS, type Latent } from './transforms.ts';

/** Everything that changes during training; a checkpoint stores exactly this. */
export interface TrainState {
  /** Updates done so far. */
  iteration: number;
  latent: Latent;
  optimizer: OptimizerState;
}

export interface LoopInput {
  config: RunConfig;
  tables: NetworkTables;
  runners: Record<ProtocolName, ProtocolRunner>;
  active: ActiveTarget[];
  /** Parameters at the start of training: fixed vectors and the prior's reference. */
  initialParams: Params;
  state: TrainState;
  /** Called after each evaluation, before the update, with the iteration it belongs to. */
  onEvaluation?: (iteration: number, result: ObjectiveResult, params: Params) => void;
  /** Called after each update; return to continue. */
  onUpdate?: (state: TrainState) => void;
}

/**
 * The training loop: evaluate every target on the current parameters, step the optimiser in the
 * latent space, keep time constants within bounds. Deterministic: no randomness after setup.
 */
export function trainLoop({
  config,
  tables,
  runners,
  active,
  initialParams,
  state,
  onEvaluation,
  onUpdate,
}: LoopInput): Params {
  const lrFactor = schedule(config.schedule);
  const [tauLo, tauHi] = [Math.log(config.constraints.tauMinS), Math.log(config.constraints.tauMaxS)];
  while (state.iteration < config.iterations) {
    const params = fromLatent(state.latent, initialParams);
    const result = evaluateObjective(active, runners, tables, params, initialParams);
    assertFinite(result, state.iteration);
    onEvaluation?.(state.iteration, result, params);
    const grad: Latent = {
      bias: result.grads.bias.map((g, i) => g * TRANSFORMS.bias.slope(state.latent.bias[i])),
      tauS: result.grads.tauS.map((g, i) => g * TRANSFORMS.tauS.slope(state.latent.tauS[i])),
      strength: result.grads.strength.map((g, i) => g * TRANSFORMS.strength.slope(state.latent.strength[i])),
    };
    optimizerStep(config.optimizer, state.optimizer, state.latent, grad, lrFactor(state.iteration));
    state.latent.tauS.forEach((z, i) => (state.latent.tauS[i] = Math.min(tauHi, Math.max(tauLo, z))));
    state.iteration += 1;
    onUpdate?.(state);
  }
  return fromLatent(state.latent, initialParams);
}

function assertFinite(result: ObjectiveResult, iteration: number): void {
  const bad = Object.entries(result.grads).find(([, g]) => g.some((x: number) => !Number.isFinite(x)));
  if (!Number.isFinite(result.total) || bad) {
    throw new Error(
      `training produced a non-finite ${bad ? `gradient for ${bad[0]}` : 'loss'} at iteration ${iteration}`,
    );
  }
}
