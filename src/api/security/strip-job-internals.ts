/** Keeps stack traces and server paths out of Bull Board's JSON API (job details, error answers). */
import type { RequestHandler } from 'express';

// Fields of BullMQ jobs and of Bull Board's error answers that hold stack traces (with absolute server paths).
const INTERNAL_KEYS = new Set(['stacktrace', 'stack', 'details']);

/** A copy of `value` without stack fields, with absolute file paths in strings cut to their last segment. */
export function stripInternals(value: unknown): unknown {
  if (typeof value === 'string') return stripPaths(value);
  if (Array.isArray(value)) return value.map(stripInternals);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (INTERNAL_KEYS.has(key)) continue;
      copy[key] = stripInternals(field);
    }
    return copy;
  }
  return value;
}

// An absolute POSIX path of at least two segments, or a file:// URL, starting a word: "/work/app/src/x.ts" → "x.ts"
// (a document symbol such as A/RES/70/1 does not start with a slash and stays).
const ABSOLUTE_PATH = /(?<=^|[\s'"(=:])(?:file:\/\/)?(?:\/[\w.@+-]+){2,}\/?/g;

function stripPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (path) => path.split('/').filter(Boolean).pop() ?? '');
}

/** Strips every JSON answer of the dashboard's API with {@link stripInternals}. */
export const stripJobInternals: RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  // An own property outlives the prototype switch Express makes when the dashboard's sub-application takes over.
  res.json = (body?: unknown) => json(stripInternals(body));
  next();
};
