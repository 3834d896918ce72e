/**
 * Concordance hits with the same unit in the other languages of their document: a pair that aligns one version of a
 * document with its pivot is merged through the pivot with the document's other pairs, and the n-way sentence unit
 * holding the hit gives each other language's text.
 */
import type { LanguageCode, MultiAlignment } from '../core/model.js';
import type { ReviewedAlignment } from '../core/review/review-model.js';
import { mergeReviewedVersions } from '../core/review/reviewed-version-pairs.js';
import type { DocumentRecord, SearchHit, Store } from '../storage/store.js';
import { loadReviewedPairs } from './load-reviewed-alignment.js';

/** The text of a hit's unit in one more language of its document. */
export interface ParallelText {
  /** The language. */
  language: LanguageCode;
  /** The unit's sentences in that language, joined by a space; empty when that version has nothing there. */
  text: string;
}

/** A hit, with its document's other languages when its pair belongs to one. */
export interface HitWithVersions extends SearchHit {
  /** The document the pair belongs to and the unit in each of its languages but the hit's; absent for a lone pair. */
  document?: { id: string; pivot: LanguageCode; versions: ParallelText[] };
}

/**
 * Adds to each hit whose pair belongs to a document the same unit in the document's other languages (the pivot first,
 * then the versions in language order); a document with a pair not aligned yet adds nothing. Each document is loaded
 * once however many hits it has.
 */
export async function addDocumentVersions(store: Store, hits: readonly SearchHit[]): Promise<HitWithVersions[]> {
  const ofPair = new Map<string, Promise<DocumentRecord | null>>();
  const aligned = new Map<string, Promise<AlignedDocument | null>>();
  const out: HitWithVersions[] = [];
  for (const hit of hits) {
    if (!ofPair.has(hit.pairId)) ofPair.set(hit.pairId, store.getDocumentOfPair(hit.pairId));
    const document = await ofPair.get(hit.pairId);
    if (document === null || document === undefined) {
      out.push(hit);
      continue;
    }
    if (!aligned.has(document.id)) aligned.set(document.id, alignDocument(store, document));
    const alignment = await aligned.get(document.id);
    const versions = alignment === null || alignment === undefined ? null : unitVersions(alignment, hit);
    out.push(
      versions === null ? hit : { ...hit, document: { id: document.id, pivot: document.pivotLanguage, versions } },
    );
  }
  return out;
}

/** A document's version pairs as reviewed, and merged through the pivot with the reviews carried in. */
interface AlignedDocument {
  /** Each version's pair as its current version has it, in the order of `merged.pairs`: what hits index. */
  reviewed: ReviewedAlignment[];
  merged: MultiAlignment;
}

// The document's current versions (reviewers' corrections included) merged through the pivot, or null while one of
// its pairs is not aligned.
async function alignDocument(store: Store, document: DocumentRecord): Promise<AlignedDocument | null> {
  const pairIds = document.versions.flatMap((version) => (version.pairId === null ? [] : [version.pairId]));
  const alignments = await loadReviewedPairs(store, pairIds);
  if (alignments === null) return null;
  const merged = mergeReviewedVersions(alignments, document.pivotLanguage);
  return merged === null ? null : { reviewed: alignments, merged };
}

// The n-way units holding the hit's sentences (its bead in its own pair, on its language's side), and their text in
// every other language of the document.
function unitVersions({ reviewed, merged: alignment }: AlignedDocument, hit: SearchHit): ParallelText[] | null {
  // The hit names a bead of its pair's current version; the merged pairs may have split rejected beads in two.
  const pairIndex = reviewed.findIndex(
    (pair) =>
      (pair.source.language === hit.language && pair.target.language === hit.otherLanguage) ||
      (pair.target.language === hit.language && pair.source.language === hit.otherLanguage),
  );
  const pair = reviewed[pairIndex];
  const bead = pair?.sentences[hit.index];
  if (pair === undefined || bead === undefined) return null;
  const own = pair.source.language === hit.language ? bead.source : bead.target;
  const units = alignment.sentences.filter((unit) =>
    (unit.segments[hit.language] ?? []).some((index) => own.includes(index)),
  );
  if (units.length === 0) return null;
  const languages = alignment.documents
    .map((document) => document.language)
    .filter((language) => language !== hit.language)
    .sort((a, b) => Number(b === alignment.pivot) - Number(a === alignment.pivot) || a.localeCompare(b));
  return languages.map((language) => {
    const document = alignment.documents.find((candidate) => candidate.language === language);
    const indices = units.flatMap((unit) => unit.segments[language] ?? []);
    const text = indices.map((index) => document?.sentences[index]?.text ?? '').filter((t) => t !== '');
    return { language, text: text.join(' ') };
  });
}
