/** The commander program: one file per command under commands/. */
import { Command } from 'commander';
import { registerAlignCommand } from './commands/align.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerQaCommand } from './commands/qa.js';
import { registerUsersCommand } from './commands/users.js';
import { PARALIGN_VERSION } from '../version.js';

/** Builds the CLI; `run` parses argv. */
export function createProgram(): Command {
  const program = new Command('paralign')
    .description('align French and English UN documents by paragraph numbering, then sentences; export TMX')
    .version(PARALIGN_VERSION)
    .showHelpAfterError('(paralign --help lists the commands)');
  // Usage errors exit 2, like bad input.
  program.exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });
  registerAlignCommand(program);
  registerQaCommand(program);
  registerEvalCommand(program);
  registerUsersCommand(program);
  return program;
}
