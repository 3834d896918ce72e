import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExportError, ExportErrorCode } from '../../../src/core/export/export-error.js';
import { formatLinks, LinksSyntaxError, parseLinks } from '../../../src/core/export/links.js';
import type { Bead } from '../../../src/core/model.js';
import { alignment } from './fixtures/un-ctoc-note/alignment.js';
import { haveSharedData } from '../../../harness/shared-data.js';

describe('formatLinks', () => {
  it.each([
    [{ source: [0, 1], target: [0] }, '[0, 1]:[0]\n'],
    [{ source: [2], target: [] }, '[2]:[]\n'],
    [{ source: [], target: [1] }, '[]:[1]\n'],
    [{ source: [10, 11, 12], target: [7, 8] }, '[10, 11, 12]:[7, 8]\n'],
  ])('writes %j as %j', (bead, expected) => {
    expect(formatLinks([bead])).toBe(expected);
  });

  it('writes nothing for no beads', () => {
    expect(formatLinks([])).toBe('');
  });

  it.each([
    [0.97, '[0]:[1, 2]:0.97\n'],
    [1, '[0]:[1, 2]:1.00\n'],
    [0.8999, '[0]:[1, 2]:0.89\n'],
    [0.29, '[0]:[1, 2]:0.29\n'],
    [0, '[0]:[1, 2]:0.00\n'],
  ])('writes confidence %d as a third field, never rounded up', (confidence, expected) => {
    expect(formatLinks([{ source: [0], target: [1, 2], confidence }], { confidence: true })).toBe(expected);
  });
});

describe('parseLinks', () => {
  it.each([
    [
      'Vecalign output',
      '[0, 1]:[0]\n[2]:[]\n[]:[1]\n',
      [
        { source: [0, 1], target: [0] },
        { source: [2], target: [] },
        { source: [], target: [1] },
      ],
    ],
    ['no spaces', '[0,1]:[0]', [{ source: [0, 1], target: [0] }]],
    ['spaces everywhere', '  [ 0 ,1 ] : [ 0 ]  ', [{ source: [0, 1], target: [0] }]],
    ['empty sides with spaces', '[ ]:[ 3 ]', [{ source: [], target: [3] }]],
    [
      'blank lines and CR LF',
      '\r\n[0]:[0]\r\n\r\n   \n[1]:[1]\r\n',
      [
        { source: [0], target: [0] },
        { source: [1], target: [1] },
      ],
    ],
    ['a trailing comma, as Python literal_eval allows', '[4,]:[5, 6,]', [{ source: [4], target: [5, 6] }]],
    ['an empty file', '', []],
    ['a confidence as third field', '[0]:[1, 2]:0.97', [{ source: [0], target: [1, 2], confidence: 0.97 }]],
    ['a third field with spaces', '[0]:[1] : 0.125 ', [{ source: [0], target: [1], confidence: 0.125 }]],
  ])('reads %s', (_case, text, expected) => {
    expect(parseLinks(text)).toEqual(expected);
  });

  it.each([
    ['a missing colon', '[0][1]', 1],
    ['a missing bracket', '[0]:[1', 1],
    ['a negative index', '[-1]:[0]', 1],
    ['a decimal index', '[0.5]:[0]', 1],
    ['a letter', '[a]:[0]', 1],
    ['a double comma', '[0,,1]:[0]', 1],
    ['a lone comma', '[,]:[0]', 1],
    ['a third side', '[0]:[0]:[0]', 1],
    ['a third field that is no number', '[0]:[0]:high', 1],
    ['an empty third field', '[0]:[0]:', 1],
    ['a bad line after good and blank ones', '[0]:[0]\n\n[1]:[1]\n1-1\n', 4],
    ['an index too large to be exact', '[99999999999999999999]:[0]', 1],
  ])('throws LinksSyntaxError on %s, with its line number', (_case, text, line) => {
    expect(() => parseLinks(text)).toThrow(LinksSyntaxError);
    try {
      parseLinks(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ExportError);
      expect(error).toMatchObject({ code: ExportErrorCode.linksSyntax, line });
      expect((error as Error).message).toContain(`line ${line}`);
    }
  });

  it('round-trips the fixture beads', () => {
    const beads: Bead[] = alignment.sentences.map(({ source, target }) => ({ source, target }));
    expect(parseLinks(formatLinks(beads))).toEqual(beads);
    expect(formatLinks(parseLinks(formatLinks(beads)))).toBe(formatLinks(beads));
  });
});

const goldFile = path.resolve(
  fileURLToPath(new URL('../../../', import.meta.url)),
  '../shared/eval/raw/bleualign-textberg-de-fr/dev.defr',
);

describe('a real gold file (Bleualign Text+Berg dev, Vecalign format)', () => {
  it.skipIf(!haveSharedData('the Text+Berg links round trip', [goldFile]))(
    'reads every line and writes the file back byte for byte',
    () => {
      const text = readFileSync(goldFile, 'utf8');
      const beads = parseLinks(text);
      expect(beads).toHaveLength(text.split('\n').filter((line) => line.trim() !== '').length);
      expect(beads.some((bead) => bead.source.length > 1 || bead.target.length > 1)).toBe(true);
      expect(formatLinks(beads)).toBe(text);
    },
  );
});
