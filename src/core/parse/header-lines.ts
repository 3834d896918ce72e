/**
 * Recognisers for the front-matter lines of UN documents (symbol, distribution, date, languages, session,
 * place and dates, agenda item), in English and French (the original-language line in the six UN languages). Each
 * takes one line with markup already removed.
 */
import type { LanguageCode } from '../model.js';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

/** Lower case, accents removed: "Février" → "fevrier". */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function monthNumber(word: string): number | null {
  return MONTHS[fold(word)] ?? null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})$/u;

/**
 * Reads an issue-date line ("18 July 2018", "18 juillet 2018", "1er janvier 2019", "July 18, 2018") as ISO
 * `YYYY-MM-DD`.
 */
export function parseIssueDate(line: string): string | null {
  const text = line.trim();
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : iso(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month === null ? null : iso(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

// "CTOC/COP/2018/1", "A/RES/70/1", "E/CN.4/2005/L.10/Add.17", "A/AC.999/2019/3", "S/RES/2334".
const SYMBOL_TOKEN = /^[A-Z][A-Z]{0,9}(?:\.\d+)?(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+$/;

/** Whether a token is a UN document symbol. */
export function isDocumentSymbol(token: string): boolean {
  return SYMBOL_TOKEN.test(token) && /\d/.test(token) && !token.endsWith('.');
}

/** The document symbol printed on a header line ("A/RES/70/1", or "United Nations A/RES/70/1"), or null. */
export function findDocumentSymbol(line: string): string | null {
  for (const token of line.trim().split(/\s+/)) {
    if (isDocumentSymbol(token)) return token;
  }
  return null;
}

const DISTRIBUTION = /^Distr(?:\.\s*:?|\s*:)\s*(\p{L}[\p{L}-]*)/iu;

/** The distribution as printed ("General", "générale", "limitée") on a "Distr." line, or null. */
export function parseDistribution(line: string): string | null {
  return DISTRIBUTION.exec(line.trim())?.[1] ?? null;
}

// Language names as UN headers print them: English, French and Spanish names, Russian nominative and prepositional
// forms ("Подлинный текст: английский", "Подлинный текст на английском языке"), Arabic names without the "بـ" of
// "الأصل: بالإنكليزية" and Chinese names ("原件：英文"). Keys are folded when the table is built, as names are when
// looked up ("inglés" → "ingles", "й" → "и", "إ" → "ا").
const LANGUAGE_NAMES: ReadonlyMap<string, LanguageCode> = new Map(
  Object.entries({
    en: ['english', 'anglais', 'inglés', 'английский', 'английском', 'الإنكليزية', 'الإنجليزية', '英文', '英语'],
    fr: ['french', 'français', 'francés', 'французский', 'французском', 'الفرنسية', '法文', '法语'],
    es: ['spanish', 'espagnol', 'español', 'испанский', 'испанском', 'الإسبانية', '西班牙文', '西班牙语'],
    ru: ['russian', 'russe', 'ruso', 'русский', 'русском', 'الروسية', '俄文', '俄语'],
    ar: ['arabic', 'arabe', 'árabe', 'арабский', 'арабском', 'العربية', '阿拉伯文', '阿拉伯语'],
    zh: ['chinese', 'chinois', 'chino', 'китайский', 'китайском', 'الصينية', '中文', '汉语'],
  }).flatMap(([code, names]) => names.map((name): [string, LanguageCode] => [fold(name), code])),
);

/** ISO 639-1 code of a UN language's name as headers print it ("anglais", "английский", "英文" → "en"), or null. */
export function languageCodeOf(name: string): LanguageCode | null {
  const folded = fold(name);
  // Arabic glues the preposition to the name: "بالإنكليزية" is "in English".
  return LANGUAGE_NAMES.get(folded) ?? LANGUAGE_NAMES.get(folded.replace(/^ب(?=ال)/u, '')) ?? null;
}

// The drafting-language line, optionally in the square brackets of a letter's annex: "Original: English",
// "Original : anglais", "Original: inglés", "Подлинный текст: английский", "Подлинный текст на английском языке",
// "الأصل: بالإنكليزية", "原件：英文" (also "原文").
const ORIGINAL = [
  /^\[?Original\s*:\s*(\p{L}+)/iu,
  /^\[?Подлинный\s+текст\s*(?::|на)\s*(\p{L}+)/iu,
  /^\[?الأصل\s*:\s*(\p{L}+)/u,
  /^[[［]?(?:原件|原文)\s*[:：]\s*(\p{L}+)/u,
];

/** The drafting language of an "Original: English" line, in any of the six UN languages, or null. */
export function parseOriginalLanguage(line: string): LanguageCode | null {
  const text = line.trim();
  for (const pattern of ORIGINAL) {
    const m = pattern.exec(text);
    if (m) return languageCodeOf(m[1] ?? '');
  }
  return null;
}

/** Whether a line is only a language name ("Français", "English"), as printed under the date. */
export function isLanguageLine(line: string): boolean {
  const text = line.trim();
  return /^\p{L}+$/u.test(text) && languageCodeOf(text) !== null;
}

/** Whether a line is a session line ("Ninth session", "Neuvième session", "Seventy-eighth session"). */
export function isSessionLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 80 && /\bsession\b/i.test(text) && !/[.:;]$/.test(text) && !/^Distr/i.test(text);
}

/** Whether a line is a place and dates line ("Vienna, 15–19 October 2018", "Vienne, 3 et 4 juin 2019"). */
export function isPlaceDateLine(line: string): boolean {
  const m = /^\p{Lu}[\p{L}.' -]{1,40},\s+(.*\d{4})$/u.exec(line.trim());
  if (!m) return false;
  return (m[1] ?? '').split(/[\s\u2013-]+/).some((word) => monthNumber(word) !== null);
}

const AGENDA_LINE =
  /^(?:(?:provisional\s+)?agenda\s+items?|items?|points?)\s+(\d{1,3})(?:\s*\(([a-z])\)|\s+([a-z])\))?(?=[\s*,.:;]|$)/i;

/**
 * The agenda item value of an agenda line ("Item 2 (b) of the provisional agenda*" → "2b", "Point 108 de l'ordre du
 * jour" → "108"), or null.
 */
export function parseAgendaItem(line: string): string | null {
  const m = AGENDA_LINE.exec(line.trim());
  return m ? `${m[1] ?? ''}${m[2] ?? m[3] ?? ''}` : null;
}

const BODY_NAMES = new Set([
  'united nations',
  'nations unies',
  'general assembly',
  'assemblee generale',
  'security council',
  'conseil de securite',
  'economic and social council',
  'conseil economique et social',
]);

/**
 * Whether a line is one of the standard front-matter lines (symbol, organ, distribution, date, languages, session,
 * place, agenda item).
 */
export function isHeaderLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  const symbol = findDocumentSymbol(text);
  if (symbol !== null && (text === symbol || text.length <= 60)) return true;
  return (
    BODY_NAMES.has(fold(text)) ||
    parseDistribution(text) !== null ||
    parseIssueDate(text) !== null ||
    parseOriginalLanguage(text) !== null ||
    isLanguageLine(text) ||
    isSessionLine(text) ||
    isPlaceDateLine(text) ||
    parseAgendaItem(text) !== null
  );
}
