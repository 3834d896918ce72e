/** A stage progress bar on stderr, shown only for long inputs on a terminal. */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

/** Reports stages of a long job; a no-op when not shown. */
export interface StageProgress {
  /** Marks the start of the named stage. */
  stage(name: string): void;
  /** Removes the bar. */
  stop(): void;
}

/** Inputs with at least this many characters get a progress bar. */
const LONG_INPUT_CHARS = 200_000;

/** A bar over `stages` steps when stderr is a terminal and the input is long. */
export function createStageProgress(stages: number, inputChars: number): StageProgress {
  if (!process.stderr.isTTY || inputChars < LONG_INPUT_CHARS) return { stage: () => undefined, stop: () => undefined };
  // Required only when a bar shows: short inputs and pipes never load it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'paralign [{bar}] {value}/{total} {stage}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  bar.start(stages, 0, { stage: '' });
  return {
    stage(name) {
      bar.update(done++, { stage: name });
    },
    stop() {
      bar.update(stages, { stage: 'done' });
      bar.stop();
    },
  };
}
