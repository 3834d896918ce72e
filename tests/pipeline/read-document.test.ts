import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readDocument } from '../../src/pipeline/read-document.js';
import { english, french } from './pipeline-texts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readDocument', () => {
  it('reads a document in its declared language into blocks and sentences', async () => {
    const document = await readDocument(french.bytes, french.name, 'fr');
    expect(document.language).toBe('fr');
    expect(document.blocks.length).toBeGreaterThan(10);
    expect(document.sentences.length).toBeGreaterThan(document.blocks.length / 2);
  });

  it.each([
    ['a 1-byte file', 'w.txt', utf8('W'), 'NOTHING_TO_ALIGN', /^w\.txt: nothing to align; the file holds fewer than 6/],
    ['a 5-byte file', 'hi.txt', utf8('Hello'), 'NOTHING_TO_ALIGN', /^hi\.txt: nothing to align/],
    ['numbers only', 'n.txt', utf8('12 345.'), 'NOTHING_TO_ALIGN', /^n\.txt: nothing to align/],
    ['a label alone', 'label.txt', utf8('1.'), 'NO_TEXT', /^label\.txt: no text to align was found in the file$/],
    ['a Markdown rule alone', 'rule.md', utf8('---\n'), 'NO_TEXT', /^rule\.md: no text to align/],
    ['a DOCX that is not one', 'x.docx', zipSync({ 'a.txt': utf8('hi') }), 'BAD_INPUT', /^x\.docx: .*not a Word/],
  ])('refuses %s with one line naming the file', async (_case, name, bytes, code, message) => {
    const error = await readDocument(bytes, name, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  // A Chinese character stands for about as much text as three or four English letters: the floor is per script.
  it.each([
    ['附件一', 'zh'],
    ['附件', 'zh'],
    ['Annex I', 'en'],
  ])('aligns a heading as short as %j', async (text, language) => {
    const document = await readDocument(utf8(text), 'short.txt', language);
    expect(document.sentences.map((sentence) => sentence.text)).toEqual([text]);
  });

  it.each([
    ['一', 'zh'],
    ['Annex', 'en'],
  ])('still refuses %j as nothing to align', async (text, language) => {
    await expect(readDocument(utf8(text), 'short.txt', language)).rejects.toMatchObject({ code: 'NOTHING_TO_ALIGN' });
  });

  it('refuses a document in another language than the declared one', async () => {
    await expect(readDocument(english.bytes, 'en.txt', 'fr')).rejects.toMatchObject({
      code: 'WRONG_LANGUAGE',
      message: 'en.txt: the text is in English, not in the declared French',
      values: { name: 'en.txt', detected: 'en', declared: 'fr' },
    });
  });
});
