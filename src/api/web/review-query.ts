/** Query strings of the review pages, validated like the API's. */
import { z } from 'zod';

/** Most block beads one pair page shows; a UN document rarely has more paragraphs. */
export const MAX_BEADS_PER_PAGE = 2000;

/** Query of GET /review/documents/:id: which of the document's units the page shows. */
export const reviewDocumentQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_BEADS_PER_PAGE).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Query of GET /review/:id: a page of paragraph beads, as a document's page of units, or its problems only. */
export const reviewPairQuerySchema = reviewDocumentQuerySchema.extend({
  only: z.enum(['problems']).optional(),
});

/** The string-valued query parameters of a request, empty ones dropped (an HTML form sends "" for "any"). */
export function readQuery(query: unknown): Record<string, string> {
  if (typeof query !== 'object' || query === null) return {};
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}
