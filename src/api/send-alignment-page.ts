/** Answers a page of an alignment version with the version as its ETag. */
import type { Response } from 'express';
import type { AlignmentPage, PageRequest } from '../storage/store.js';

/**
 * The ETag of version `version` (RFC 9110 §8.8.3, strong): a pair's version numbers are never reused, so at one URL
 * the same tag always means the same body.
 */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/** Sends `page` as `{ version, items, total, limit, offset }` with its ETag; 304 to a GET that already has it. */
export function sendAlignmentPage(res: Response, page: AlignmentPage, request: PageRequest): void {
  res.setHeader('ETag', versionEtag(page.version));
  // Always revalidated: the current version changes under a reader whenever someone edits.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.json({
    version: page.version,
    items: page.items,
    total: page.total,
    limit: request.limit,
    offset: request.offset,
  });
}
