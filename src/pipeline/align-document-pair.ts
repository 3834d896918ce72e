/** Aligns a checked pair and reports its parity: the last stages of the pipeline, the same for every entry point. */
import { alignDocuments } from '../core/align/align-documents.js';
import type { Lexicon } from '../core/align/features.js';
import type { StoreLexicon } from '../core/align/store-lexicon.js';
import type { Alignment } from '../core/model.js';
import { buildParityReport, type ParityReport } from '../core/qa/parity-report.js';
import type { DocumentPair } from './read-document-pair.js';

/** Options of {@link alignDocumentPair}. */
export interface AlignPairOptions {
  /** A user dictionary (src/extract/read-dictionary.ts reads one). */
  dictionary?: Lexicon;
  /** What the store's earlier pairs in the same language pair teach (the service's workers learn one). */
  storeLexicon?: StoreLexicon;
}

/** An aligned pair and its parity report. */
export interface AlignedPair {
  /** Block and sentence beads with their confidences. */
  alignment: Alignment;
  /** What is missing, extra, split, merged or doubtful. */
  report: ParityReport;
}

/** Aligns a pair read by {@link readDocumentPair} and builds its parity report. */
export function alignDocumentPair(pair: DocumentPair, options: AlignPairOptions = {}): AlignedPair {
  const alignment = alignDocuments(pair.source, pair.target, {
    ...(options.dictionary !== undefined ? { dictionary: options.dictionary } : {}),
    ...(options.storeLexicon !== undefined ? { storeLexicon: options.storeLexicon } : {}),
  });
  return { alignment, report: buildParityReport(alignment) };
}
