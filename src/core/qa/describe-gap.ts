/**
 * One sentence for each gap of a parity matrix, in English or French, with language names in that language:
 * "paragraph 12 (c) is missing in Russian only", « paragraphe 12 c) manque en russe seulement ».
 */
import { nameLanguage, type ReportLocale } from '../language-names.js';
import type { LanguageCode } from '../model.js';
import { GapKind, type VersionGap } from './parity-matrix.js';
import { shortenText } from './unit-ref.js';

const EXCERPT = 40;

interface Words {
  annex: string;
  article: string;
  chapter: string;
  section: string;
  footnote: string;
  heading: string;
  paragraph: string;
  /** Where a gap before the first label is. */
  atStart: string;
  item: (value: string) => string;
  and: string;
  /** Between a place and what is missing there. */
  colon: string;
  /** "is missing in Russian only" / "is missing in Russian and Arabic". */
  missingIn: (languages: string[]) => string;
  /** "is only in English". */
  onlyIn: (languages: string[]) => string;
  /** "article 1 to article 30" for a run of labels. */
  run: (first: string, last: string) => string;
  /** The plural verb of {@link missingIn} and {@link onlyIn}: "is" becomes "are". */
  plural: (phrase: string) => string;
  renumbered: (languages: string[], from: string, to: string) => string;
  shifted: (languages: string[], by: string, from: string, to: string) => string;
  unnumbered: (place: string | null, text: string) => string;
  number: (value: string) => string;
  reference: (value: string) => string;
}

const WORDS: Readonly<Record<ReportLocale, Words>> = {
  en: {
    annex: 'annex',
    article: 'article',
    chapter: 'chapter',
    section: 'section',
    footnote: 'footnote',
    heading: 'heading',
    paragraph: 'paragraph',
    atStart: 'at the start',
    item: (value) => `(${value})`,
    and: 'and',
    colon: ': ',
    missingIn: (languages) => `is missing in ${list(languages, 'and')}${languages.length === 1 ? ' only' : ''}`,
    onlyIn: (languages) => `is only in ${list(languages, 'and')}`,
    run: (first, last) => `${first} to ${last}`,
    plural: (phrase) => phrase.replace(/^is /, 'are '),
    renumbered: (languages, from, to) =>
      `, and ${list(languages, 'and')} ${languages.length === 1 ? 'renumbers' : 'renumber'} what follows ` +
      `(${from} is ${to} there)`,
    shifted: (languages, by, from, to) =>
      `${list(languages, 'and')} numbering is shifted by ${by} from ${from} (numbered ${to} there)`,
    unnumbered: (place, text) =>
      `an unnumbered paragraph ${place === null ? 'at the start' : `after ${place}`} ("${text}")`,
    number: (value) => `the number ${value}`,
    reference: (value) => `the footnote reference ${value}`,
  },
  fr: {
    annex: 'annexe',
    article: 'article',
    chapter: 'chapitre',
    section: 'section',
    footnote: 'note',
    heading: 'titre',
    paragraph: 'paragraphe',
    atStart: 'au début',
    item: (value) => `${value})`,
    and: 'et',
    colon: ' : ',
    missingIn: (languages) =>
      `manque ${list(
        languages.map((l) => `en ${l}`),
        'et',
      )}${languages.length === 1 ? ' seulement' : ''}`,
    onlyIn: (languages) =>
      `ne figure qu’${list(
        languages.map((l) => `en ${l}`),
        'et',
      )}`,
    run: (first, last) => `${first} à ${last}`,
    plural: (phrase) => phrase.replace(/^manque /, 'manquent ').replace(/^ne figure /, 'ne figurent '),
    renumbered: (languages, from, to) =>
      `, et la suite est renumérotée ${list(
        languages.map((l) => `en ${l}`),
        'et',
      )} (${from} y porte le numéro ${to})`,
    shifted: (languages, by, from, to) =>
      `numérotation décalée de ${by} ${list(
        languages.map((l) => `en ${l}`),
        'et',
      )} à partir de : ${from} (numéroté ${to})`,
    unnumbered: (place, text) =>
      `un paragraphe non numéroté ${place === null ? 'au début' : `après : ${place}`} (« ${text} »)`,
    number: (value) => `le nombre ${value}`,
    reference: (value) => `l’appel de note ${value}`,
  },
};

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

/**
 * A label path in words: "12/c" → "paragraph 12 (c)", "annex:I/3" → "annex I, paragraph 3", "art:5/2" → "article 5,
 * paragraph 2", "II/A" → "heading II.A", "fn:1" → "footnote 1".
 */
export function describePath(path: string, locale: ReportLocale = 'en'): string {
  const words = WORDS[locale];
  let text = '';
  let previous: 'item' | 'heading' | 'other' | null = null;
  const add = (phrase: string): void => {
    text = text === '' ? phrase : `${text}, ${phrase}`;
  };
  for (const segment of path.split('/')) {
    const prefixed = /^(annex|art|chap|sec|fn):(.+)$/.exec(segment);
    if (prefixed) {
      const [, prefix, value] = prefixed;
      const noun = {
        annex: words.annex,
        art: words.article,
        chap: words.chapter,
        sec: words.section,
        fn: words.footnote,
      };
      add(`${noun[prefix as keyof typeof noun]} ${value ?? ''}`);
      previous = 'other';
    } else if (/^\d+$/.test(segment)) {
      add(`${words.paragraph} ${segment}`);
      previous = 'other';
    } else if (/^[a-z]+$/.test(segment)) {
      // (a), then (ii) under it: a sub-item follows its parent in the same phrase.
      text = text === '' ? words.item(segment) : `${text} ${words.item(segment)}`;
      previous = 'item';
    } else if (previous === 'heading') {
      text = `${text}.${segment}`;
    } else {
      add(`${words.heading} ${segment}`);
      previous = 'heading';
    }
  }
  return text;
}

/** One sentence saying what `gap` is and which versions lack it, language names in `locale`. */
export function describeGap(gap: VersionGap, locale: ReportLocale = 'en'): string {
  const words = WORDS[locale];
  const names = (languages: readonly LanguageCode[]): string[] => languages.map((l) => nameLanguage(l, locale));
  const who =
    gap.presentIn.length < gap.missingFrom.length
      ? words.onlyIn(names(gap.presentIn))
      : words.missingIn(names(gap.missingFrom));
  const place = gap.path === null ? null : describePath(gap.path, locale);
  const at = place ?? words.atStart;
  // Text output is read in a terminal: the excerpt is cut shorter than the JSON's.
  const excerpt = shortenText(gap.text, EXCERPT);
  switch (gap.kind) {
    case GapKind.label:
      if (gap.through !== undefined) return `${words.run(at, describePath(gap.through, locale))} ${words.plural(who)}`;
      return `${at} ${who}`;
    case GapKind.renumbered: {
      const shift = gap.renumbering;
      if (shift === undefined) return `${at} ${who}`;
      const from = describePath(shift.from, locale);
      if (shift.missing.length === 0) {
        const by = shift.by > 0 ? `+${shift.by}` : `−${-shift.by}`;
        return words.shifted(names(gap.missingFrom), by, from, shift.to);
      }
      const renumbered = words.renumbered(names(gap.missingFrom), from, shift.to);
      return `${at} ${words.missingIn(names(gap.missingFrom))}${renumbered}`;
    }
    case GapKind.paragraph:
      return `${words.unnumbered(place, excerpt)} ${who}`;
    case GapKind.number:
      return `${at}${words.colon}${words.number(gap.value ?? '')} ${who}`;
    case GapKind.footnoteReference:
      return `${at}${words.colon}${words.reference(gap.value ?? '')} ${who}`;
  }
}
