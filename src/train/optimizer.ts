import type { FreeParamName } from '../network/params.ts';
import type { Latent } from './transforms.ts';

export interface OptimizerConfig {
  kind: 'adam' | 'sgd';
  /** Learning rate per parameter kind, in the latent space (a.u. for bias, log units otherwise). */
  lr: Record<FreeParamName, number>;
  beta1: number;
  beta2: number;
  eps: number;
}

/** Adam moments and step count; plain arrays so a checkpoint can store them exactly. */
export interface OptimizerState {
  step: number;
  m: Latent;
  v: Latent;
}

const NAMES: FreeParamName[] = ['bias', 'tauS', 'strength'];

export function initOptimizer(latent: Latent): OptimizerState {
  const zeros = () => ({
    bias: new Float64Array(latent.bias.length),
    tauS: new Float64Array(latent.tauS.length),
    strength: new Float64Array(latent.strength.length),
  });
  return { step: 0, m: zeros(), v: zeros() };
}

/** One update of `latent` in place with gradient `grad` (latent space) and learning-rate factor `scale`. */
export function optimizerStep(
  config: OptimizerConfig,
  state: OptimizerState,
  latent: Latent,
  grad: Latent,
  scale: number,
): void {
  state.step += 1;
  const { beta1, beta2, eps } = config;
  const c1 = 1 - beta1 ** state.step;
  const c2 = 1 - beta2 ** state.step;
  for (const name of NAMES) {
    const lr = config.lr[name] * scale;
    const z = latent[name];
    const g = grad[name];
    if (config.kind === 'sgd') {
      for (let i = 0; i < z.length; i++) z[i] -= lr * g[i];
      continue;
    }
    const m = state.m[name];
    const v = state.v[name];
    for (let i = 0; i < z.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      z[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
}
