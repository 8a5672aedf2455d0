import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_NOISE_STD, DEFAULT_INTRINSIC_NOISE_STD } from '../../engine/noiseDefaults.ts';
import { readNpy } from '../../io/files.ts';
import { referencePath } from '../../testing/reference.ts';
import type { InforateFlags } from '../commands/inforate.ts';
import { runInforate } from './inforate.ts';

const flags = (over: Partial<InforateFlags>): InforateFlags => ({
  connectome: referencePath('flyvis_data'),
  estimator: 'both',
  stimulus: 'noise',
  repeats: 2,
  contrast: 0.15,
  seed: 0,
  dt: 0.01,
  frames: 256,
  inputNoise: DEFAULT_INPUT_NOISE_STD,
  intrinsicNoise: DEFAULT_INTRINSIC_NOISE_STD,
  inputMode: 'independent',
  extent: 3,
  out: mkdtempSync(join(tmpdir(), 'flyaux-inforate-')),
  ...over,
});

describe('flyaux inforate', () => {
  it('writes inforate.csv, both estimators’ spectra with sidecars, report.html and inforate.json with the noise levels', async () => {
    const f = flags({});
    await runInforate(f);
    const csv = readFileSync(join(f.out, 'inforate.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'cell_type,rate_simulation_bits_per_s,rate_linear_bits_per_s,f_max_hz,clipped_bins_simulation',
    );
    expect(csv).toHaveLength(66);
    const r1 = csv.find((line) => line.startsWith('R1,'))!.split(',');
    expect(Number(r1[2])).toBeCloseTo(200, 2);
    expect(Number(r1[3])).toBe(50);
    const linear = readNpy(join(f.out, 'spectra_linear.npy'));
    expect(linear.shape).toEqual([5, 65, 129]);
    const side = JSON.parse(readFileSync(join(f.out, 'spectra_linear.json'), 'utf8'));
    expect(side.dims).toEqual(['quantity', 'cell_type', 'frequency']);
    expect(side.coords.quantity).toEqual(['signal', 'noise', 'snr', 'input_noise', 'intrinsic_noise']);
    expect(readNpy(join(f.out, 'spectra_simulation.npy')).shape).toEqual([3, 65, 65]);
    const meta = JSON.parse(readFileSync(join(f.out, 'inforate.json'), 'utf8'));
    expect(meta.noise).toMatchObject({
      input_std: DEFAULT_INPUT_NOISE_STD,
      intrinsic_std: DEFAULT_INTRINSIC_NOISE_STD,
    });
    expect(meta).toMatchObject({
      estimator: 'both',
      f_max_hz: 50,
      linear: { status: 'stable' },
      simulation: { repeats: 2 },
    });
    const html = readFileSync(join(f.out, 'report.html'), 'utf8');
    expect(html).toContain('Information rate per cell type, linear estimator');
    expect(html).toContain('Linear and simulation estimators side by side');
  });

  it('runs the simulation estimator on naturalistic movies', async () => {
    const f = flags({ estimator: 'simulation', stimulus: 'naturalistic', frames: 128 });
    await runInforate(f);
    const row = readFileSync(join(f.out, 'inforate.csv'), 'utf8').split('\n')[1].split(',');
    expect(row[2]).toBe(''); // no linear rate for movies
    expect(Number(row[1])).toBeGreaterThan(0);
  });

  it('rejects bad input with a clear error and leaves no inforate.json behind', async () => {
    const cases: [Partial<InforateFlags>, RegExp][] = [
      [{ estimator: 'exact' }, /unknown estimator 'exact'. Accepted: linear, simulation, both/],
      [{ repeats: 1 }, /--repeats must be an integer ≥ 2/],
      [{ inputNoise: -0.001 }, /--input-noise must be ≥ 0, got -0.001/],
      [{ intrinsicNoise: -1 }, /--intrinsic-noise must be ≥ 0/],
      [{ inputNoise: 0, intrinsicNoise: 0 }, /both 0/],
      [{ stimulus: 'naturalistic', estimator: 'linear' }, /needs --estimator simulation/],
      [{ stimulus: 'movie' }, /unknown stimulus 'movie'/],
      [{ contrast: 0 }, /--contrast must be > 0/],
      [{ inputMode: 'pooled' }, /unknown --input-mode 'pooled'/],
    ];
    for (const [over, message] of cases) {
      const f = flags(over);
      await expect(runInforate(f)).rejects.toThrow(message);
      expect(existsSync(join(f.out, 'inforate.json'))).toBe(false);
    }
  });
});
