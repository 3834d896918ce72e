/** Tab-separated n-way units: one column a language (the source language's first), then confidence and label. */
import type { MultiAlignment } from '../model.js';
import {
  collectMultiUnits,
  createMultiExportSummary,
  orderLanguages,
  type MultiExportSummary,
  type MultiUnitSelection,
} from './collect-multi-units.js';
import { replaceTsvSeparators } from './tsv.js';

/**
 * Streams a header line naming the columns (`en\tfr\t…\tconfidence\tlabel`), then one line per unit, a field empty
 * where a language has no text in the unit; returns the summary. No quoting, as tsv.ts.
 */
export function* writeMultilingualTsv(
  alignment: MultiAlignment,
  options: MultiUnitSelection = {},
): Generator<string, MultiExportSummary, undefined> {
  const languages = orderLanguages(alignment, options.srcLang);
  const summary = createMultiExportSummary();
  yield `${[...languages, 'confidence', 'label'].join('\t')}\n`;
  for (const unit of collectMultiUnits(alignment, options, replaceTsvSeparators, summary)) {
    const texts = new Map(unit.texts);
    const confidence = Number.isFinite(unit.confidence) ? unit.confidence.toFixed(2) : '';
    const fields = [...languages.map((language) => texts.get(language) ?? ''), confidence];
    yield `${[...fields, replaceTsvSeparators(unit.label ?? '')].join('\t')}\n`;
  }
  return summary;
}
