import type { Command } from 'commander';
import { loadParams } from '../../network/loadParams.ts';
import { summarizeNetwork, type NetworkSummary, type Spread } from '../../network/summary.ts';
import { loadNetworkFor, runCommand, withConnectome, withParams } from '../shared.ts';

export interface NetworkFlags {
  connectome?: string;
  params?: string;
  json?: boolean;
}

export function registerNetwork(program: Command): void {
  withParams(
    withConnectome(
      program
        .command('network')
        .description(
          'summarise the compiled network: sizes, roles, wiring per cell type and parameter statistics',
        )
        .option('--json', '[boolean] print the summary as JSON'),
    ),
  ).action(runCommand('network', (flags: NetworkFlags) => runNetwork(flags)));
}

/** Builds the network, loads its parameters and prints the summary (as text or JSON). */
export async function runNetwork(
  flags: NetworkFlags,
  write: (text: string) => unknown = (text) => process.stdout.write(text),
): Promise<void> {
  const started = performance.now();
  const { tables, connectomePath } = await loadNetworkFor(flags);
  const buildS = (performance.now() - started) / 1000;
  const { params, source } = loadParams(tables, flags.params);
  const summary = summarizeNetwork(tables, params, { connectome: connectomePath, params: source });
  write(flags.json ? JSON.stringify(summary, null, 1) + '\n' : formatNetworkSummary(summary, buildS));
}

const count = (n: number) => n.toLocaleString('en-US');
const number = (x: number) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toFixed(4) : x.toExponential(3));

/** Columns padded to their widest cell: the first `leftColumns` (labels) left-aligned, the numbers right-aligned. */
function table(header: string[], rows: (string | number)[][], leftColumns = 1): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? count(c) : c)))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => r[j].length)));
  const pad = (c: string, j: number) => (j < leftColumns ? c.padEnd(widths[j]) : c.padStart(widths[j]));
  return cells.map((r) => `  ${r.map(pad).join('  ')}`.trimEnd()).join('\n');
}

export function formatNetworkSummary(s: NetworkSummary, buildS?: number): string {
  const c = s.counts;
  const spreadRow = (name: string, x: Spread) => [name, number(x.min), number(x.median), number(x.max)];
  return [
    'flyaux network',
    `  connectome  ${s.connectome} (extent ${s.extent}${buildS === undefined ? '' : `, compiled in ${buildS.toFixed(2)} s`})`,
    `  parameters  ${s.paramSource}`,
    '',
    'counts',
    `  ${count(c.nodes)} nodes of ${c.cellTypes} cell types`,
    `  ${count(c.edges)} edges (${count(c.excitatoryEdges)} excitatory, ${count(c.inhibitoryEdges)} inhibitory)`,
    `  ${c.pairs} connected type pairs (${c.excitatoryPairs} excitatory, ${c.inhibitoryPairs} inhibitory), ${count(c.countGroups)} synapse-count groups`,
    `  ${c.freeParams} free parameters (bias, τ per type; strength per pair), ${count(c.fixedParams)} fixed (sign per pair, synapse count per group)`,
    '',
    'roles',
    table(
      ['role', 'types', 'nodes', 'in-edges', 'out-edges'],
      s.roles.map((r) => [r.role, r.cellTypes, r.nodes, r.inEdges, r.outEdges]),
    ),
    '',
    'parameters',
    table(
      ['', 'min', 'median', 'max'],
      [
        spreadRow('bias (a.u.)', s.parameters.bias),
        spreadRow('τ (s)', s.parameters.tauS),
        spreadRow('strength', s.parameters.strength),
        spreadRow('synapse count', s.parameters.synCount),
      ],
    ),
    '',
    'cell types',
    table(
      ['type', 'role', 'nodes', 'in-edges', 'out-edges', 'in-pairs', 'out-pairs', 'bias', 'τ (s)'],
      s.cellTypes.map((t) => [
        t.name,
        t.role,
        t.nodes,
        t.inEdges,
        t.outEdges,
        t.inPairs,
        t.outPairs,
        number(t.bias),
        number(t.tauS),
      ]),
      2,
    ),
    '',
  ].join('\n');
}
