/** Aligns checked versions with their pivot and merges the pairs: n-way alignment, the same for every entry point. */
import { mergePivotAlignments } from '../core/align/merge-pivot-alignments.js';
import type { StoreLexicon } from '../core/align/store-lexicon.js';
import type { LanguageCode, MultiAlignment, SegmentedDocument } from '../core/model.js';
import { buildParityMatrix, type ParityMatrix } from '../core/qa/parity-matrix.js';
import type { ParityReport } from '../core/qa/parity-report.js';
import { alignDocumentPair } from './align-document-pair.js';
import type { DocumentVersions } from './read-document-versions.js';

/** Options of {@link alignDocumentVersions}. */
export interface AlignVersionsOptions {
  /** Per version language, what the store's earlier pairs of that language with the pivot's teach. */
  storeLexicons?: Readonly<Record<LanguageCode, StoreLexicon>>;
}

/** The n-way alignment, the parity report of each version with the pivot, and their matrix. */
export interface AlignedVersions {
  /** Units holding one segment group per language. */
  alignment: MultiAlignment;
  /** Per version other than the pivot, in the order of the documents: its pair report against the pivot. */
  reports: ParityReport[];
  /** Which labels, numbers and footnote references each version lacks. */
  matrix: ParityMatrix;
}

/**
 * Aligns every version read by {@link readDocumentVersions} with the pivot, merges the pairs into units and builds the
 * parity matrix.
 */
export function alignDocumentVersions(versions: DocumentVersions, options: AlignVersionsOptions = {}): AlignedVersions {
  // readDocumentVersions checked that a version is in the pivot language.
  const pivot = versions.documents.find((document) => document.language === versions.pivot) as SegmentedDocument;
  const aligned = versions.documents
    .filter((document) => document !== pivot)
    .map((document) => {
      const storeLexicon = options.storeLexicons?.[document.language];
      return alignDocumentPair({ source: document, target: pivot }, storeLexicon ? { storeLexicon } : {});
    });
  const alignment = mergePivotAlignments(
    versions.documents,
    versions.pivot,
    aligned.map((pair) => pair.alignment),
  );
  const reports = aligned.map((pair) => pair.report);
  return { alignment, reports, matrix: buildParityMatrix(alignment, reports) };
}
