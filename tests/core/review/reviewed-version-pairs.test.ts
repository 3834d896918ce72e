import { describe, expect, it } from 'vitest';
import { mergePivotAlignments } from '../../../src/core/align/merge-pivot-alignments.js';
import {
  collectMultiUnits,
  createMultiExportSummary,
  type MultiExportSummary,
} from '../../../src/core/export/collect-multi-units.js';
import { UnitKind } from '../../../src/core/export/collect-units.js';
import { writeMultilingualTmx } from '../../../src/core/export/tmx-multilingual.js';
import type { Alignment, LanguageCode, MultiAlignment } from '../../../src/core/model.js';
import { buildReviewedAlignment } from '../../../src/core/review/build-reviewed-alignment.js';
import { ReviewStatus, type ReviewBead, type ReviewedAlignment } from '../../../src/core/review/review-model.js';
import { mergeReviewedVersions } from '../../../src/core/review/reviewed-version-pairs.js';
import { startReview } from '../../../src/core/review/start-review.js';
import { syntheticAlignment } from '../../../harness/synthetic-alignment.js';
import { snapshot } from './review-fixture.js';

const SENTENCES = 12;

/** A version (`language`, "fr 3." …) aligned 1-1 with the English pivot ("en 3." …), ten sentences a paragraph. */
function versionPair(language: LanguageCode, confidence = 0.8): Alignment {
  const aligned = syntheticAlignment(SENTENCES, language, {
    sentenceText: (side, _tag, index) => `${side === 'fr' ? language : 'en'} ${index}.`,
    confidence: () => confidence,
    symbol: () => 'R/1',
  });
  return { ...aligned, source: { ...aligned.source, language } };
}

/** Version 2 of `pair`: its beads changed by `change`, made at `minute` past midnight. */
function reviewed(pair: Alignment, change: (beads: ReviewBead[]) => ReviewBead[], minute = 0): ReviewedAlignment {
  const beads = change(startReview(pair.sentences, 1)).map((bead) => ({ ...bead, changedIn: 2 }));
  const stamps = new Map([
    [1, { version: 1, author: null, createdAt: new Date('2026-12-01T00:00:00Z') }],
    [2, { version: 2, author: 'qa', createdAt: new Date(Date.UTC(2026, 11, 1, 0, minute)) }],
  ]);
  return buildReviewedAlignment(pair, 2, beads, stamps);
}

const options = { creationDate: new Date('2026-12-07T00:00:00Z'), creationToolVersion: 'test' };

const unchanged = (beads: ReviewBead[]): ReviewBead[] => beads;

function at(index: number, change: Partial<ReviewBead>): (beads: ReviewBead[]) => ReviewBead[] {
  return (beads) => beads.map((bead, k) => (k === index ? { ...bead, ...change } : bead));
}

/** The units a multilingual export writes, each as language → text, and what it left out. */
function exported(
  alignment: MultiAlignment | null,
  units: UnitKind = UnitKind.sentence,
  statuses?: ReviewStatus[],
): { texts: Record<string, string>[]; summary: MultiExportSummary } {
  if (alignment === null) throw new Error('no alignment');
  const summary = createMultiExportSummary();
  const selection = { units, ...(statuses === undefined ? {} : { statuses }) };
  const texts = [...collectMultiUnits(alignment, selection, (text) => text, summary)].map((unit) =>
    Object.fromEntries(unit.texts),
  );
  return { texts, summary };
}

describe('mergeReviewedVersions: the n-way alignment follows the reviews of its pairs', () => {
  it('is the aligner merge when nobody changed anything', () => {
    const fr = versionPair('fr');
    const es = versionPair('es');
    const merged = mergeReviewedVersions([reviewed(fr, unchanged), reviewed(es, unchanged)], 'en');
    const plain = mergePivotAlignments([fr.target, fr.source, es.source], 'en', [fr, es]);
    expect(merged?.sentences).toEqual(plain.sentences);
    expect(merged?.blocks).toEqual(plain.blocks);
    expect(exported(merged).texts).toEqual(exported(plain).texts);
  });

  it('reads an edited side as its edit, once, and leaves the pairs as they were', () => {
    const fr = reviewed(versionPair('fr'), (beads) => {
      const [a, b, ...rest] = beads.slice(3);
      // fr 3-4 with en 3-4, edited: the unit reads as the edit, not as the edit and "fr 4.".
      const merged: ReviewBead = {
        ...(a as ReviewBead),
        source: [3, 4],
        target: [3, 4],
        sourceText: 'Trois et quatre.',
      };
      return [...beads.slice(0, 3), merged, ...rest].filter((bead) => bead !== b);
    });
    const es = reviewed(versionPair('es'), at(3, { sourceText: 'Tres, corregido.' }));
    const before = snapshot([fr, es]);
    const { texts } = exported(mergeReviewedVersions([fr, es], 'en'));
    expect(texts[3]).toEqual({ en: 'en 3. en 4.', fr: 'Trois et quatre.', es: 'Tres, corregido. es 4.' });
    expect(texts[2]).toEqual({ en: 'en 2.', fr: 'fr 2.', es: 'es 2.' });
    expect([fr, es]).toEqual(before);
  });

  it('applies edits of the pivot from every pair, the most recent last', () => {
    const frFirst = reviewed(versionPair('fr'), at(5, { targetText: 'Five (from the French pair).' }), 10);
    const esLater = reviewed(versionPair('es'), at(5, { targetText: 'Five (from the Spanish pair).' }), 20);
    expect(exported(mergeReviewedVersions([frFirst, esLater], 'en')).texts[5]?.en).toBe(
      'Five (from the Spanish pair).',
    );
    const frLater = reviewed(versionPair('fr'), at(5, { targetText: 'Five (from the French pair).' }), 30);
    expect(exported(mergeReviewedVersions([frLater, esLater], 'en')).texts[5]?.en).toBe('Five (from the French pair).');
  });

  it('takes a rejected version sentence out of the pivot unit, which keeps its other languages', () => {
    const fr = reviewed(versionPair('fr'), at(7, { status: ReviewStatus.rejected }));
    const merged = mergeReviewedVersions([fr, reviewed(versionPair('es'), unchanged)], 'en');
    const { texts, summary } = exported(merged);
    expect(texts).toContainEqual({ en: 'en 7.', es: 'es 7.' });
    expect(texts.some((unit) => unit.fr === 'fr 7.')).toBe(false);
    // "fr 7." stands alone: one language, nothing to pair it with.
    expect(summary.oneLanguage).toBe(1);
    expect(merged?.sentences.filter((unit) => unit.segments.fr?.includes(7))).toEqual([
      { segments: { en: [], fr: [7], es: [] }, confidence: 1 },
    ]);
  });

  it('counts an approved bead at confidence 1 in its unit', () => {
    const fr = reviewed(versionPair('fr', 0.3), at(2, { status: ReviewStatus.approved }));
    const es = reviewed(versionPair('es', 0.9), unchanged);
    const units = mergeReviewedVersions([fr, es], 'en')?.sentences ?? [];
    expect(units[2]?.confidence).toBe(0.9);
    expect(units[1]?.confidence).toBe(0.3);
  });

  it('builds an edited paragraph from its sentences, edits included', () => {
    const fr = reviewed(versionPair('fr'), at(1, { sourceText: 'Un, corrigé.' }));
    const { texts } = exported(
      mergeReviewedVersions([fr, reviewed(versionPair('es'), unchanged)], 'en'),
      UnitKind.paragraph,
    );
    expect(texts[0]?.fr).toBe('fr 0. Un, corrigé. fr 2. fr 3. fr 4. fr 5. fr 6. fr 7. fr 8. fr 9.');
    expect(texts[0]?.es).toBe('es 0. es 1. es 2. es 3. es 4. es 5. es 6. es 7. es 8. es 9.');
  });

  it('gives each unit a review state: approved when all its beads are, changed by the last to change one', () => {
    const approve = at(4, { status: ReviewStatus.approved });
    const fr = reviewed(versionPair('fr'), approve, 10);
    const es = reviewed(versionPair('es'), (beads) => at(6, { status: ReviewStatus.approved })(approve(beads)), 20);
    const merged = mergeReviewedVersions([fr, es], 'en');
    const at20 = new Date(Date.UTC(2026, 11, 1, 0, 20));
    expect(merged?.sentenceReviews[4]).toEqual({ status: 'approved', changedBy: 'qa', changedAt: at20 });
    // Approved in the Spanish pair only: the French bead of the unit is still pending.
    expect(merged?.sentenceReviews[6]?.status).toBe('pending');
    const approvedOnly = exported(merged, UnitKind.sentence, [ReviewStatus.approved]);
    expect(approvedOnly.texts).toEqual([{ en: 'en 4.', fr: 'fr 4.', es: 'es 4.' }]);
    expect(approvedOnly.summary.otherStatus).toBe(SENTENCES - 1);
    const tmx = [...writeMultilingualTmx(merged as MultiAlignment, options)].join('');
    const unit = [...tmx.matchAll(/<tu[ >][\s\S]*?<\/tu>/g)].find(([chunk]) => chunk.includes('en 4.'))?.[0] ?? '';
    expect(unit).toContain('changeid="qa"');
    expect(unit).toContain('<prop type="x-review-status">approved</prop>');
  });

  it("names the person who changed a unit even when another version's pair was aligned after", () => {
    const fr = reviewed(versionPair('fr'), at(4, { status: ReviewStatus.approved }), 10);
    // Spanish aligned at 00:30, after the French correction at 00:10, and never corrected.
    const alignedLater = new Date(Date.UTC(2026, 11, 1, 0, 30));
    const es = buildReviewedAlignment(
      versionPair('es'),
      1,
      startReview(versionPair('es').sentences, 1),
      new Map([[1, { version: 1, author: null, createdAt: alignedLater }]]),
    );
    const reviews = mergeReviewedVersions([fr, es], 'en')?.sentenceReviews;
    expect(reviews?.[4]).toMatchObject({ changedBy: 'qa', changedAt: new Date(Date.UTC(2026, 11, 1, 0, 10)) });
  });

  it('has nothing to merge without a pair', () => {
    expect(mergeReviewedVersions([], 'en')).toBeNull();
  });
});
