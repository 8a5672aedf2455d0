import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connectome } from '../connectome/parse.ts';
import type { NetworkTables } from '../connectome/tables.ts';
import { DivergenceError } from '../engine/divergence.ts';
import { NoDecayError } from '../engine/reduced/impulseRows.ts';
import { exportNpz, saveParams } from '../network/paramsFile.ts';
import type { Params } from '../network/params.ts';
import { writeJson } from '../io/files.ts';
import { activeTargets } from './activeTargets.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import type { RunConfig } from './config.ts';
import { trainLoop, type TrainState } from './loop.ts';
import { evaluateObjective, type ActiveTarget, type ObjectiveResult } from './objective.ts';
import { initOptimizer } from './optimizer.ts';
import { createProtocols } from './protocols.ts';
import { fromLatent, toLatent } from './transforms.ts';

export interface TrainRunInput {
  config: RunConfig;
  out: string;
  connectome: Connectome;
  tables: NetworkTables;
  initialParams: Params;
  paramsSource: string;
  resume?: boolean;
  /** Folder that relative custom-target paths are resolved against. */
  configDir?: string;
  log?: (line: string) => void;
  onProgress?: (iteration: number, total: number, result: ObjectiveResult) => void;
}

export interface TrainRunResult {
  params: Params;
  before: ObjectiveResult;
  after: ObjectiveResult;
  active: ActiveTarget[];
}

/**
 * A training run in a folder: config.json (resolved), metrics.jsonl (one line per evaluation),
 * checkpoint.json (atomic, every `checkpointEvery` updates), and at the end params_trained.json,
 * params_trained.npz (flyvis order) and evaluation_{before,after}.json. `resume` continues from
 * the checkpoint and reproduces an uninterrupted run exactly (the loop is deterministic).
 */
export async function runTraining(input: TrainRunInput): Promise<TrainRunResult> {
  const { out, tables, initialParams } = input;
  const files = {
    config: join(out, 'config.json'),
    metrics: join(out, 'metrics.jsonl'),
    checkpoint: join(out, 'checkpoint.json'),
  };
  let config = input.config;
  let state: TrainState;
  // Targets are resolved first: an unknown name or option fails before the run folder is touched.
  let active = await activeTargets(config, input.configDir);
  if (input.resume) {
    if (!existsSync(files.config)) throw new Error(`cannot resume: ${out} has no config.json`);
    const saved = JSON.parse(readFileSync(files.config, 'utf8'));
    if (JSON.stringify(withoutDerived(saved.config)) !== JSON.stringify(withoutDerived(config))) {
      throw new Error(`cannot resume: the config differs from the one in ${files.config}`);
    }
    config = saved.config;
    active = await activeTargets(config, input.configDir); // with the values the run fixed (σ*)
    state = loadCheckpoint(files.checkpoint);
    keepMetricsBefore(files.metrics, state.iteration);
    input.log?.(`resuming ${out} at iteration ${state.iteration}`);
  } else {
    if (existsSync(files.checkpoint)) {
      throw new Error(
        `${out} already holds a training run; use --resume to continue it or choose another --out`,
      );
    }
    mkdirSync(out, { recursive: true });
    writeFileSync(files.metrics, '');
    const latent = toLatent(initialParams);
    state = { iteration: 0, latent, optimizer: initOptimizer(latent) };
  }
  const runners = createProtocols(input.connectome, tables, config.protocols);
  const saveConfig = () => writeJson(files.config, { config, params_source: input.paramsSource });
  saveConfig();
  let before: ObjectiveResult | undefined;
  const started = performance.now();
  let lastGood = structuredClone(state);
  try {
    const params = trainLoop({
      config,
      tables,
      runners,
      active,
      initialParams,
      state,
      onEvaluation(iteration, result) {
        if (iteration === 0) {
          before = result;
          config = fixScaleReference(config, active, result, tables);
          saveConfig();
        }
        appendMetrics(files.metrics, iteration, result, active, (performance.now() - started) / 1000);
        input.onProgress?.(iteration, config.iterations, result);
      },
      onUpdate(s) {
        if (s.iteration % config.checkpointEvery === 0 || s.iteration === config.iterations) {
          saveCheckpoint(files.checkpoint, s);
          lastGood = structuredClone(s);
        }
      },
    });
    const after = evaluateObjective(active, runners, tables, params, initialParams);
    appendMetrics(files.metrics, config.iterations, after, active, (performance.now() - started) / 1000);
    before ??= evaluateObjective(active, runners, tables, initialParams, initialParams);
    saveParams(join(out, 'params_trained.json'), tables, params, { trained_from: input.paramsSource });
    exportNpz(join(out, 'params_trained.npz'), params);
    writeJson(join(out, 'evaluation_before.json'), evaluationJson(before, active, tables));
    writeJson(join(out, 'evaluation_after.json'), evaluationJson(after, active, tables));
    return { params, before, after, active };
  } catch (e) {
    // A run that diverges, goes non-finite or loses the stability its linear analyses need keeps its last good state.
    const unstable = e instanceof DivergenceError || e instanceof NoDecayError;
    if (!unstable && !(e instanceof Error && /non-finite/.test(e.message))) throw e;
    saveCheckpoint(files.checkpoint, lastGood);
    saveParams(join(out, 'params_last_good.json'), tables, fromLatent(lastGood.latent, initialParams), {
      iteration: lastGood.iteration,
    });
    throw new Error(
      `${(e as Error).message}; training stopped. The last good state (iteration ${lastGood.iteration}) is kept in ` +
        `${files.checkpoint} and params_last_good.json; lower the learning rates and resume, or start again.`,
    );
  }
}

/** Fixes scaleAlignment's σ* from the initial network (so the objective does not move with training). */
function fixScaleReference(
  config: RunConfig,
  active: ActiveTarget[],
  result: ObjectiveResult,
  tables: NetworkTables,
): RunConfig {
  const a = active.find((x) => x.target.name === 'scaleAlignment');
  if (!a || (a.options as { referenceStd?: number }).referenceStd !== undefined) return config;
  const perType = result.evals[a.label].perType;
  const inputs = tables.inputTypes.map((n) => perType[tables.cellTypes.indexOf(n)]);
  const referenceStd = inputs.reduce((s, x) => s + x, 0) / inputs.length;
  (a.options as { referenceStd?: number }).referenceStd = referenceStd;
  return {
    ...config,
    targets: { ...config.targets, [a.label]: { ...config.targets[a.label], referenceStd } },
  };
}

/** The config without values the run derives itself (for the resume check). */
function withoutDerived(config: RunConfig): RunConfig {
  const targets = Object.fromEntries(
    Object.entries(config.targets).map(([k, v]) => {
      const { referenceStd: _, ...rest } = v as Record<string, unknown>;
      return [k, k === 'scaleAlignment' ? rest : v];
    }),
  );
  return { ...config, targets };
}

function appendMetrics(
  path: string,
  iteration: number,
  r: ObjectiveResult,
  active: ActiveTarget[],
  seconds: number,
) {
  const targets = Object.fromEntries(active.map((a) => [a.label, r.evals[a.label].value]));
  appendFileSync(
    path,
    JSON.stringify({ iteration, total: r.total, targets, seconds: +seconds.toFixed(3) }) + '\n',
  );
}

function keepMetricsBefore(path: string, iteration: number) {
  if (!existsSync(path)) return;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && JSON.parse(l).iteration < iteration);
  writeFileSync(path, lines.map((l) => l + '\n').join(''));
}

export type EvaluationJson = ReturnType<typeof evaluationJson>;

/** Per target: value and per-type readouts with band membership, as JSON. */
export function evaluationJson(r: ObjectiveResult, active: ActiveTarget[], tables: NetworkTables) {
  return {
    total: r.total,
    targets: Object.fromEntries(
      active.map((a) => {
        const e = r.evals[a.label];
        return [
          a.label,
          {
            weight: a.options.weight,
            value: e.value,
            readout: a.target.readout,
            protocol: a.target.protocol,
            per_type: Object.fromEntries(
              tables.cellTypes.map((t, i) => [
                t,
                {
                  value: finite(e.perType[i]),
                  in_band: e.inBand ? e.inBand[i] === 1 : null,
                  band: e.bands?.[i] ?? null,
                },
              ]),
            ),
            in_band: e.inBand ? e.inBand.reduce((s, x) => s + x, 0) : null,
            ...(e.summary ? { summary: e.summary } : {}),
          },
        ];
      }),
    ),
  };
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
