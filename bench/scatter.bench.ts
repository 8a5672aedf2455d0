import { compileKernel, notInlined, warmUp } from '../src/engine/cpu/compileKernel.ts';
import type { BenchCase, BenchNetwork } from './setup.ts';

/**
 * The bare scatter out[target] += w·x[source] over the network's edges (flyvis order, int32
 * indices, float32 weights), `repeat` times per call: the speed limit the engine's step is
 * measured against. It is compiled, warmed up and called like the engine's kernels, so both loops
 * run as V8's optimised code rather than whatever its lazy tiering gives a first call (compileKernel.ts).
 */
export function setup(net: BenchNetwork, repeat: number): BenchCase[] {
  const { edgeSource, edgeTarget, nNodes } = net.tables;
  const weight = Float32Array.from(net.tables.edgeCountGroup, (g) => 0.01 * (1 + (g % 7)));
  const x = Float32Array.from({ length: nNodes }, (_, i) => (i % 5) * 0.1);
  const out = new Float32Array(nNodes);
  type Factory = (...a: unknown[]) => { scatter: () => void; setSmall: (small: boolean) => void };
  const factory = compileKernel<unknown[], ReturnType<Factory>>(
    'raw scatter',
    ['src', 'tgt', 'w', 'x', 'out'],
    `let end = src.length;
const scatter = () => {
  const n = end;
  out.fill(0);
  for (let e = 0; e < n; e++) out[tgt[e]] += w[e] * x[src[e]];
};
return { scatter, setSmall: (small) => { end = small ? 64 : src.length; } };`,
  );
  const { scatter, setSmall } = factory(edgeSource, edgeTarget, weight, x, out);
  warmUp(scatter, setSmall);
  const call = notInlined(scatter);
  return [
    {
      name: 'raw_scatter',
      units: repeat * net.nEdges,
      run: () => {
        for (let r = 0; r < repeat; r++) call();
      },
    },
  ];
}
