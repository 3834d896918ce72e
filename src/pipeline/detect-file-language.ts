/** The language of a file whose language was not declared, told from its text. */
import { ErrorCode, InputError } from '../core/errors.js';
import type { LanguageCode } from '../core/model.js';
import { assertDocumentLanguage, detectLanguage, MIN_LETTERS_FOR_DETECTION } from '../extract/detect-language.js';
import { extractDocument } from '../extract/extract-document.js';

/** A file to identify: its bytes and a name for messages. */
export interface UndeclaredFile {
  /** The file's bytes. */
  bytes: Uint8Array;
  /** File name, for messages. */
  name: string;
}

/**
 * The UN language `file` is written in; an InputError names the file when its text is too short to tell, and names
 * the language when it is none of the six.
 */
export async function detectFileLanguage(file: UndeclaredFile): Promise<LanguageCode> {
  // English reading is as good as any for identification: extraction only spells list letters by language.
  const { text } = await extractDocument(file.bytes, file.name, { language: 'en' });
  const detected = detectLanguage(text);
  if (detected === null) {
    throw new InputError(
      `${file.name}: too little text (under ${MIN_LETTERS_FOR_DETECTION} letters) to tell its language; declare it`,
      ErrorCode.undetectedLanguage,
      { name: file.name, letters: MIN_LETTERS_FOR_DETECTION },
    );
  }
  assertDocumentLanguage({ name: file.name, language: detected, text }, detected);
  return detected;
}
