/** Links of the review pages: the same page with some query parameters changed. */

/** Builds `path?query` with `changes` applied; a change to undefined removes the parameter. */
export function buildHref(
  path: string,
  query: Readonly<Record<string, string>>,
  changes: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (!(key in changes)) params.set(key, value);
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
