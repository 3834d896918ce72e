/**
 * An upload of two to six language versions of one document, decided outside HTTP: the versions are read and checked
 * through the pipeline before anything is stored, then each version other than the pivot is stored and queued as a
 * pair with the pivot (source: the version, target: the pivot), and the pairs are filed under one document.
 */
import type { LanguageCode } from '../core/model.js';
import { readDocumentVersions } from '../pipeline/read-document-versions.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import type { DocumentRecord, StoredFile } from '../storage/store.js';
import { storeAndQueuePair, type SubmitPairDeps, type SubmittedPair } from './submit-pair.js';

/** The versions of an upload and how to file them. */
export interface DocumentSubmission {
  /** Each version with its declared language (one of the six, distinct), in the order uploaded. */
  versions: { language: LanguageCode; file: StoredFile }[];
  /** The pivot's language; absent for the original the headers name, else English. */
  pivot?: LanguageCode;
  /** Collection the pairs belong to, or null. */
  collection: string | null;
  /** Document symbol as the uploader gave it, or null. */
  symbol: string | null;
}

/** The outcome of a submission. */
export interface SubmittedDocument {
  /** The document as stored. */
  document: DocumentRecord;
  /** Whether this submission created the document. */
  created: boolean;
  /** Each version's pair with the pivot, in the order of the versions. */
  pairs: SubmittedPair[];
}

/**
 * Reads and checks every version (the CLI's refusals: a count outside two to six, a language outside the six, two
 * versions in one language, and against the pivot the checks of a pair), then stores and queues one pair per version
 * other than the pivot and files them under one document. Throws the pipeline's InputError before storing anything;
 * when the queue fails half-way, the pairs this submission created are taken back out.
 */
export async function submitDocument(deps: SubmitPairDeps, submission: DocumentSubmission): Promise<SubmittedDocument> {
  const versions = await readDocumentVersions(
    submission.versions.map(({ language, file }) => ({ ...file, language })),
    submission.pivot === undefined ? {} : { pivot: submission.pivot },
  );
  // readDocumentVersions checked that a version is in the pivot language, and read the versions in the order given.
  const pivotIndex = submission.versions.findIndex((version) => version.language === versions.pivot);
  const pivotFile = (submission.versions[pivotIndex] as { file: StoredFile }).file;
  const pivotText = versions.extracted[pivotIndex] as ExtractedText;
  const pairs: SubmittedPair[] = [];
  try {
    for (const [k, { language, file }] of submission.versions.entries()) {
      if (language === versions.pivot) continue;
      pairs.push(
        await storeAndQueuePair(deps, {
          source: file,
          target: pivotFile,
          sourceLanguage: language,
          targetLanguage: versions.pivot,
          collection: submission.collection,
          symbol: submission.symbol,
          extracted: { source: versions.extracted[k] as ExtractedText, target: pivotText },
        }),
      );
    }
  } catch (error) {
    // Nothing half-accepted: the pairs of a document that could not be queued whole go with it.
    for (const pair of pairs) if (pair.created) await deps.store.deletePair(pair.pair.id);
    throw error;
  }
  const pairOf = new Map(pairs.map((pair) => [pair.pair.sourceLanguage, pair.pair.id]));
  const { document, created } = await deps.store.createDocument({
    pivotLanguage: versions.pivot,
    collection: submission.collection,
    symbol: submission.symbol,
    versions: submission.versions.map(({ language, file }) => ({
      language,
      fileName: file.name,
      pairId: language === versions.pivot ? null : (pairOf.get(language) ?? null),
    })),
  });
  return { document, created, pairs };
}
