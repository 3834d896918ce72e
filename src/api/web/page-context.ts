/** What every review page renderer is given besides its data: the page language and its message catalogue. */
import { findAccessRule, mayAccess } from '../access-policy.js';
import type { Role } from '../../auth/roles.js';

/** Looks up a message of the `review` namespace (or `ns:key` of another) and fills in `values`; returns plain text. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The request-dependent part of a page, passed to the pure renderers. */
export interface PageContext {
  /** Language the page is written in ("en" or "fr"), for `<html lang>` and number formatting. */
  language: string;
  /** Message lookup in `language`. */
  t: Translate;
  /** Path of the page (no query), for the language switch links. */
  path: string;
  /** Query parameters of the page, kept by the language switch links. */
  query: Readonly<Record<string, string>>;
  /** The signed-in account and the CSRF token of its sign-out form; absent when nobody signed in. */
  account?: { name: string; role: string; csrfToken: string } | undefined;
  /** Role of whoever asks (the local admin when accounts are off); absent when nobody signed in. */
  role?: Role | undefined;
}

/** Whether the context's role may use `method path` under the access policy (what a page offers as links). */
export function mayUse(context: PageContext, method: 'GET' | 'POST', path: string): boolean {
  const rule = findAccessRule(method, path);
  return rule !== undefined && context.role !== undefined && mayAccess(rule, context.role);
}

/** Formats a confidence in [0, 1] with two decimals in the page's language ("0.87", "0,87"). */
export function formatConfidence(context: PageContext, confidence: number): string {
  return new Intl.NumberFormat(context.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    confidence,
  );
}

/** Formats an instant as "2019-07-12 09:30 UTC": unambiguous for reviewers in any time zone. */
export function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
