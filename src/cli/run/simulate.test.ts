import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../io/files.ts';
import { formatNpy } from '../../io/npy.ts';
import { referencePath } from '../../testing/reference.ts';
import { runSimulate } from './simulate.ts';
import type { SimulateFlags } from '../commands/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'flyaux-simulate-'));
const npy = (name: string, data: Float32Array, shape: number[]) => {
  const path = join(dir, name);
  writeFileSync(path, formatNpy(data, shape));
  return path;
};
const flags = (over: Partial<SimulateFlags>): SimulateFlags => ({
  connectome: referencePath('flyvis_data'),
  stimulus: '',
  dt: 0.02,
  tPre: 0.2,
  engine: 'lattice',
  out: mkdtempSync(join(tmpdir(), 'flyaux-simulate-out-')),
  ...over,
});

describe('flyaux simulate', () => {
  it('writes central traces and meta.json for a full-field stimulus, and the reduced engine agrees (1e-4)', async () => {
    const stimulus = npy(
      'flash.npy',
      Float32Array.from({ length: 20 }, (_, f) => (f < 10 ? 0.5 : 1)),
      [20],
    );
    const lattice = flags({ stimulus });
    await runSimulate(lattice);
    const central = readNpy(join(lattice.out, 'central.npy'));
    expect(central.shape).toEqual([20, 65]);
    const meta = JSON.parse(readFileSync(join(lattice.out, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      dt: 0.02,
      t_pre: 0.2,
      n_frames: 20,
      engine: 'lattice',
      params: 'default (seed 0)',
    });
    expect(meta.cell_types).toHaveLength(65);
    const reduced = flags({ stimulus, engine: 'reduced' });
    await runSimulate(reduced);
    const r = readNpy(join(reduced.out, 'central.npy')).data as Float32Array;
    const l = central.data as Float32Array;
    expect(Math.max(...r.map((x, i) => Math.abs(x - l[i])))).toBeLessThan(1e-4);
  });

  it('rejects bad input with a clear error and leaves no meta.json behind', async () => {
    const cases: [Partial<SimulateFlags>, RegExp][] = [
      [
        { stimulus: npy('bad-shape.npy', new Float32Array(10 * 7), [10, 7]) },
        /must have shape \(frames, 721\) or \(frames,\), but has \(10, 7\)/,
      ],
      [
        { stimulus: npy('nan.npy', Float32Array.from([0.5, NaN]), [2]) },
        /non-finite value \(NaN\) at flat index 1/,
      ],
      [
        { stimulus: npy('ok.npy', new Float32Array(3).fill(0.5), [3]), dt: 0 },
        /--dt must be a positive number/,
      ],
      [{ stimulus: join(dir, 'missing.npy') }, /cannot read .*missing\.npy/],
      [
        { stimulus: npy('text.npy', new Float32Array(0), [0]), engine: 'gpu' as never },
        /unknown engine 'gpu'/,
      ],
      [
        {
          stimulus: npy(
            'spatial.npy',
            Float32Array.from({ length: 2 * 721 }, (_, i) => (i % 721) / 721),
            [2, 721],
          ),
          engine: 'reduced',
        },
        /spatially uniform .* frame 0 differs between columns 0 and 1/,
      ],
    ];
    for (const [over, message] of cases) {
      const f = flags(over);
      await expect(runSimulate(f)).rejects.toThrow(message);
      expect(existsSync(join(f.out, 'meta.json'))).toBe(false);
    }
  });
});
