import type { Command } from 'commander';

/** Each command lives in its own module under cli/commands/ and is registered here, one line each. */
export function registerCommands(_program: Command): void {}
