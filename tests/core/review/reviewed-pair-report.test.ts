import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../src/core/align/align-documents.js';
import type { Alignment } from '../../../src/core/model.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { buildParityReport } from '../../../src/core/qa/parity-report.js';
import { buildReviewedAlignment } from '../../../src/core/review/build-reviewed-alignment.js';
import { ReviewStatus, type ReviewBead } from '../../../src/core/review/review-model.js';
import { asReviewedPair } from '../../../src/core/review/reviewed-version-pairs.js';
import { startReview } from '../../../src/core/review/start-review.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';

const corpora = resolve(import.meta.dirname, '..', '..', '..', 'corpora');
const markdownPairs = readdirSync(corpora, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(join(corpora, name)).includes('fr.md'));

function align(name: string): Alignment {
  const read = (language: string) =>
    segmentDocument(
      parseDocument(readFileSync(join(corpora, name, `${language}.md`), 'utf8'), { language, format: 'markdown' }),
    );
  return alignDocuments(read('fr'), read('en'));
}

const reportOf = (aligned: Alignment, beads: ReviewBead[]) =>
  buildParityReport(asReviewedPair(buildReviewedAlignment(aligned, 2, beads, new Map())));

describe('the parity report of a corrected pair (asReviewedPair)', () => {
  it.each(markdownPairs)('is the aligner’s report while nothing is corrected (%s)', (name) => {
    const aligned = align(name);
    expect(reportOf(aligned, startReview(aligned.sentences, 1))).toEqual(buildParityReport(aligned));
  });

  it('loses its parity when a numbered paragraph’s pairing is rejected, and reads the corrected numbers', () => {
    const aligned = align('un-note-ctoc-cop-2018');
    expect(buildParityReport(aligned).parity).toBe(true);
    const beads = startReview(aligned.sentences, 1);
    // The first 1-1 bead of a numbered paragraph holding a four-digit year on both sides.
    const year = /\b(19|20)\d\d\b/;
    const k = beads.findIndex((bead) => {
      const source = aligned.source.sentences[bead.source[0] ?? -1];
      const target = aligned.target.sentences[bead.target[0] ?? -1];
      const path = source === undefined ? null : (aligned.source.blocks[source.block]?.path ?? null);
      return (
        bead.source.length === 1 &&
        bead.target.length === 1 &&
        path !== null &&
        year.test(source?.text ?? '') &&
        year.test(target?.text ?? '')
      );
    });
    expect(k).toBeGreaterThanOrEqual(0);
    // One sentence rejected leaves the paragraphs paired; every sentence pairing of the paragraph rejected leaves
    // the paragraph without a counterpart.
    const oneRejected = beads.map((bead, i) => (i === k ? { ...bead, status: ReviewStatus.rejected } : bead));
    expect(reportOf(aligned, oneRejected).parity).toBe(true);
    const paragraph = aligned.source.sentences[beads[k]?.source[0] ?? -1]?.block;
    const inParagraph = (bead: ReviewBead): boolean =>
      bead.source.some((i) => aligned.source.sentences[i]?.block === paragraph);
    const allRejected = beads.map((bead) => (inParagraph(bead) ? { ...bead, status: ReviewStatus.rejected } : bead));
    expect(reportOf(aligned, allRejected).parity).toBe(false);

    // A reviewer's edit that gets a year wrong is read as the target's text: the report flags the date.
    const target = aligned.target.sentences[beads[k]?.target[0] ?? -1]?.text ?? '';
    const wrongYear = target.replace(year, (found) => String(Number(found) - 1));
    const edited = beads.map((bead, i) => (i === k ? { ...bead, targetText: wrongYear } : bead));
    expect(buildParityReport(aligned).tokenMismatches).toEqual([]);
    const mismatches = reportOf(aligned, edited).tokenMismatches;
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]?.dates.targetOnly).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]);
  });
});
