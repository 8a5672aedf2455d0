import { Command } from 'commander';
import { registerCommands } from './commands.ts';

const program = new Command('flyaux')
  .description(
    'Auxiliary targets, characterisation and information rates for the flyvis fly visual system model',
  )
  .showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
