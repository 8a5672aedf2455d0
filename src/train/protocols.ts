import type { Connectome } from '../connectome/parse.ts';
import { buildTables, type NetworkTables } from '../connectome/tables.ts';
import { latticeValueAndGrad, type CentralLoss } from '../engine/grads/latticeGrad.ts';
import type { ParamGrads } from '../engine/grads/paramGradients.ts';
import { reducedValueAndGrad } from '../engine/grads/reducedGrad.ts';
import { buildReducedStructure } from '../engine/reduced/structure.ts';
import type { Params } from '../network/params.ts';
import { naturalisticMovies } from '../stimuli/naturalistic.ts';
import type { ProtocolData, ProtocolName } from '../targets/types.ts';
import type { RunConfig } from './config.ts';

/** A differentiable simulation: runs forward, hands its traces to `loss`, returns parameter gradients. */
export interface ProtocolRunner {
  name: ProtocolName;
  /** Which engine runs it, for logs and docs. */
  engine: string;
  run(params: Params, loss: (data: ProtocolData) => { value: number; grad: Float32Array }): ParamGrads;
}

const frames = (seconds: number, dt: number) => Math.round(seconds / dt);

/**
 * The training protocols, each on the cheapest engine that is exact for it: grey and full-field
 * flashes on the reduced engine (uniform stimuli), naturalistic movies on the lattice engine at a
 * small extent (parameters are shared across extents; the border is closer, see docs/training.md).
 */
export function createProtocols(
  connectome: Connectome,
  tables: NetworkTables,
  config: RunConfig['protocols'],
): Record<ProtocolName, ProtocolRunner> {
  const structure = buildReducedStructure(tables);
  const nTypes = tables.cellTypes.length;
  const reduced = (
    name: ProtocolName,
    dt: number,
    luminance: Float32Array,
    nSamples: number,
    onsetFrame: number,
    samples: Record<string, number>[],
  ): ProtocolRunner => ({
    name,
    engine: 'reduced',
    run(params, loss) {
      const nFrames = luminance.length / nSamples;
      const wrap: CentralLoss = (central) =>
        loss({ protocol: name, central, nSamples, nFrames, nTypes, dt, onsetFrame, samples });
      return reducedValueAndGrad({ tables, structure, params, luminance, nSamples, nFrames, dt }, wrap).grads;
    },
  });

  const grey = config.grey;
  const greyLuminance = new Float32Array(frames(grey.durationS, grey.dt)).fill(0.5);
  const fl = config.flashes;
  const [nPre, nFlash] = [frames(fl.tPreS, fl.dt), frames(fl.tFlashS, fl.dt)];
  const flashLuminance = new Float32Array(2 * (nPre + nFlash)).fill(0.5);
  [1, 0].forEach((intensity, b) =>
    flashLuminance.fill(intensity, b * (nPre + nFlash) + nPre, (b + 1) * (nPre + nFlash)),
  );

  const nat = config.naturalistic;
  let lattice: { tables: NetworkTables; stimulus: Float32Array; nFrames: number } | undefined;
  const naturalistic: ProtocolRunner = {
    name: 'naturalistic',
    engine: `lattice (extent ${nat.extent})`,
    run(params, loss) {
      // Built on first use: protocols no target reads cost nothing.
      lattice ??= (() => {
        const small = buildTables(connectome, { extent: nat.extent });
        const movies = naturalisticMovies({ ...nat, extent: nat.extent });
        return { tables: small, stimulus: movies.frames, nFrames: movies.nFrames };
      })();
      const { nFrames } = lattice;
      const onsetFrame = frames(nat.tPreS, nat.dt);
      const samples = Array.from({ length: nat.nMovies }, (_, movie) => ({ movie }));
      const input = { stimulus: lattice.stimulus, nSamples: nat.nMovies, nFrames, dt: nat.dt };
      const wrap: CentralLoss = (central) =>
        loss({
          protocol: 'naturalistic',
          central,
          nSamples: nat.nMovies,
          nFrames,
          nTypes,
          dt: nat.dt,
          onsetFrame,
          samples,
        });
      return latticeValueAndGrad(lattice.tables, params, input, wrap).grads;
    },
  };

  return {
    grey: reduced('grey', grey.dt, greyLuminance, 1, 0, [{}]),
    flashes: reduced('flashes', fl.dt, flashLuminance, 2, nPre, [{ intensity: 1 }, { intensity: 0 }]),
    naturalistic,
  };
}
