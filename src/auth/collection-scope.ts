/** Which collections an account limited to some may see: the one rule the API and the service's exports follow. */

/**
 * Whether something of `collection` is within `collections`, an account's limit (undefined: the whole store). Nothing
 * without a collection is within a limit.
 */
export function isInCollections(collection: string | null, collections: readonly string[] | undefined): boolean {
  return collections === undefined || (collection !== null && collections.includes(collection));
}
