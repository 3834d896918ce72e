/** Answers a page of an alignment version with the version as its ETag, each bead with its sentences' texts. */
import type { Response } from 'express';
import type { Alignment, SegmentedDocument } from '../core/model.js';
import type { AlignmentPage, PageRequest } from '../storage/store.js';

/**
 * The ETag of version `version` (RFC 9110 §8.8.3, strong): a pair's version numbers are never reused, so at one URL
 * the same tag always means the same body.
 */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/**
 * Sends `page` as `{ version, items, total, limit, offset }` with its ETag (304 to a GET that already has it); each
 * sentence bead also gets the own texts of its sentences from `aligned` (`sourceSentenceTexts`, `targetSentenceTexts`),
 * so that a client can show where a split would fall.
 */
export function sendAlignmentPage(res: Response, page: AlignmentPage, request: PageRequest, aligned: Alignment): void {
  res.setHeader('ETag', versionEtag(page.version));
  // Always revalidated: the current version changes under a reader whenever someone edits.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.json({
    version: page.version,
    items: page.items.map((item) => ({
      ...item,
      segments: item.segments.map((segment) => ({
        ...segment,
        sourceSentenceTexts: sentenceTexts(aligned.source, segment.sourceSentences),
        targetSentenceTexts: sentenceTexts(aligned.target, segment.targetSentences),
      })),
    })),
    total: page.total,
    limit: request.limit,
    offset: request.offset,
  });
}

function sentenceTexts(doc: SegmentedDocument, indices: readonly number[]): string[] {
  // Trimmed as the store joins them (src/core/review/bead-side-text.ts).
  return indices.map((index) => doc.sentences[index]?.text.trim() ?? '');
}
