/** Command-line sizes and switches of `npm run bench` (sizes from argv, as mljs benchmarks do). */
export interface BenchArgs {
  /** Lattice radius of the network (15 = flyvis's 45,669 nodes and 1.5 M edges). */
  extent: number;
  /** Euler steps per timed call (50 = 1 s at dt 1/50). */
  steps: number;
  /** Samples of the batched and multi-thread cases. */
  batch: number;
  /** Timed calls per case, interleaved across cases. */
  repeats: number;
  json: boolean;
  check: boolean;
  /** Connectome file or folder; default: $FLYAUX_CONNECTOME, then the user cache. */
  connectome?: string;
}

const DEFAULTS: BenchArgs = { extent: 15, steps: 50, batch: 4, repeats: 5, json: false, check: false };

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--check') args.check = true;
    else if (flag === '--connectome') args.connectome = value(flag, argv[++i]);
    else if (flag === '--extent' || flag === '--steps' || flag === '--batch' || flag === '--repeats') {
      const n = Number(value(flag, argv[++i]));
      if (!(Number.isInteger(n) && n >= 1))
        throw new Error(`Error in bench: ${flag} expects a positive integer, got ${argv[i]}`);
      args[flag.slice(2) as 'extent' | 'steps' | 'batch' | 'repeats'] = n;
    } else {
      throw new Error(
        `Error in bench: unknown argument '${flag}'. Accepted: --json, --check, --extent N, --steps N, --batch N, --repeats N, --connectome PATH`,
      );
    }
  }
  return args;
}

function value(flag: string, v: string | undefined): string {
  if (v === undefined) throw new Error(`Error in bench: ${flag} expects a value`);
  return v;
}
