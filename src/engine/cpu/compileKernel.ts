/**
 * Compiles a kernel factory from source, as a function never compiled before.
 *
 * Why: V8 specialises a closure's optimised code on the values it captures (here the typed arrays
 * of one network) only while its function literal has produced a single closure. The second
 * closure from the same literal turns that off, and a scatter over 1.5 M edges then runs ~4–5×
 * slower (measured: 2.2 → 10 ns/edge; arrays as plain arguments: ~7 ns/edge). The engine needs
 * a kernel per network and batch size, so a literal in a file would only be fast for the first.
 * A unique comment defeats V8's source cache, so each call yields a fresh literal.
 *
 * Only numbers and fixed identifiers go into the source; arrays enter as arguments.
 */
let compiled = 0;

export function compileKernel<Args extends unknown[], Result>(
  name: string,
  argNames: string[],
  body: string,
): (...args: Args) => Result {
  compiled += 1;
  return new Function(...argNames, `// flyaux kernel ${name} #${compiled}\n${body}`) as (
    ...args: Args
  ) => Result;
}

/**
 * Runs `step` many times on a small problem (via `setSize(true)`) before real use, then restores
 * the full size (`setSize(false)`). Why: V8 allocates a function's type feedback lazily; a
 * first call that spends a second in one loop can be compiled on-stack before any feedback
 * exists and then stays on generic element access (measured: 2 vs 7–10 ns/edge, at random
 * from run to run). Small calls record the feedback first, and 300 of them (a few ms) also get
 * the kernel optimised before its first real step (24 left the first dozen steps 5–10× slower).
 */
export function warmUp(step: () => unknown, setSize: (small: boolean) => void, calls = 300): void {
  setSize(true);
  for (let i = 0; i < calls; i++) step();
  setSize(false);
}

/**
 * `kernel` behind a Proxy, which V8 never inlines into its callers. Why: inlined into the loop
 * that calls it (e.g. the frame loop of simulateBlock), a step loses the specialisation above
 * and ran 3× slower (measured at extent 15: 5.5–7 vs 1.7–2.3 ns/edge); a call through the Proxy
 * costs well under a microsecond, against milliseconds per step.
 */
export function notInlined<F extends (...args: never[]) => unknown>(kernel: F): F {
  return new Proxy(kernel, {});
}

/** `f(b)` for b = 0 … n−1, one per line: the unrolled per-sample lanes of a kernel body. */
export function lanes(n: number, f: (b: number) => string): string {
  return Array.from({ length: n }, (_, b) => f(b)).join('\n');
}
