import type { LanguageCode } from '../model.js';

/** The tokens of a text that must survive translation unchanged, each in a language-neutral form. */
export interface ComparableTokens {
  /**
   * Numbers with typography removed: "1250.5" for "1,250.5" (en) and "1 250,5" (fr); times of day as 24-hour hour
   * and minute ("3.30 p.m." gives "15" and "30", as "15 h 30" does); distinct, in text order.
   */
  numbers: string[];
  /** Document symbols exactly as printed ("A/RES/70/1"); distinct, in text order. */
  symbols: string[];
  /**
   * Dates as ISO 8601 "2018-07-18", "2018-07" (month and year) or "--07-18" (day and month); distinct, in text order.
   */
  dates: string[];
  /** Values of numbers and ordinals 0 to 20 written as words ("five", "cinquième" → "5"); they only excuse a digit. */
  numberWords: string[];
}

// Month names of the languages UN documents come in; any language is accepted on either side so that a French
// text quoting an English date still matches. Accents are optional because PDF extraction sometimes loses them.
const MONTHS: ReadonlyArray<readonly [month: number, names: readonly string[]]> = [
  [1, ['january', 'janvier', 'januar', 'jänner', 'enero']],
  [2, ['february', 'février', 'fevrier', 'februar', 'febrero']],
  [3, ['march', 'mars', 'märz', 'marz', 'marzo']],
  [4, ['april', 'avril', 'abril']],
  [5, ['may', 'mai', 'mayo']],
  [6, ['june', 'juin', 'juni', 'junio']],
  [7, ['july', 'juillet', 'juli', 'julio']],
  [8, ['august', 'août', 'aout', 'agosto']],
  [9, ['september', 'septembre', 'septiembre', 'setiembre']],
  [10, ['october', 'octobre', 'oktober', 'octubre']],
  [11, ['november', 'novembre', 'noviembre']],
  [12, ['december', 'décembre', 'decembre', 'dezember', 'diciembre']],
];

const MONTH_BY_NAME = new Map<string, number>(
  MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

// Longest first, so that "marzo" is not read as "mar" + "zo".
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`;
// "18", "1er" (fr), "18." (de), "1º" (es).
const DAY = '(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|\\.|º)?';
const YEAR = '(\\d{4})(?!\\d)';
// "18 de julio de 2018" (es).
const DE = '(?:de\\s+)?';

const DATE_DAY_MONTH_YEAR = new RegExp(`${DAY}\\s+${DE}${MONTH},?\\s+${DE}${YEAR}`, 'giu');
const DATE_MONTH_DAY_YEAR = new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, 'giu');
const DATE_DAY_MONTH = new RegExp(`${DAY}\\s+${DE}${MONTH}`, 'giu');
const DATE_MONTH_YEAR = new RegExp(`(?<!\\p{L})${MONTH}\\s+${DE}${YEAR}`, 'giu');
const DATE_MONTH_DAY = new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])`, 'giu');

// Times of day, read as the hour and minute numbers a 24-hour clock shows: "3.30 p.m." (en) and "15 h 30" (fr)
// both give 15 and 30; zero minutes are dropped because "10 a.m." is "10 heures". Durations ("3 heures") are
// left alone: they read as the number 3, as "3 hours" does.
const TIME_12_HOUR = /(?<![\p{L}\p{N}.])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.\s?m\.?(?!\p{L})/giu;
// "at 1855 hours" (UN English for military and field reports) is "à 18 h 55".
const TIME_HOURS = /(?<![\p{L}\p{N}])([01]\d|2[0-3])([0-5]\d)(?=\s*hours?(?!\p{L}))/gu;
const TIME_24_HOUR = /(?<![\p{L}\p{N}.])(\d{1,2})(?:\s*h\s*(\d{2})?|(?:[.:](\d{2}))?\s*Uhr)(?![\p{L}\p{N}])/gu;

// UN English and French write small numbers and ordinals as words ("five minutes" / "5 minutes", "2nd meeting" /
// "deuxième séance"): a digit on one side is excused when the other side spells it. "un"/"une"/"one" often
// excuse a "1": a lost "1" is the cheapest loss. Compounds ("cinquante-deuxième") are not read as their last part.
const NUMBER_WORDS: ReadonlyArray<readonly string[]> = [
  ['zero', 'zéro', 'null', 'cero'],
  [
    'one',
    'first',
    'un',
    'une',
    'premier',
    'première',
    'eins',
    'ein',
    'eine',
    'erste',
    'uno',
    'una',
    'primero',
    'primera',
  ],
  ['two', 'second', 'deux', 'deuxième', 'seconde', 'zwei', 'zweite', 'dos', 'segundo', 'segunda'],
  ['three', 'third', 'trois', 'troisième', 'drei', 'dritte', 'tres', 'tercero', 'tercera'],
  ['four', 'fourth', 'quatre', 'quatrième', 'vier', 'vierte', 'cuatro', 'cuarto', 'cuarta'],
  ['five', 'fifth', 'cinq', 'cinquième', 'fünf', 'fünfte', 'cinco', 'quinto', 'quinta'],
  ['six', 'sixth', 'sixième', 'sechs', 'sechste', 'seis', 'sexto', 'sexta'],
  ['seven', 'seventh', 'sept', 'septième', 'sieben', 'siebte', 'siete', 'séptimo', 'séptima'],
  ['eight', 'eighth', 'huit', 'huitième', 'acht', 'achte', 'ocho', 'octavo', 'octava'],
  ['nine', 'ninth', 'neuf', 'neuvième', 'neun', 'neunte', 'nueve', 'noveno', 'novena'],
  ['ten', 'tenth', 'dix', 'dixième', 'zehn', 'zehnte', 'diez', 'décimo', 'décima'],
  ['eleven', 'eleventh', 'onze', 'onzième', 'elf', 'elfte', 'once'],
  ['twelve', 'twelfth', 'douze', 'douzième', 'zwölf', 'zwölfte', 'doce'],
  ['thirteen', 'thirteenth', 'treize', 'treizième', 'dreizehn', 'trece'],
  ['fourteen', 'fourteenth', 'quatorze', 'quatorzième', 'vierzehn', 'catorce'],
  ['fifteen', 'fifteenth', 'quinze', 'quinzième', 'fünfzehn', 'quince'],
  ['sixteen', 'sixteenth', 'seize', 'seizième', 'sechzehn', 'dieciséis'],
  ['seventeen', 'seventeenth', 'dix-sept', 'dix-septième', 'siebzehn', 'diecisiete'],
  ['eighteen', 'eighteenth', 'dix-huit', 'dix-huitième', 'achtzehn', 'dieciocho'],
  ['nineteen', 'nineteenth', 'dix-neuf', 'dix-neuvième', 'neunzehn', 'diecinueve'],
  ['twenty', 'twentieth', 'vingt', 'vingtième', 'zwanzig', 'veinte'],
];
const NUMBER_WORD_VALUE = new Map<string, string>(
  NUMBER_WORDS.flatMap((words, value) => words.map((word) => [word, String(value)] as const)),
);
const NUMBER_WORD = new RegExp(
  `(?<![\\p{L}-])(${[...NUMBER_WORD_VALUE.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}-])`,
  'giu',
);

// UN document symbols: an upper-case body, then "/"-separated parts ("A/RES/70/1", "E/CN.4/2005/L.10/Add.17",
// "CTOC/COP/WG.4/2017/4"); `isDocumentSymbol` then requires a digit, so that "UNODC/UNDP" or "TCP/IP" are not symbols.
const SYMBOL = /(?<![\p{L}\p{N}/.])[A-Z][A-Z0-9]*(?:[.-][A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)+/gu;

// Thousands separators: space, no-break space, narrow no-break space (French typography), thin space.
const SPACES = ' \\u00A0\\u202F\\u2009';

// Languages whose decimal separator is a comma and thousands separator a space or a full stop.
const DECIMAL_COMMA_LANGUAGES: ReadonlySet<LanguageCode> = new Set([
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'ru',
  'nl',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'nn',
  'no',
  'cs',
  'sk',
  'sl',
  'hr',
  'ro',
  'bg',
  'uk',
  'el',
  'tr',
  'hu',
  'id',
  'vi',
]);

// Group 1: the integer part with its thousands separators; group 2: the fractional digits.
// A full stop before a group that is not exactly three digits ("règle 4.2") is read as a decimal point in every
// language, so "4.2" compares equal on both sides.
const NUMBER_DECIMAL_POINT = new RegExp(
  `(?<!\\d)(\\d{1,3}(?:[,${SPACES}]\\d{3})+(?!\\d)|\\d+)(?:\\.(\\d+))?(?!\\d)`,
  'gu',
);
const NUMBER_DECIMAL_COMMA = new RegExp(
  `(?<!\\d)(\\d{1,3}(?:[.${SPACES}]\\d{3})+(?!\\d)|\\d+)(?:[,.](\\d+))?(?!\\d)`,
  'gu',
);

// Every date, time, number and symbol pattern holds an ASCII digit, and every date pattern a month name: a sentence
// without them (most of them, for the dates) skips those patterns, which are most of the report's time.
const ANY_DIGIT = /\d/u;
const ANY_MONTH = new RegExp(MONTH, 'iu');

/** Finds the numbers, document symbols and dates of `text`, written in `language`, in a form both languages share. */
export function extractTokens(text: string, language: LanguageCode): ComparableTokens {
  const withNumberWords = (tokens: Omit<ComparableTokens, 'numberWords'>): ComparableTokens => {
    let numberWords: string[] | undefined;
    // Read on first use: number words only excuse a digit the other side lacks, which most texts do not, and their
    // pattern, with the most alternatives, costs more than all the others.
    return {
      ...tokens,
      get numberWords() {
        numberWords ??= readNumberWords(text);
        return numberWords;
      },
    };
  };
  if (!ANY_DIGIT.test(text)) return withNumberWords({ numbers: [], symbols: [], dates: [] });
  const symbols = [...text.matchAll(SYMBOL)].map((match) => match[0]).filter(isDocumentSymbol);
  const dates: string[] = [];
  // Each step blanks what it read, so that the year of a date or the digits of a symbol are not read again as numbers.
  let rest = blankDocumentSymbols(text);
  if (ANY_MONTH.test(rest)) {
    rest = readTokens(rest, DATE_DAY_MONTH_YEAR, dates, ([day, month, year]) => toDate(year, month, day));
    rest = readTokens(rest, DATE_MONTH_DAY_YEAR, dates, ([month, day, year]) => toDate(year, month, day));
    rest = readTokens(rest, DATE_DAY_MONTH, dates, ([day, month]) => toDate(undefined, month, day));
    rest = readTokens(rest, DATE_MONTH_YEAR, dates, ([month, year]) => toDate(year, month, undefined));
    rest = readTokens(rest, DATE_MONTH_DAY, dates, ([month, day]) => toDate(undefined, month, day));
  }

  const numbers: string[] = [];
  rest = readTokens(rest, TIME_12_HOUR, numbers, ([hour, minute, half]) => toTime(hour, minute, half));
  rest = readTokens(rest, TIME_HOURS, numbers, ([hour, minute]) => toTime(hour, minute, undefined));
  // Only English writes "10.15" for a time without "a.m.", and there it is read as a decimal, on purpose:
  // "h" (fr) and "Uhr" (de) mark the French and German forms.
  const decimalComma = DECIMAL_COMMA_LANGUAGES.has(language.toLowerCase());
  if (decimalComma) {
    rest = readTokens(rest, TIME_24_HOUR, numbers, ([hour, minuteH, minuteUhr]) =>
      toTime(hour, minuteH ?? minuteUhr, undefined),
    );
  }
  const pattern = decimalComma ? NUMBER_DECIMAL_COMMA : NUMBER_DECIMAL_POINT;
  for (const match of rest.matchAll(pattern)) {
    numbers.push(normaliseNumber(match[1] ?? '', match[2]));
  }
  return withNumberWords({ numbers: distinct(numbers), symbols: distinct(symbols), dates: distinct(dates) });
}

/** The distinct values of the numbers written as words in `text`. */
function readNumberWords(text: string): string[] {
  const values = [...text.matchAll(NUMBER_WORD)].flatMap((match) => {
    const value = NUMBER_WORD_VALUE.get((match[1] ?? '').toLowerCase());
    return value === undefined ? [] : [value];
  });
  return distinct(values);
}

/** Values found on one side only. */
export interface TokenDifference {
  /** In the source only. */
  sourceOnly: string[];
  /** In the target only. */
  targetOnly: string[];
}

/** What differs between the tokens of two texts: numbers, symbols and dates on one side only, in text order. */
export interface TokenComparison {
  /** Numbers; a small number spelled out on the other side ("5" and "cinq") is not a difference. */
  numbers: TokenDifference;
  /** Document symbols. */
  symbols: TokenDifference;
  /** Dates. */
  dates: TokenDifference;
}

/** Compares the tokens of a source text with those of its translation. */
export function compareTokens(source: ComparableTokens, target: ComparableTokens): TokenComparison {
  return {
    numbers: { sourceOnly: numbersOnlyIn(source, target), targetOnly: numbersOnlyIn(target, source) },
    symbols: { sourceOnly: onlyIn(source.symbols, target.symbols), targetOnly: onlyIn(target.symbols, source.symbols) },
    dates: { sourceOnly: datesOnlyIn(source.dates, target.dates), targetOnly: datesOnlyIn(target.dates, source.dates) },
  };
}

// The numbers of `tokens` that `other` neither writes in digits nor spells out; `other`'s number words are read only
// when a digit is missing from it.
function numbersOnlyIn(tokens: ComparableTokens, other: ComparableTokens): string[] {
  const unmatched = onlyIn(tokens.numbers, other.numbers);
  return unmatched.length === 0 ? unmatched : onlyIn(unmatched, other.numberWords);
}

function onlyIn(values: readonly string[], others: readonly string[]): string[] {
  const present = new Set(others);
  return values.filter((value) => !present.has(value));
}

// "from 13 April 2015 to 7 May 2015" is "du 13 avril au 7 mai 2015": a date written without its year ("--04-13") and
// a full date of the same day and month match each other. Two full dates match only when their years do too.
function datesOnlyIn(dates: readonly string[], others: readonly string[]): string[] {
  const present = new Set(others);
  const fullDaysAndMonths = new Set(others.filter(isFullDate).map(withoutYear));
  return dates.filter((date) =>
    isFullDate(date)
      ? !present.has(date) && !present.has(withoutYear(date))
      : !present.has(date) && !fullDaysAndMonths.has(date),
  );
}

function isFullDate(date: string): boolean {
  return date.length === 10;
}

/** The same day and month without the year: "2015-04-13" → "--04-13". */
function withoutYear(date: string): string {
  return `-${date.slice(4)}`;
}

/** Replaces the document symbols of `text` ("A/RES/70/1") with spaces of the same length. */
export function blankDocumentSymbols(text: string): string {
  return text.replace(SYMBOL, (symbol) => (isDocumentSymbol(symbol) ? blank(symbol) : symbol));
}

function isDocumentSymbol(candidate: string): boolean {
  return /\d/u.test(candidate);
}

/** Blanks every match of `pattern` in `text` that `read` accepts, collecting what it reads into `tokens`. */
function readTokens(
  text: string,
  pattern: RegExp,
  tokens: string[],
  read: (groups: ReadonlyArray<string | undefined>) => string | string[] | null,
): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const found = read(match.slice(1));
    if (found === null) continue;
    tokens.push(...(typeof found === 'string' ? [found] : found));
    out += text.slice(last, match.index) + blank(match[0]);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

function toDate(year: string | undefined, monthName: string | undefined, day: string | undefined): string | null {
  if (monthName === undefined) return null;
  // "may" and "march" are also English words ("paragraph 5 may"): English capitalises month names, so only
  // the capitalised forms count.
  if (monthName === 'may' || monthName === 'march') return null;
  const month = MONTH_BY_NAME.get(monthName.toLowerCase());
  if (month === undefined) return null;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year ?? ''}-${mm}`;
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > 31) return null;
  const dd = String(dayNumber).padStart(2, '0');
  return year === undefined ? `--${mm}-${dd}` : `${year}-${mm}-${dd}`;
}

function toTime(hour: string | undefined, minute: string | undefined, half: string | undefined): string[] | null {
  if (hour === undefined) return null;
  let hours = Number(hour);
  const minutes = minute === undefined ? 0 : Number(minute);
  if (minutes > 59) return null;
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null;
    // 12 a.m. is midnight and 12 p.m. noon.
    hours = (hours % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  } else if (hours > 24) {
    return null;
  }
  return minutes === 0 ? [String(hours)] : [String(hours), String(minutes)];
}

function normaliseNumber(integer: string, fraction: string | undefined): string {
  const digits = integer.replace(/\D/gu, '').replace(/^0+(?=\d)/u, '');
  // "77.0 years" is "77 ans": trailing zeros of a fraction say nothing a translation must keep.
  const decimals = fraction?.replace(/0+$/u, '') ?? '';
  return decimals === '' ? digits : `${digits}.${decimals}`;
}

function blank(text: string): string {
  return ' '.repeat(text.length);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
