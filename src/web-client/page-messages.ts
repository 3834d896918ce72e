/**
 * The scripts' messages: the server puts the `client` part of the review catalogue, in the page's language, into
 * the page; i18next (the catalogue's own library) fills in their values and chooses plural forms.
 */
import i18next from 'i18next';

/** Looks up a message of the page's `client` catalogue and fills in `values`; returns plain text. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator over `messages` in `language`. */
export function createTranslator(language: string, messages: unknown): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    initAsync: false,
    resources: { [language]: { client: isRecord(messages) ? messages : {} } },
    ns: ['client'],
    defaultNS: 'client',
    // The scripts set text (textContent), never markup: escaping would show "&amp;" to the reader.
    interpolation: { escapeValue: false },
  });
  return (key, values) => instance.t(key, values ?? {});
}

/** The JSON of a `data-*` attribute of `element`, or null when absent or not JSON. */
export function readDataJson(element: HTMLElement, name: string): unknown {
  const text = element.dataset[name];
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
