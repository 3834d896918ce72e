/** CLI entry: runs the program and turns paralign's errors into one line on stderr and exit code 2. */
import { ParalignError } from '../core/errors.js';
import { createProgram } from './program.js';

/** Exit code for input or usage the user must fix. */
export const EXIT_BAD_INPUT = 2;

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof ParalignError) {
    process.stderr.write(`paralign: ${error.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    throw error;
  }
}
