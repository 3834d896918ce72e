/** The language reports are written in for a request: the request's own when reports speak it, else English. */
import type { Request } from 'express';
import type { ReportLocale } from '../core/language-names.js';

/** The request's language as a {@link ReportLocale} ("fr" for "fr-CA"), English for any other. */
export function reportLocale(req: Request): ReportLocale {
  return req.i18n?.resolvedLanguage === 'fr' ? 'fr' : 'en';
}
