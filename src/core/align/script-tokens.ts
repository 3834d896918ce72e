/**
 * What makes words of different scripts comparable: digits of every numbering system read as ASCII digits,
 * Chinese text (written without spaces) cut into units the lexicon can learn, and Cyrillic words spelt in Latin
 * letters so that cognates and names (конвенция / convention, Женева / Geneva) share a prefix or a skeleton.
 */

// Zero of each decimal digit block that UN text uses: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu),
// full-width (Chinese), Devanagari is left out (no UN language writes it).
const DIGIT_ZEROS = [0x0660, 0x06f0, 0xff10] as const;
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\u066b\u066c]/gu;

/**
 * Rewrites Arabic-Indic and full-width digits as ASCII digits, the Arabic decimal separator (U+066B) as "." and
 * the Arabic thousands separator (U+066C) as ","; everything else unchanged, and the length kept.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (char) => {
    if (char === '\u066b') return '.';
    if (char === '\u066c') return ',';
    const code = char.charCodeAt(0);
    for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
    return char;
  });
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;
// Every Arabic-script character is at U+0600 or above: a text without such a code unit (most Latin and Cyrillic
// sentences) is answered without the Unicode-script scan, which was most of what this step cost them.
const AT_OR_ABOVE_U0600 = /[\u0600-\uffff]/;
// "182 3", "000 55": UN Arabic text stores grouped numbers with their groups in reverse order (3,182; 55,000).
const REVERSED_GROUPS = /\b(\d{3})((?:[\u0020\u00a0\u202f]\d{3})*)[\u0020\u00a0\u202f](\d{1,3})\b/gu;

/** True when `text` holds a letter of the Arabic script. */
export function holdsArabicLetter(text: string): boolean {
  return AT_OR_ABOVE_U0600.test(text) && ARABIC_LETTER.test(text);
}

/**
 * In a sentence written in Arabic script, rewrites digit groups stored in reverse order ("182 3" for 3,182,
 * "000 55" for 55,000) as the number they stand for; other text is returned unchanged.
 */
export function readReversedDigitGroups(text: string): string {
  if (!holdsArabicLetter(text)) return text;
  return text.replace(REVERSED_GROUPS, (_, first: string, middle: string, last: string) => {
    const groups = [
      first,
      ...middle
        .trim()
        .split(/[\u0020\u00a0\u202f]+/u)
        .filter(Boolean),
      last,
    ];
    return groups.reverse().join('');
  });
}

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /(\p{Script=Han}+)/u;

/** True when the word holds a Chinese character. */
export function hasHan(word: string): boolean {
  return HAN.test(word);
}

/**
 * Cuts a word that holds Chinese characters into pieces: each run of Chinese characters becomes its overlapping
 * character pairs (a run of one character stays one), other pieces stay whole. Chinese is written without
 * spaces; pairs of characters carry most of its two-character words (会议, 公约, 委员会 → 委员 员会), and unlike a
 * dictionary-based cut they come out the same wherever the text is split.
 */
export function splitHan(word: string): string[] {
  const pieces: string[] = [];
  for (const part of word.split(HAN_RUNS)) {
    if (part === '') continue;
    if (!HAN.test(part)) {
      pieces.push(part);
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) pieces.push(part);
    for (let k = 0; k + 1 < chars.length; k++) pieces.push(`${chars[k]}${chars[k + 1]}`);
  }
  return pieces;
}

/** Latin spelling of lower-case Russian letters, close to English usage (BGN/PCGN-like, simplified). */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Ukrainian, Belarusian and Serbian letters that turn up in names.
  і: 'i',
  ї: 'i',
  є: 'e',
  ў: 'u',
  ј: 'j',
  ђ: 'dj',
  ћ: 'c',
  љ: 'lj',
  њ: 'nj',
  џ: 'dz',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A folded (lower-case) Cyrillic word in Latin letters, or null when the word has no Cyrillic letter. */
export function transliterateCyrillic(word: string): string | null {
  if (!CYRILLIC.test(word)) return null;
  let latin = '';
  for (const char of word) latin += CYRILLIC_TO_LATIN[char] ?? char;
  return latin;
}
