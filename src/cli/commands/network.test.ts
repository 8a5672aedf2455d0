import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkSummary } from '../../network/summary.ts';
import { referencePath, refFloat32 } from '../../testing/reference.ts';
import { registerNetwork, runNetwork } from './network.ts';

const connectome = referencePath('flyvis_data');

async function summaryOf(params?: string): Promise<NetworkSummary> {
  let out = '';
  await runNetwork({ connectome, params, json: true }, (text) => (out += text));
  return JSON.parse(out);
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('flyaux network', () => {
  it('--json gives the counts, roles and per-type wiring of the flyvis network', async () => {
    const s = await summaryOf();
    expect(s.counts).toMatchObject({
      nodes: 45_669,
      edges: 1_513_231,
      pairs: 604,
      countGroups: 2_355,
      freeParams: 734,
      fixedParams: 2_959,
    });
    expect(s.counts.excitatoryEdges).toBe(983_980);
    expect(s.paramSource).toBe('default (seed 0)');
    expect(s.roles.map((r) => [r.role, r.cellTypes])).toEqual([
      ['input', 8],
      ['intermediate', 23],
      ['output', 34],
    ]);
    expect(s.roles.reduce((n, r) => n + r.nodes, 0)).toBe(45_669);
    expect(s.cellTypes.reduce((n, t) => n + t.inEdges, 0)).toBe(1_513_231);
    expect(s.cellTypes.reduce((n, t) => n + t.outPairs, 0)).toBe(604);
    expect(s.cellTypes.find((t) => t.name === 'Lawf1')).toMatchObject({ nodes: 123, role: 'intermediate' });
    expect(s.parameters.tauS).toEqual({
      min: Math.fround(0.05),
      median: Math.fround(0.05),
      max: Math.fround(0.05),
    });
  });

  it('--params reads a flyvis checkpoint and reports its source and parameter spreads', async () => {
    const checkpoint = referencePath('strong_seed1', 'chkpt_00000');
    const s = await summaryOf(checkpoint);
    expect(s.paramSource).toBe(`flyvis checkpoint ${checkpoint}`);
    const tau = Array.from(refFloat32('strong_seed1', 'params_nodes_time_const.npy').data);
    expect([s.parameters.tauS.min, s.parameters.tauS.max]).toEqual([Math.min(...tau), Math.max(...tau)]);
    expect(s.cellTypes.map((t) => t.tauS)).toEqual(tau);
  });

  it('prints a readable text summary', async () => {
    let out = '';
    await runNetwork({ connectome }, (text) => (out += text));
    expect(out).toMatch(
      /^flyaux network\n {2}connectome {2}.*fib25-fib19_v2\.2\.json \(extent 15, compiled in [\d.]+ s\)/,
    );
    expect(out).toContain('  45,669 nodes of 65 cell types');
    expect(out).toContain('  1,513,231 edges (983,980 excitatory, 529,251 inhibitory)');
    expect(out).toContain('  734 free parameters');
    expect(out).toMatch(/\n {2}T4a +output +721 /);
    expect(out).toMatch(/\n {2}τ \(s\) +0\.0500 +0\.0500 +0\.0500\n/);
  });

  it('is registered with --params and --connectome, and fails with exit code 1 and the cause', async () => {
    const program = new Command().exitOverride();
    registerNetwork(program);
    const command = program.commands.find((c) => c.name() === 'network')!;
    expect(command.options.map((o) => o.long)).toEqual(['--json', '--connectome', '--params']);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await program.parseAsync(['network', '--connectome', connectome, '--params', '/nonexistent.json'], {
      from: 'user',
    });
    expect(process.exitCode).toBe(1);
    expect(stderr).toHaveBeenCalledWith(
      'error during network: Error in loadParams: /nonexistent.json does not exist\n',
    );
  });
});
