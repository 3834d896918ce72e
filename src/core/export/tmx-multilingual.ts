/**
 * TMX 1.4b of an n-way alignment: one `<tu>` a unit, one `<tuv>` a language with text in it, the source language's
 * first (translate-toolkit reads the first `<tuv>` as the source).
 */
import type { MultiAlignment } from '../model.js';
import { UnitKind } from './collect-units.js';
import {
  collectMultiUnits,
  createMultiExportSummary,
  orderLanguages,
  type MultiExportSummary,
  type MultiUnitSelection,
} from './collect-multi-units.js';
import { formatTmxProlog, formatTmxUnit, TMX_EPILOG, tmxReviewFields } from './tmx-parts.js';
import { replaceXmlForbiddenChars } from './xml-text.js';

/** Options of {@link writeMultilingualTmx}. */
export interface MultilingualTmxOptions extends MultiUnitSelection {
  /** When the memory is created, written in UTC; core has no clock, so the caller passes it. */
  creationDate: Date;
  /** paralign's version, written as `creationtoolversion`. */
  creationToolVersion: string;
}

/** Streams a TMX 1.4b document, one chunk for the prolog, one per `<tu>`, one to close; returns the summary. */
export function* writeMultilingualTmx(
  alignment: MultiAlignment,
  options: MultilingualTmxOptions,
): Generator<string, MultiExportSummary, undefined> {
  const [srcLang] = orderLanguages(alignment, options.srcLang);
  const pivot = alignment.documents.find((document) => document.language === alignment.pivot);
  const symbol =
    pivot?.meta.symbol ?? alignment.documents.find((document) => document.meta.symbol !== null)?.meta.symbol ?? null;
  const summary = createMultiExportSummary();
  yield formatTmxProlog({
    segtype: options.units === UnitKind.paragraph ? 'paragraph' : 'sentence',
    srcLang: srcLang ?? alignment.pivot,
    creationDate: options.creationDate,
    creationToolVersion: options.creationToolVersion,
  });
  for (const unit of collectMultiUnits(alignment, options, replaceXmlForbiddenChars, summary)) {
    yield formatTmxUnit({
      symbol,
      label: unit.label,
      confidence: unit.confidence,
      variants: unit.texts,
      ...tmxReviewFields(unit.review),
    });
  }
  yield TMX_EPILOG;
  return summary;
}
