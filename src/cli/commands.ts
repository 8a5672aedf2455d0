import type { Command } from 'commander';
import { registerNetwork } from './commands/network.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerTrain } from './commands/train.ts';

/** Each command lives in its own module under cli/commands/ and is registered here, one line each. */
export function registerCommands(program: Command): void {
  registerSimulate(program);
  registerTrain(program);
  registerNetwork(program);
}
