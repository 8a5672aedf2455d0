import type { NetworkTables } from '../connectome/tables.ts';
import type { ParamGrads } from '../engine/grads/paramGradients.ts';
import type { Params } from '../network/params.ts';
import type { ProtocolData, ProtocolName, Target, TargetContext, TargetEval } from '../targets/types.ts';
import type { ProtocolRunner } from './protocols.ts';

/** A target with its resolved options, as the config asks for it. */
export interface ActiveTarget {
  label: string;
  target: Target<{ weight: number }>;
  options: { weight: number };
}

export interface ObjectiveResult {
  /** Σ weight · value. */
  total: number;
  grads: ParamGrads;
  evals: Record<string, TargetEval>;
}

export function targetContext(tables: NetworkTables, params: Params, initialParams: Params): TargetContext {
  return {
    cellTypes: tables.cellTypes,
    inputTypes: tables.inputTypes,
    pairTargets: Int32Array.from(tables.pairs, (p) => p.target),
    params,
    initialParams,
    tables,
  };
}

/** Runs every protocol some target reads once, sums the weighted targets and their gradients. */
export function evaluateObjective(
  active: ActiveTarget[],
  runners: Record<ProtocolName, ProtocolRunner>,
  tables: NetworkTables,
  params: Params,
  initialParams: Params,
): ObjectiveResult {
  const context = targetContext(tables, params, initialParams);
  const grads: ParamGrads = {
    bias: new Float64Array(params.bias.length),
    tauS: new Float64Array(params.tauS.length),
    strength: new Float64Array(params.strength.length),
  };
  const add = (g: Partial<ParamGrads>, w: number) => {
    for (const key of ['bias', 'tauS', 'strength'] as const)
      g[key]?.forEach((x, i) => (grads[key][i] += w * x));
  };
  const evals: Record<string, TargetEval> = {};
  let total = 0;
  const protocols = [...new Set(active.map((a) => a.target.protocol))];
  for (const protocol of protocols) {
    const here = active.filter((a) => a.target.protocol === protocol);
    if (protocol === 'params') {
      for (const a of here) {
        const e = a.target.evaluate(undefined, a.options, context);
        evals[a.label] = e;
        total += a.options.weight * e.value;
        if (e.dParams) add(e.dParams, a.options.weight);
      }
      continue;
    }
    const loss = (data: ProtocolData) => {
      const grad = new Float32Array(data.central.length);
      let value = 0;
      for (const a of here) {
        const e = a.target.evaluate(data, a.options, context);
        evals[a.label] = e;
        value += a.options.weight * e.value;
        e.dCentral?.forEach((g, i) => (grad[i] += a.options.weight * g));
        if (e.dParams) add(e.dParams, a.options.weight);
      }
      return { value, grad };
    };
    const g = runners[protocol].run(params, loss);
    add(g, 1);
    total += here.reduce((s, a) => s + a.options.weight * evals[a.label].value, 0);
  }
  return { total, grads, evals };
}
