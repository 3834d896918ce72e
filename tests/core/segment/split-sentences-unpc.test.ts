import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/core/segment/languages/en.js';
import { fr } from '../../../src/core/segment/languages/fr.js';
import type { LanguageData } from '../../../src/core/segment/languages/language-data.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { expectWellFormed } from './expect-well-formed.js';
import { haveSharedData } from '../../../harness/shared-data.js';

// UN Parallel Corpus v1.0 test set: one automatically aligned UN sentence a line (see its SOURCE.txt).
const TESTSET = new URL('../../../../shared/eval/raw/unpc-v1.0-testsets/testset/', import.meta.url);
const LANGUAGES: readonly (readonly [string, LanguageData])[] = [
  ['en', en],
  ['fr', fr],
];

function pathOf(code: string): string {
  return fileURLToPath(new URL(`UNv1.0.testset.${code}`, TESTSET));
}

function linesOf(code: string): string[] {
  return readFileSync(pathOf(code), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// A line whose end a splitter can see: a stop, maybe inside closing marks; or ";" before a numbered paragraph.
const VISIBLE_END = /[.?!…](?:\s?(?:»|>>|"|”|’|\)))*$/u;
const NUMBERED_START = /^\d{1,3}\.\s+\p{Lu}/u;

describe.each(LANGUAGES)('UNPC test set (%s)', (code, language) => {
  const present = haveSharedData(`the UNPC ${code} splitter tests`, [pathOf(code)]);

  it.skipIf(!present)('keeps at least 97% of the one-sentence lines in one sentence', () => {
    const lines = linesOf(code);
    const whole = lines.filter((line) => {
      const pieces = splitSentences(line, language);
      expectWellFormed(line, pieces);
      return pieces.length === 1;
    });
    // Measured: en 3998/4000, fr 3999/4000.
    expect(whole.length / lines.length).toBeGreaterThanOrEqual(0.97);
  });

  it.skipIf(!present)('recovers at least 95% of the visible boundaries between 200 lines joined by spaces', () => {
    const lines = linesOf(code);
    let visible = 0;
    let recovered = 0;
    for (let first = 0; first + 200 <= lines.length; first += 200) {
      const chunk = lines.slice(first, first + 200);
      const text = chunk.join(' ');
      const pieces = splitSentences(text, language);
      expectWellFormed(text, pieces);
      const starts = new Set(pieces.map((piece) => piece.range.start));
      let offset = 0;
      for (const [index, line] of chunk.entries()) {
        const previous = chunk[index - 1];
        if (
          previous !== undefined &&
          (VISIBLE_END.test(previous) || (previous.endsWith(';') && NUMBERED_START.test(line)))
        ) {
          visible++;
          if (starts.has(offset)) recovered++;
        }
        offset += line.length + 1;
      }
    }
    // Lines ending in ";", ":", "," or nothing (titles) are not counted: no splitter can see those ends.
    // Measured: en 2865/2871, fr 2769/2773.
    expect(visible).toBeGreaterThan(2000);
    expect(recovered / visible).toBeGreaterThanOrEqual(0.95);
  });
});
