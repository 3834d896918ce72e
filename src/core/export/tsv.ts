/**
 * Tab-separated pairs for spreadsheets and scripts, in the IANA text/tab-separated-values sense: no quoting at all.
 */
import type { Alignment } from '../model.js';
import { collectUnits, createExportSummary, type ExportSummary, type UnitSelection } from './collect-units.js';

/** Options of {@link writeTsv}. */
export type TsvOptions = UnitSelection;

/** The first line {@link writeTsv} writes. */
export const TSV_HEADER = 'source\ttarget\tconfidence\tlabel\n';

// A field can hold neither the separator nor a line break. Python's str.splitlines (and so many line-based
// scripts) also breaks on VT, FF, NEL, LS and PS, so those go too; a space keeps the words apart.
const SEPARATORS = /[\t\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Streams the header then one `source\ttarget\tconfidence\tlabel` line per unit (confidence with two decimals, label
 * empty when none); returns the summary. Quotes are written as they are, so readers must not treat `"` as quoting
 * (pandas: `quoting=csv.QUOTE_NONE`).
 */
export function* writeTsv(alignment: Alignment, options: TsvOptions = {}): Generator<string, ExportSummary, undefined> {
  const summary = createExportSummary();
  yield TSV_HEADER;
  for (const unit of collectUnits(alignment, options, replaceTsvSeparators, summary)) {
    const confidence = Number.isFinite(unit.confidence) ? unit.confidence.toFixed(2) : '';
    yield `${unit.source}\t${unit.target}\t${confidence}\t${replaceTsvSeparators(unit.label ?? '')}\n`;
  }
  return summary;
}

/** Replaces tabs and line breaks of every kind by spaces, so that the text fits in one TSV field. */
export function replaceTsvSeparators(text: string): string {
  return text.replace(SEPARATORS, ' ');
}
