import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTargetGradient } from '../targets/gradcheck.ts';
import { prng } from '../util/random.ts';
import { activeTargets } from './activeTargets.ts';
import { loadConfig } from './config.ts';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples');

describe('custom targets from a run config', () => {
  it('loads the documented example target and its gradient checks out', async () => {
    const config = loadConfig(resolve(examples, 'custom-target.yaml'));
    const active = await activeTargets(config, examples);
    const custom = active.find((a) => a.label === 'greyLevel')!;
    expect(custom.options).toEqual({ weight: 1, level: 0.2 });
    const rng = prng(1);
    const [nFrames, nTypes] = [30, 4];
    const central = Float64Array.from({ length: nFrames * nTypes }, () => rng.normal());
    const data = {
      protocol: 'grey' as const,
      central,
      nSamples: 1,
      nFrames,
      nTypes,
      dt: 0.02,
      onsetFrame: 0,
      samples: [{}],
    };
    const context = {
      cellTypes: ['a', 'b', 'c', 'd'],
      inputTypes: ['a'],
      pairTargets: new Int32Array(0),
    } as never;
    expect(checkTargetGradient(custom.target, data, custom.options, context).maxRelativeError).toBeLessThan(
      1e-6,
    );
  });

  it('says what a custom module is missing', async () => {
    const config = loadConfig(resolve(examples, 'custom-target.yaml'));
    const broken = { ...config, custom: [{ module: '../src/targets/bands.ts', options: {} }] };
    await expect(activeTargets(broken, examples)).rejects.toThrow(
      /must export 'target' \(or default\) with name, protocol/,
    );
    const missing = { ...config, custom: [{ module: './nope.ts', options: {} }] };
    await expect(activeTargets(missing, examples)).rejects.toThrow(/cannot load custom target custom\[0\]/);
  });
});
