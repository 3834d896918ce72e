/**
 * The API's message catalogues (src/api/locales/{en,fr}/*.json), loaded once, chosen per request by a `?lng=` query
 * parameter (so a reviewer can switch a page's language by link) or else by Accept-Language.
 */
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';
import FsBackend from 'i18next-fs-backend';
import { LanguageDetector } from 'i18next-http-middleware';

/** Languages the API answers in; the first is the fallback. */
export const API_LANGUAGES = ['en', 'fr'] as const;

/** Catalogue files, one per namespace, in each language folder. */
export const API_NAMESPACES = ['errors', 'status', 'review'] as const;

/** Creates an initialised i18next instance reading the catalogues synchronously (no request can race the load). */
export function createApiI18n(): i18n {
  const instance = i18next.createInstance();
  const localesDir = fileURLToPath(new URL('./locales/', import.meta.url));
  void instance
    .use(FsBackend)
    .use(LanguageDetector)
    .init({
      initAsync: false,
      supportedLngs: [...API_LANGUAGES],
      fallbackLng: 'en',
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      preload: [...API_LANGUAGES],
      ns: [...API_NAMESPACES],
      defaultNS: 'errors',
      // Messages go into JSON, not HTML: escaping would turn "A/1" into "A&#x2F;1" (shared/STACK.md).
      interpolation: { escapeValue: false },
      backend: { loadPath: `${localesDir}{{lng}}/{{ns}}.json` },
      detection: { order: ['querystring', 'header'], lookupQuerystring: 'lng', caches: false },
    });
  return instance;
}
