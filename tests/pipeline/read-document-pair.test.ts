import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import type { DocumentFile } from '../../src/pipeline/segment-file.js';
import { english, french, spanish } from './pipeline-texts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const as = (file: DocumentFile, name: string, language: string): DocumentFile => ({ ...file, name, language });

describe('readDocumentPair', () => {
  it('reads a right pair, French source and English target, and tells when the source side is read', async () => {
    const sides: string[] = [];
    const pair = await readDocumentPair(french, english, { onSourceRead: () => void sides.push('source') });
    expect(sides).toEqual(['source']);
    expect(pair.source.language).toBe('fr');
    expect(pair.target.language).toBe('en');
  });

  it.each([
    [
      'the same text twice (different bytes)',
      { bytes: utf8('1. Le même texte dans les deux fichiers.\n'), name: 'fr.txt', language: 'fr' },
      { bytes: utf8('1. Le même texte dans les deux fichiers.\n\n\n'), name: 'copy.txt', language: 'en' },
      'SAME_TEXT',
      'copy.txt: has the same text as fr.txt; give the two language versions',
    ],
    [
      'swapped sides',
      as(english, 'fr.txt', 'fr'),
      as(french, 'en.txt', 'en'),
      'SWAPPED_SIDES',
      'fr.txt is in English and en.txt in French: the two files are swapped',
    ],
    [
      'both sides in one language',
      as(english, 'a.txt', 'fr'),
      { ...english, bytes: new Uint8Array([...english.bytes].slice(0, 4000)), name: 'b.txt' },
      'SAME_LANGUAGE',
      'b.txt: both files are in the same language (English); give the French and English versions',
    ],
    [
      'a side in another language',
      spanish,
      english,
      'WRONG_LANGUAGE',
      'es.txt: the text is in Spanish, not in the declared French',
    ],
    [
      'a side with nothing to align',
      french,
      { bytes: utf8('W'), name: 'w.txt', language: 'en' },
      'NOTHING_TO_ALIGN',
      'w.txt: nothing to align; the file holds fewer than 6 letters of text',
    ],
  ])('refuses %s with one line naming the file', async (_case, source, target, code, message) => {
    const error = await readDocumentPair(source, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code, message });
  });
});
