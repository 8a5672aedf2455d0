import { InvalidArgumentError, type Command } from 'commander';
import { loadNetwork, type LoadedNetwork } from '../connectome/load.ts';

/** Adds `--connectome PATH`, which every command takes. */
export function withConnectome(cmd: Command): Command {
  return cmd.option(
    '--connectome <path>',
    '[path] connectome JSON or its folder (default: $FLYAUX_CONNECTOME, then ~/.cache/flyaux, then download)',
  );
}

/** Adds `--params FILE`, for commands that run a network with given parameters. */
export function withParams(cmd: Command): Command {
  return cmd.option(
    '--params <file>',
    "[path] flyaux parameter JSON or flyvis checkpoint (default: flyaux's default network)",
  );
}

export function loadNetworkFor(opts: { connectome?: string }, extent?: number): Promise<LoadedNetwork> {
  return loadNetwork({ path: opts.connectome, extent, log: (m) => process.stderr.write(`${m}\n`) });
}

/** One catch per command (vite's pattern): print "error during <name>: <cause>" and exit with code 1. */
export function runCommand<A extends unknown[]>(
  name: string,
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`error during ${name}: ${message}\n`);
      if (process.env.FLYAUX_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = 1;
    }
  };
}

/** Parses a number option; commander reports a rejected value as a one-line usage error. */
export function parseNumber(name: string): (value: string) => number {
  return (value: string) => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x))
      throw new InvalidArgumentError(`--${name} must be a number, got '${value}'`);
    return x;
  };
}
