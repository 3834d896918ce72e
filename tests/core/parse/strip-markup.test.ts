import { describe, it, expect } from 'vitest';
import { collapseWhitespace, splitTableRow, stripInlineMarkdown } from '../../../src/core/parse/strip-markup.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

describe('stripInlineMarkdown', () => {
  it.each([
    ['**bold** text', 'bold text'],
    ['__bold__ text', 'bold text'],
    ['*Recalling* its resolution', 'Recalling its resolution'],
    ['_italic_ word', 'italic word'],
    ['*The General Assembly*,', 'The General Assembly,'],
    ['reports ([CTOC/COP/WG.4/2017/4](#) and [X/1](http://a.b/c(d)))', 'reports (CTOC/COP/WG.4/2017/4 and X/1)'],
    ['![logo](logo.png) UN', 'logo UN'],
    ['Crime[^1] and the Protocols', 'Crime and the Protocols'],
    ["l'ordre du jour provisoire*", "l'ordre du jour provisoire*"],
    ['Item 2 (b) of the provisional agenda*', 'Item 2 (b) of the provisional agenda*'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['escaped \\*star\\* and 1\\.', 'escaped *star* and 1.'],
    ['`A/RES/70/1`', 'A/RES/70/1'],
    ['a<br>b <sup>1</sup>', 'a b 1'],
    ['**Examen de la\nConvention**', 'Examen de la\nConvention'],
  ])('%j → %j', (input, output) => {
    expect(stripInlineMarkdown(input)).toBe(output);
  });

  // Each would backtrack over the whole rest of the token at every "[": hours at 4,000,000 characters.
  it.each([['['], ['!['], ['[^'], ['[x]('], ['(']])(
    'reads a 4,000,000-character token of %j in linear time',
    (unit) => {
      const token = unit.repeat(Math.floor(4_000_000 / unit.length));
      expect(stripInlineMarkdown(token)).toBe(token);
    },
  );
});

describe('collapseWhitespace', () => {
  it.each([
    ['  a \t b\n\nc  ', 'a b c'],
    ['Texte\u00A0: oui', 'Texte\u00A0: oui'],
    ['a  \u00A0  b', 'a \u00A0 b'],
    ['\u00A0a\u00A0', '\u00A0a\u00A0'],
    ['a\u202F;', 'a\u202F;'],
    ['a\r\nb', 'a b'],
    [' ', ''],
    ['\t \n', ''],
    [' a', 'a'],
    ['a ', 'a'],
    ['a \v b\f', 'a b'],
  ])('%j → %j', (input, output) => {
    expect(collapseWhitespace(input)).toBe(output);
  });

  it('gives what replacing every run by one space and trimming gives, on 20,000 strings of spaces and text', () => {
    const definition = (text: string): string =>
      text.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
    const alphabet = [' ', '\t', '\n', '\r', '\f', '\v', '\u00A0', '\u202F', '\u2028', '\u0085', 'a', 'é'];
    const next = pseudoRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: next(12) }, () => alphabet[next(alphabet.length)] ?? '').join('');
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(definition(text));
    }
  });
});

describe('splitTableRow', () => {
  it.each([
    ['| Country | Amount |', ['Country', 'Amount']],
    ['|**France**| 1\u00A0000 |', ['France', '1\u00A0000']],
    ['a | b', ['a', 'b']],
    ['| a \\| b | c |', ['a | b', 'c']],
  ])('%j → %j', (row, cells) => {
    expect(splitTableRow(row)).toEqual(cells);
  });
});
