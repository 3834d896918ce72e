import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { assertPairLanguages } from '../../src/extract/detect-language.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { corporaDir, fixturesDir } from '../../harness/corpora-forms.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const minimalDocx = (): Uint8Array =>
  zipSync({
    'word/document.xml': utf8(
      '<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Hello.</w:t></w:r></w:p></w:body><' +
        '/w:document>',
    ),
  });
const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
const realPdf = readFileSync(`${fixturesDir}report-structure/en.pdf`);

const refused: Array<[string, string, () => Uint8Array, RegExp]> = [
  ['empty file', 'a.txt', () => new Uint8Array(0), /a\.txt: the file is empty/],
  ['white space only', 'a.txt', () => utf8('  \n\t\n'), /only white space/],
  ['binary junk named .docx', 'junk.docx', () => junk, /junk\.docx: the file is not a valid \.docx/],
  ['binary junk named .txt', 'junk.txt', () => junk, /binary file/],
  ['zip that is not a Word document', 'x.docx', () => zipSync({ 'a.txt': utf8('hi') }), /not a Word document/],
  [
    'zip bomb (uncompressed size)',
    'bomb.docx',
    () => zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }),
    /zip bomb/,
  ],
  [
    'zip bomb (entry count)',
    'many.docx',
    () => zipSync(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i.toString()}.xml`, utf8('x')]))),
    /more than 5000 entries/,
  ],
  [
    'encrypted docx (OLE container)',
    'secret.docx',
    () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
    /password-protected/,
  ],
  ['truncated docx', 'cut.docx', () => minimalDocx().subarray(0, 60), /corrupt/],
  [
    'docx with a DOCTYPE (entities)',
    'xxe.docx',
    () =>
      zipSync({
        'word/document.xml': utf8(
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document ' +
            'xmlns:w="urn:w"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>',
        ),
      }),
    /DOCTYPE/,
  ],
  ['corrupt pdf', 'bad.pdf', () => Uint8Array.from([...utf8('%PDF-1.7\n'), ...junk]), /bad\.pdf: the PDF is corrupt/],
  ['truncated pdf', 'cut.pdf', () => realPdf.subarray(0, 2000), /cut\.pdf: the PDF is corrupt/],
];

describe('extractDocument refuses bad input with one line naming the file', () => {
  it.each(refused)('%s', async (_case, name, bytes, message) => {
    const attempt = extractDocument(bytes(), name, { language: 'en' });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses a file over the configured size limit', async () => {
    await expect(
      extractDocument(utf8('x'.repeat(2048)), 'big.txt', { language: 'en', limits: { maxFileBytes: 1024 } }),
    ).rejects.toThrow(/big\.txt: the file is 0 MB; the limit is 0 MB|big\.txt: the file is/);
  });
});

describe('extractDocument decodes text in any common encoding', () => {
  const sentence = 'Le Comité a adopté le rapport « tel quel » : coût 5 €, œuvre déjà vue.\r\nDeuxième\u00A0ligne.';
  it.each([
    ['UTF-8', utf8(sentence), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(sentence)]), 'utf-8'],
    ['UTF-16 LE with BOM', Uint8Array.from([0xff, 0xfe, ...iconv.encode(sentence, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Uint8Array.from([0xfe, 0xff, ...iconv.encode(sentence, 'utf-16be')]), 'utf-16be'],
    ['Windows-1252', Uint8Array.from(iconv.encode(sentence, 'windows-1252')), 'windows-1252'],
  ] as const)('%s', async (_case, bytes, encoding) => {
    const extracted = await extractDocument(bytes, 'note.txt', { language: 'fr' });
    expect(extracted.encoding).toBe(encoding);
    expect(extracted.text).toBe(sentence); // CR LF and the no-break space are kept
  });

  it('reads ISO-8859-1 bytes (no € or œ) right', async () => {
    const extracted = await extractDocument(Uint8Array.from(iconv.encode('Café à Genève', 'latin1')), 'a.txt', {
      language: 'fr',
    });
    expect(extracted.text).toBe('Café à Genève');
  });
});

describe('the format comes from the bytes, not the name', () => {
  it.each([
    ['a PDF named .txt', realPdf, 'report.txt', 'pdf'],
    ['a DOCX named .pdf', minimalDocx(), 'report.pdf', 'docx'],
    ['HTML named .txt', utf8('<!DOCTYPE html><html><body><p>Hello.</p></body></html>'), 'page.txt', 'html'],
    ['Markdown by extension', utf8('# Title'), 'a.md', 'markdown'],
  ] as const)('%s', async (_case, bytes, name, format) => {
    expect((await extractDocument(bytes, name, { language: 'en' })).sourceFormat).toBe(format);
  });
});

describe('assertPairLanguages', () => {
  const fr = readFileSync(`${corporaDir}report-structure/fr.txt`, 'utf8');
  const en = readFileSync(`${corporaDir}report-structure/en.txt`, 'utf8');
  it.each([
    [
      'same language on both sides',
      { name: 'a.txt', language: 'fr', text: en },
      { name: 'b.txt', language: 'en', text: en },
      /b\.txt: both files are in the same language \(English\)/,
      'SAME_LANGUAGE',
    ],
    [
      'sides swapped',
      { name: 'fr.txt', language: 'fr', text: en },
      { name: 'en.txt', language: 'en', text: fr },
      /^fr\.txt is in English and en\.txt in French: the two files are swapped$/,
      'SWAPPED_SIDES',
    ],
    [
      'wrong declared language',
      { name: 'fr.txt', language: 'de', text: fr },
      { name: 'en.txt', language: 'en', text: en },
      /fr\.txt: the text is in French, not in the declared German/,
      'WRONG_LANGUAGE',
    ],
  ])('refuses %s', (_case, source, target, message, code) => {
    expect(() => assertPairLanguages(source, target)).toThrow(InputError);
    expect(() => assertPairLanguages(source, target)).toThrow(message);
    expect(() => assertPairLanguages(source, target)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts a right pair, and sides too short to tell', () => {
    expect(() =>
      assertPairLanguages({ name: 'fr.txt', language: 'fr', text: fr }, { name: 'en.txt', language: 'en', text: en }),
    ).not.toThrow();
    expect(() =>
      assertPairLanguages({ name: 'a', language: 'fr', text: 'Hello.' }, { name: 'b', language: 'en', text: 'Hello.' }),
    ).not.toThrow();
  });
});
