import type { Command } from 'commander';
import { registerCharacterize } from './commands/characterize.ts';
import { registerDemo } from './commands/demo.ts';
import { registerInforate } from './commands/inforate.ts';
import { registerNetwork } from './commands/network.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerTrain } from './commands/train.ts';

/** Each command lives in its own module under cli/commands/ and is registered here, one line each. */
export function registerCommands(program: Command): void {
  registerSimulate(program);
  registerCharacterize(program);
  registerTrain(program);
  registerNetwork(program);
  registerInforate(program);
  registerDemo(program);
}
