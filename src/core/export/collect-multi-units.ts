/**
 * Turns an n-way alignment's units into the texts every n-way format writes, one per language, counting what it
 * leaves out; the n-way counterpart of collect-units.ts.
 */
import type { LanguageCode, MultiAlignment, MultiUnit, SegmentedDocument } from '../model.js';
import { isDocumentSymbol } from '../parse/header-lines.js';
import { ReviewStatus } from '../review/review-model.js';
import { isReviewedMultiAlignment } from '../review/reviewed-version-pairs.js';
import { DEFAULT_EXPORT_STATUSES, UnitKind, type UnitReview, type UnitSelection } from './collect-units.js';
import { ExportError, ExportErrorCode } from './export-error.js';

/** Which units become exported units, and in which language order. */
export interface MultiUnitSelection extends UnitSelection {
  /** The source language: every unit written has text in it, and it comes first; the pivot by default. */
  srcLang?: LanguageCode;
}

/** One unit ready to write. */
export interface MultiExportUnit {
  /** Position of the unit in `alignment.sentences` (sentence units) or `alignment.blocks` (paragraph units). */
  unit: number;
  /** Per language with text here, in output order (the source language first): the pieces cleaned and joined. */
  texts: [LanguageCode, string][];
  /** The unit's confidence, in [0, 1]. */
  confidence: number;
  /** Label path of the source language's first block in the unit; null when unlabelled. */
  label: string | null;
  /** Review state, for an alignment merged from reviewed pairs; null otherwise (the CLI's). */
  review: UnitReview | null;
}

/** How many units were written and why the others were not. */
export interface MultiExportSummary {
  /** Units written. */
  units: number;
  /** Units with text in one language only: nothing to pair it with. */
  oneLanguage: number;
  /** Units of two languages or more below `minConfidence`. */
  lowConfidence: number;
  /** Units kept by confidence with no text in the source language (each written unit must have it). */
  withoutSource: number;
  /** Units whose every text is a lone document symbol. */
  symbolOnly: number;
  /** Units whose review status the selection does not keep. */
  otherStatus: number;
}

/** The languages of `alignment` in output order: `srcLang` (the pivot by default) first, then the versions' order. */
export function orderLanguages(alignment: MultiAlignment, srcLang?: LanguageCode): LanguageCode[] {
  const languages = alignment.documents.map((document) => document.language);
  const first =
    srcLang === undefined ? alignment.pivot : languages.find((l) => l.toLowerCase() === srcLang.toLowerCase());
  if (first === undefined) {
    // TMX 1.4b: every <tu> has a <tuv> in srclang, so a language with no version would leave every unit invalid.
    throw new ExportError(
      ExportErrorCode.badOption,
      `srcLang "${srcLang ?? ''}" is none of the aligned languages (${languages.join(', ')}).`,
    );
  }
  return [first, ...languages.filter((language) => language !== first)];
}

/** A summary with every count at zero. */
export function createMultiExportSummary(): MultiExportSummary {
  return { units: 0, oneLanguage: 0, lowConfidence: 0, withoutSource: 0, symbolOnly: 0, otherStatus: 0 };
}

/**
 * Yields the units of the selection with text in two languages or more, the source language among them, each piece
 * passed through `clean`; counts the units it leaves out in `summary`.
 */
export function* collectMultiUnits(
  alignment: MultiAlignment,
  selection: MultiUnitSelection,
  clean: (text: string) => string,
  summary: MultiExportSummary,
): Generator<MultiExportUnit> {
  const paragraphs = selection.units === UnitKind.paragraph;
  const units: readonly MultiUnit[] = paragraphs ? alignment.blocks : alignment.sentences;
  const languages = orderLanguages(alignment, selection.srcLang);
  const source = languages[0] as LanguageCode; // orderLanguages never returns an empty list
  const documents = new Map(alignment.documents.map((document) => [document.language, document]));
  const minConfidence = selection.minConfidence ?? Number.NEGATIVE_INFINITY;
  const statuses = new Set(selection.statuses ?? DEFAULT_EXPORT_STATUSES);
  const reviews = isReviewedMultiAlignment(alignment)
    ? paragraphs
      ? alignment.blockReviews
      : alignment.sentenceReviews
    : null;
  for (const [position, unit] of units.entries()) {
    const texts: [LanguageCode, string][] = [];
    for (const language of languages) {
      const document = documents.get(language) as SegmentedDocument; // the languages are the documents'
      const indices = unit.segments[language] ?? [];
      const text = joinPieces(
        indices.map((i) => (paragraphs ? blockText(document, i) : sentenceText(document, i))),
        clean,
      );
      if (text !== '') texts.push([language, text]);
    }
    if (texts.length < 2) {
      summary.oneLanguage += 1;
      continue;
    }
    const review = reviews?.[position] ?? null;
    if (!statuses.has(review?.status ?? ReviewStatus.pending)) {
      summary.otherStatus += 1;
      continue;
    }
    if (unit.confidence < minConfidence) {
      summary.lowConfidence += 1;
      continue;
    }
    if (texts[0]?.[0] !== source) {
      summary.withoutSource += 1;
      continue;
    }
    // A symbol is the same in every language: a translation memory gains nothing from the unit.
    if (texts.every(([, text]) => isDocumentSymbol(text.replace(/\.$/, '')))) {
      summary.symbolOnly += 1;
      continue;
    }
    summary.units += 1;
    yield {
      unit: position,
      texts,
      confidence: unit.confidence,
      label: labelOf(documents.get(source), unit, source, paragraphs),
      review,
    };
  }
}

function labelOf(
  document: SegmentedDocument | undefined,
  unit: MultiUnit,
  language: LanguageCode,
  paragraphs: boolean,
): string | null {
  const first = unit.segments[language]?.[0];
  if (document === undefined || first === undefined) return null;
  const block = paragraphs ? first : document.sentences[first]?.block;
  return block === undefined ? null : (document.blocks[block]?.path ?? null);
}

function joinPieces(pieces: string[], clean: (text: string) => string): string {
  // As collect-units.ts: each piece trimmed on its own, joined by one space.
  return pieces
    .map((piece) => clean(piece).trim())
    .filter((piece) => piece !== '')
    .join(' ');
}

function sentenceText(document: SegmentedDocument, index: number): string {
  const sentence = document.sentences[index];
  if (sentence === undefined) throw outOfRange(document, 'sentence', index, document.sentences.length);
  return sentence.text;
}

function blockText(document: SegmentedDocument, index: number): string {
  const block = document.blocks[index];
  if (block === undefined) throw outOfRange(document, 'block', index, document.blocks.length);
  return block.text;
}

function outOfRange(document: SegmentedDocument, what: string, index: number, count: number): ExportError {
  return new ExportError(
    ExportErrorCode.beadOutOfRange,
    `A unit names ${what} ${index} but the ${document.language} document has ${count} ${what}s.`,
  );
}
