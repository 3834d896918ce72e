/** Two to six language versions of one document from their bytes, with every check a version needs. */
import { choosePivot } from '../core/align/choose-pivot.js';
import { ErrorCode, InputError } from '../core/errors.js';
import { nameLanguage } from '../core/language-names.js';
import { isUnLanguage, UN_LANGUAGES, type LanguageCode, type SegmentedDocument } from '../core/model.js';
import { checkDocumentPair } from './check-document-pair.js';
import { detectFileLanguage } from './detect-file-language.js';
import { documentText } from './document-text.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import { readFile, type DocumentFile } from './segment-file.js';
import { MAX_VERSIONS, MIN_VERSIONS } from './version-count.js';

/** One version: its bytes, a name for messages and, when known, its language (otherwise told from its text). */
export interface VersionFile extends Omit<DocumentFile, 'language'> {
  /** Declared language (ISO 639-1, one of the six); undefined to detect it. */
  language?: LanguageCode;
}

/** Versions that passed every check, with the language they are aligned through. */
export interface DocumentVersions {
  /** The versions in the order given; their languages are distinct. */
  documents: SegmentedDocument[];
  /** The file name of each document, in the same order. */
  names: string[];
  /** The pivot's language: `options.pivot`, else the original the headers name, else English, else the first. */
  pivot: LanguageCode;
}

/** Versions as {@link readDocumentVersions} read them: with the text each document was segmented from. */
export interface ReadVersions extends DocumentVersions {
  /** The extracted text of each document, in the same order. */
  extracted: ExtractedText[];
}

/** Options of {@link readDocumentVersions}. */
export interface ReadVersionsOptions {
  /** The pivot's language, instead of the one the headers name; must be one of the versions'. */
  pivot?: LanguageCode;
}

/**
 * Reads every version (extract → parse → segment, each refused when it holds too little text), detecting the
 * languages not declared; refuses a count outside two to six, a language outside the six UN languages, two versions
 * in one language, and, against the pivot, the checks of a pair (same text, swapped, wrong language).
 */
export async function readDocumentVersions(
  files: readonly VersionFile[],
  options: ReadVersionsOptions = {},
): Promise<ReadVersions> {
  if (files.length < MIN_VERSIONS || files.length > MAX_VERSIONS) {
    throw new InputError(
      `give ${MIN_VERSIONS} to ${MAX_VERSIONS} language versions of one document, not ${files.length}`,
      ErrorCode.versionCount,
      { count: files.length },
    );
  }
  const declared: DocumentFile[] = [];
  for (const file of files) declared.push({ ...file, language: file.language ?? (await detectFileLanguage(file)) });
  assertOneVersionPerLanguage(declared);
  const documents: SegmentedDocument[] = [];
  const extracted: ExtractedText[] = [];
  for (const file of declared) {
    const read = await readFile(file);
    documents.push(read.document);
    extracted.push(read.extracted);
  }
  const pivot = options.pivot ?? choosePivot(documents);
  const pivotIndex = documents.findIndex((document) => document.language === pivot);
  if (pivotIndex < 0) {
    throw new InputError(
      `the pivot ${pivot} is not the language of any version (${declared.map((f) => f.language).join(', ')})`,
      ErrorCode.badOption,
    );
  }
  assertDistinctTexts(declared, documents);
  const pivotSide = {
    file: declared[pivotIndex] as DocumentFile,
    document: documents[pivotIndex] as SegmentedDocument,
  };
  declared.forEach((file, k) => {
    if (k !== pivotIndex) checkDocumentPair({ file, document: documents[k] as SegmentedDocument }, pivotSide);
  });
  return { documents, names: declared.map((file) => file.name), extracted, pivot };
}

function assertOneVersionPerLanguage(files: readonly DocumentFile[]): void {
  for (const [k, file] of files.entries()) {
    if (!isUnLanguage(file.language)) {
      throw new InputError(
        `${file.name}: paralign reads documents in ${UN_LANGUAGES.join(', ')}, not "${file.language}"`,
        ErrorCode.badOption,
        { name: file.name, declared: file.language },
      );
    }
    const earlier = files.slice(0, k).find((other) => other.language === file.language);
    if (earlier !== undefined) {
      throw new InputError(
        `${file.name}: ${earlier.name} is in ${nameLanguage(file.language)} too; give one version per language`,
        ErrorCode.repeatedLanguage,
        { name: file.name, other: earlier.name, detected: file.language },
      );
    }
  }
}

// Two copies of one text under two language names are no translation; the pair checks only see each version with
// the pivot.
function assertDistinctTexts(files: readonly DocumentFile[], documents: readonly SegmentedDocument[]): void {
  const seen = new Map<string, string>();
  documents.forEach((document, k) => {
    const text = documentText(document);
    const name = (files[k] as DocumentFile).name;
    const other = seen.get(text);
    if (other !== undefined) {
      throw new InputError(`${name}: has the same text as ${other}; give the language versions`, ErrorCode.sameText, {
        name,
        other,
      });
    }
    seen.set(text, name);
  });
}
