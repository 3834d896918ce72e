/**
 * The API's message catalogues (src/api/locales/{en,fr}/*.json), loaded once, chosen per request by a `?lng=` query
 * parameter (so a reviewer can switch a page's language by link) or else by Accept-Language.
 */
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
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

/**
 * Gives each request its language's catalogue (`req.t`, `req.i18n`) and says which in Content-Language. What
 * i18next-http-middleware's handle() does, without its clone of the whole instance for every request (about a quarter
 * of a millisecond, a dozen times for each pair the service aligns, as clients poll): one view per API language, made
 * once.
 */
export function localizeRequests(instance: i18n): RequestHandler {
  const views = new Map(
    API_LANGUAGES.map((language) => {
      const view = instance.cloneInstance({ initAsync: false });
      void view.changeLanguage(language);
      return [language, { view, t: view.t.bind(view) }] as const;
    }),
  );
  const fallback = views.get(API_LANGUAGES[0]) as { view: i18n; t: i18n['t'] };
  return (req, res, next) => {
    // The detector answers the best supported match of ?lng= or else Accept-Language, if any: "fr-CA" stays "fr-CA"
    // (regional forms are accepted), whose catalogue is "fr".
    const detected: unknown = instance.services.languageDetector?.detect(req, res);
    const part = typeof detected === 'string' ? instance.services.languageUtils.getLanguagePartFromCode(detected) : '';
    const language = API_LANGUAGES.find((supported) => supported === part) ?? API_LANGUAGES[0];
    const { view, t } = views.get(language) ?? fallback;
    req.i18n = view;
    req.t = t;
    req.language = language;
    req.languages = [language];
    res.setHeader('Content-Language', language);
    next();
  };
}
