import { describe, expect, it } from 'vitest';
import { ErrorCode, InputError } from '../../src/core/errors.js';
import { segmentCheckedPair } from '../../src/pipeline/read-document-pair.js';
import { readLanguagePair } from '../../src/pipeline/read-language-pair.js';
import { corporaCases, formFile } from '../../harness/corpora-forms.js';
import { sixLanguageNoteFile } from '../../harness/six-language-note.js';

const version = (language: 'ar' | 'en' | 'ru' | 'zh') => ({ ...sixLanguageNoteFile(language), language });

describe('readLanguagePair', () => {
  it('makes the asked language the source, whichever file came first', async () => {
    const pair = await readLanguagePair([version('zh'), version('ar')], 'ar');
    expect([pair.source.language, pair.target.language]).toEqual(['ar', 'zh']);
    expect([pair.sourceFile.name, pair.targetFile.name]).toEqual(['note.ar.txt', 'note.zh.txt']);
  });

  it('takes English as the source when no header names the original, else the first version', async () => {
    expect((await readLanguagePair([version('ru'), version('en')])).source.language).toBe('en');
    expect((await readLanguagePair([version('ru'), version('zh')])).source.language).toBe('ru');
  });

  it.each(corporaCases.flatMap((name) => (['text', 'docx', 'pdf'] as const).map((form) => [name, form] as const)))(
    'keeps the text it read from %s (%s): segmenting it again gives the same documents',
    async (name, form) => {
      const pair = await readLanguagePair([await formFile(name, 'fr', form), await formFile(name, 'en', form)], 'fr');
      const again = segmentCheckedPair(
        { ...pair.extracted.source, language: 'fr' },
        { ...pair.extracted.target, language: 'en' },
      );
      expect(again.source).toEqual(pair.source);
      expect(again.target).toEqual(pair.target);
    },
  );

  it('takes the original a header names', async () => {
    const ru = { ...version('ru'), bytes: new TextEncoder().encode('Original: Russian\n\n1. Текст доклада.\n') };
    const zh = { ...version('zh'), bytes: new TextEncoder().encode('1. 报告的案文。\n') };
    expect((await readLanguagePair([zh, ru])).source.language).toBe('ru');
  });

  it.each([
    [
      'two versions in one language',
      [version('ru'), { ...version('en'), language: 'ru' }],
      undefined,
      ErrorCode.repeatedLanguage,
    ],
    ['a source that is neither version', [version('ru'), version('en')], 'fr', ErrorCode.badOption],
  ] as const)('refuses %s', async (_case, versions, source, code) => {
    const error = await readLanguagePair(versions, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe(code);
  });
});
