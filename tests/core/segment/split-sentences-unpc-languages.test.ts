import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languageDataFor } from '../../../src/core/segment/languages/index.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { expectWellFormed } from './expect-well-formed.js';

// UN Parallel Corpus v1.0 development set, six languages line-aligned (see its SOURCE.txt); read in place.
const DEVSET = new URL('../../../../shared/eval/raw/unpc-v1.0-testsets/devset/', import.meta.url);
const VISIBLE_END = /[.?!…。！？؟](?:["”»)）」]|>>)?$/u;

function pathOf(code: string): string {
  return fileURLToPath(new URL(`UNv1.0.devset.${code}`, DEVSET));
}

function linesOf(code: string): string[] {
  return readFileSync(pathOf(code), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// Measured: one-sentence lines kept whole ar 3999, es 3999, ru 3998, zh 3999 of 4000; boundaries recovered after a
// visible end ar 2819/2823, es 2812/2819, ru 2722/2855 (the misses are lines that start in lower case: preambular
// paragraphs "принимая к сведению…", "которое состоится…"), zh 2813/2825.
describe.each(['ar', 'es', 'ru', 'zh'])('UNPC development set (%s)', (code) => {
  const present = existsSync(pathOf(code));
  const language = languageDataFor(code);
  // Chinese is written without spaces: its lines are joined as they would run on in a paragraph.
  const joiner = code === 'zh' ? '' : ' ';

  it.skipIf(!present)('keeps at least 99% of the one-sentence lines in one sentence', () => {
    const lines = linesOf(code);
    const whole = lines.filter((line) => {
      const pieces = splitSentences(line, language);
      expectWellFormed(line, pieces);
      return pieces.length === 1;
    });
    expect(whole.length / lines.length).toBeGreaterThanOrEqual(0.99);
  });

  it.skipIf(!present)('recovers at least 94% of the visible boundaries between 200 lines run together', () => {
    const lines = linesOf(code);
    let visible = 0;
    let recovered = 0;
    for (let first = 0; first + 200 <= lines.length; first += 200) {
      const chunk = lines.slice(first, first + 200);
      const text = chunk.join(joiner);
      const pieces = splitSentences(text, language);
      expectWellFormed(text, pieces);
      const starts = new Set(pieces.map((piece) => piece.range.start));
      let offset = 0;
      chunk.forEach((line, index) => {
        const previous = chunk[index - 1];
        if (previous !== undefined && VISIBLE_END.test(previous)) {
          visible += 1;
          if (starts.has(offset)) recovered += 1;
        }
        offset += line.length + joiner.length;
      });
    }
    expect(recovered / visible).toBeGreaterThanOrEqual(0.94);
  });
});
