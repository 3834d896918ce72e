/**
 * The UNPC test and development sets as the presegmented benches read them: French and English, one sentence a line,
 * the test set then the development set, 8,000 sentences a side. Read from ../shared, never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalRawDir } from '../harness/shared-data.js';

/** The folder of the UNPC v1.0 test sets (absent where ../shared is not beside the repository). */
export const unpcTestsetsDir = join(evalRawDir(), 'unpc-v1.0-testsets');

/** Whether the UNPC test sets are there to read. */
export function haveUnpcTestsets(): boolean {
  return existsSync(unpcTestsetsDir);
}

/** The 8,000 sentences of one language, the test set then the development set, each line ending in a newline. */
export function readUnpc8k(language: 'fr' | 'en'): string {
  const read = (set: string): string =>
    readFileSync(join(unpcTestsetsDir, set, `UNv1.0.${set}.${language}`), 'utf8').replace(/\n*$/, '\n');
  return read('testset') + read('devset');
}

/** The 8,000 sentences of both languages as `alignSentences` takes them: trimmed, French the source. */
export function readUnpc8kSentences(): { source: string[]; target: string[] } {
  const sentences = (language: 'fr' | 'en'): string[] =>
    readUnpc8k(language)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  return { source: sentences('fr'), target: sentences('en') };
}
