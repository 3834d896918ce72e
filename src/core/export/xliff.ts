/**
 * XLIFF 1.2 writer: the aligned pair as a bilingual file for CAT tools that review rather than match (Trados,
 * memoQ, Okapi). Spec: XLIFF Version 1.2, OASIS Standard, 1 February 2008.
 */
import type { Alignment } from '../model.js';
import { collectUnits, createExportSummary, type ExportSummary, type UnitSelection } from './collect-units.js';
import { escapeXmlAttribute, escapeXmlText, replaceXmlForbiddenChars } from './xml-text.js';
import { ReviewStatus } from '../review/review-model.js';

// XLIFF 1.2 §2.3.3 state of a unit's <target>, by review status.
const TARGET_STATE: Readonly<Record<ReviewStatus, string>> = {
  pending: 'translated',
  approved: 'signed-off',
  rejected: 'needs-review-translation',
};

/** Options of {@link writeXliff}. */
export interface XliffOptions extends UnitSelection {
  /** The `<file original>` attribute (spec §2.3.1, required): the source file's name. */
  original: string;
}

/**
 * Streams an XLIFF 1.2 document, one chunk for the prolog, one per `<trans-unit>`, one to close; returns the summary.
 */
export function* writeXliff(alignment: Alignment, options: XliffOptions): Generator<string, ExportSummary, undefined> {
  const summary = createExportSummary();
  // §2.3.1 <file>: original, source-language and datatype are required; target-language is optional but wanted.
  const file = [
    `original="${escapeXmlAttribute(options.original)}"`,
    `source-language="${escapeXmlAttribute(alignment.source.language)}"`,
    `target-language="${escapeXmlAttribute(alignment.target.language)}"`,
    'datatype="plaintext"',
  ].join(' ');
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
    `  <file ${file}>\n` +
    '    <header>\n      <tool tool-id="paralign" tool-name="paralign"/>\n    </header>\n' +
    '    <body>\n'
  );
  for (const unit of collectUnits(alignment, options, replaceXmlForbiddenChars, summary)) {
    // §2.4.1: the id must be unique within <file>; the bead's position is.
    const review = unit.review;
    const notes = [
      `confidence ${unit.confidence.toFixed(2)}`,
      ...(unit.label === null ? [] : [`label ${unit.label}`]),
      ...(review === null
        ? []
        : [`review ${review.status}${review.changedBy === null ? '' : ` by ${review.changedBy}`}`]),
    ];
    const sourceLang = escapeXmlAttribute(alignment.source.language);
    const targetLang = escapeXmlAttribute(alignment.target.language);
    // §2.4.1 approved="yes": the translation is signed off; §2.3.3 state values say where review left it.
    const approved = review?.status === ReviewStatus.approved ? ' approved="yes"' : '';
    const state = TARGET_STATE[review?.status ?? ReviewStatus.pending];
    yield (
      `      <trans-unit id="${unit.bead}"${approved}>\n` +
      `        <source xml:lang="${sourceLang}">${escapeXmlText(unit.source)}</source>\n` +
      `        <target xml:lang="${targetLang}" state="${state}">${escapeXmlText(unit.target)}</target>\n` +
      // §2.4.1 content order: <source>, <target>, then <note>s.
      `        <note from="paralign">${escapeXmlText(notes.join('; '))}</note>\n` +
      '      </trans-unit>\n'
    );
  }
  yield '    </body>\n  </file>\n</xliff>\n';
  return summary;
}
