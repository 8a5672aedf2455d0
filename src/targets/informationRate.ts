import { z } from 'zod';
import type { NetworkTables } from '../connectome/tables.ts';
import { DEFAULT_INPUT_NOISE_STD, DEFAULT_INTRINSIC_NOISE_STD } from '../engine/noiseDefaults.ts';
import { findFixedPoint, fixedPointSystem } from '../engine/reduced/findFixedPoint.ts';
import { fixedPointVJP } from '../engine/reduced/fixedPointVJP.ts';
import { networkSpectraWithVJP } from '../engine/reduced/networkSpectraVJP.ts';
import { buildReducedStructure, type ReducedStructure } from '../engine/reduced/structure.ts';
import { spectralEfficiency, spectralEfficiencyCotangent } from './spectralEfficiency.ts';
import type { Target } from './types.ts';

/**
 * Defaults trade accuracy for speed (one evaluation per training step), measured on the default
 * network (docs/information-rate.md): k-grid [1, 2] and 33 frequencies change rates above 1 bit/s
 * by < 3e-4 relative to [4, 6] and 257; dt 1/50 is the training step (band 0–25 Hz).
 */
const schema = z
  .object({
    weight: z.number().min(0).default(1),
    /** Per-type weights w_t (default 1 for every type; 0 leaves a type out). */
    typeWeights: z.record(z.string(), z.number().min(0)).default({}),
    /** Divide each type's efficiency by its grey transmitter release relu(V*_t) + energyFloor. */
    perEnergy: z.boolean().default(false),
    /** a.u.; keeps the per-energy ratio finite for types resting at or below 0. */
    energyFloor: z.number().positive().default(0.05),
    /** Per-frame std of the full-field white luminance the rate is computed for. */
    contrast: z.number().positive().default(0.15),
    /** Time step of the linearised Euler map, s (f_max = 1/(2dt)). */
    dt: z.number().positive().default(0.02),
    /** 2^p + 1 frequencies from 0 to f_max. */
    nFreqs: z.number().int().min(3).default(33),
    kGrid: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([1, 2]),
    /** Noise levels, a.u./√Hz (docs/information-rate.md). */
    inputStd: z.number().min(0).default(DEFAULT_INPUT_NOISE_STD),
    intrinsicStd: z.number().min(0).default(DEFAULT_INTRINSIC_NOISE_STD),
    inputMode: z.enum(['independent', 'shared']).default('independent'),
  })
  .strict();

export type InformationRateOptions = z.infer<typeof schema>;

const structures = new WeakMap<NetworkTables, ReducedStructure>();
const structureOf = (tables: NetworkTables) => {
  let s = structures.get(tables);
  if (!s) structures.set(tables, (s = buildReducedStructure(tables)));
  return s;
};

export const informationRate: Target<InformationRateOptions> = {
  name: 'informationRate',
  description:
    'coding: maximise Σ_t w_t·R_t/f_max (optionally per grey release), R_t the linear-estimator rate of full-field noise at grey',
  protocol: 'params',
  readout: 'information rate, linear estimator (bit/s up to 1/(2dt))',
  schema,
  evaluate(_data, options, context) {
    const fail = (what: string) => new Error(`Error in informationRate: ${what}`);
    const { tables, params, cellTypes } = context;
    if (!tables) throw fail('expected the network tables in the target context (context.tables), got none');
    const structure = structureOf(tables);
    for (const name of Object.keys(options.typeWeights))
      if (!cellTypes.includes(name))
        throw fail(`unknown cell type '${name}' in typeWeights. Accepted: ${cellTypes.join(', ')}`);
    const w = Float64Array.from(cellTypes, (name) => options.typeWeights[name] ?? 1);
    const totalWeight = w.reduce((a, b) => a + b, 0);
    if (!(totalWeight > 0)) throw fail('typeWeights leave every type at weight 0');

    const start = Float64Array.from(structure.unitType, (t) => params.bias[t]);
    const fp = findFixedPoint(fixedPointSystem(structure, params, 0.5), start);
    if (!fp.converged)
      throw fail(`no grey fixed point found from the bias state (residual ${fp.residual.toExponential(2)})`);
    const release = Float64Array.from(structure.centralUnit, (u) => Math.max(fp.state[u], 0));
    const energy = release.map((r) => (options.perEnergy ? r + options.energyFloor : 1));
    const { dt, contrast } = options;
    const stimulusPsd = 2 * contrast * contrast * dt; // white luminance noise, one value per step
    const spectraOptions = {
      dt,
      nFreqs: options.nFreqs,
      kGrid: options.kGrid,
      noise: { inputStd: options.inputStd, intrinsicStd: options.intrinsicStd, inputMode: options.inputMode },
      tol: 1e-7,
      maxLags: 1000,
    };
    // value = −Σ_t w_t·ρ_t/e_t / Σ_t w_t
    const coefficient = w.map((wt, t) => -wt / (energy[t] * totalWeight));
    let efficiency: Float64Array = new Float64Array(0);
    const { spectra, grads } = networkSpectraWithVJP(
      tables,
      structure,
      params,
      fp.state,
      spectraOptions,
      (s) => {
        efficiency = spectralEfficiency(s, stimulusPsd);
        return spectralEfficiencyCotangent(s, stimulusPsd, coefficient);
      },
    );
    const perTypeLoss = efficiency.map((rho, t) => coefficient[t] * rho);
    if (options.perEnergy) {
      // ∂value/∂V*_t = −coefficient_t·ρ_t/e_t where V*_t > 0; V* moves with biases and strengths.
      const gState = new Float64Array(structure.nUnits);
      structure.centralUnit.forEach((u, t) => {
        if (fp.state[u] > 0) gState[u] -= (coefficient[t] * efficiency[t]) / energy[t];
      });
      const moved = fixedPointVJP(structure, params, fp.state, gState);
      moved.bias.forEach((g, t) => (grads.bias[t] += g));
      moved.strength.forEach((g, p) => (grads.strength[p] += g));
    }
    const fMax = spectra.freqs[spectra.freqs.length - 1];
    return {
      value: perTypeLoss.reduce((a, b) => a + b, 0),
      perType: efficiency.map((rho) => rho * fMax),
      perTypeLoss,
      dParams: grads,
    };
  },
};
