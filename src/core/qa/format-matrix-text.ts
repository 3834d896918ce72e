/** Renders a parity matrix as fixed-width text for a terminal, ending with "Parity: yes" or "Parity: no". */
import { nameLanguage, type ReportLocale } from '../language-names.js';
import { describeGap } from './describe-gap.js';
import { renderTable } from './format-report-text.js';
import type { ParityMatrix } from './parity-matrix.js';

const INDENT = '  ';

const HEADINGS: Readonly<Record<ReportLocale, Record<string, string>>> = {
  en: {
    title: 'Parity of',
    pivot: 'pivot',
    blocks: 'blocks',
    sentences: 'sentences',
    labelled: 'labelled blocks',
    paragraphs: 'labelled paragraphs',
    footnotes: 'footnotes',
    lacking: 'gaps it is in',
    gaps: 'What some versions lack',
    none: 'none',
    pairs: 'Each version with the pivot',
    yes: 'yes',
    no: 'no',
    parity: 'Parity',
    colon: ': ',
  },
  fr: {
    title: 'Parité de',
    pivot: 'pivot',
    blocks: 'blocs',
    sentences: 'phrases',
    labelled: 'blocs numérotés',
    paragraphs: 'paragraphes numérotés',
    footnotes: 'notes',
    lacking: 'lacunes',
    gaps: 'Ce qui manque à certaines versions',
    none: 'rien',
    pairs: 'Chaque version avec le pivot',
    yes: 'oui',
    no: 'non',
    parity: 'Parité',
    colon: ' : ',
  },
};

/** The matrix as text: the counts per version, one line per gap, each pair's parity, then "Parity: yes|no". */
export function formatParityMatrixText(matrix: ParityMatrix, locale: ReportLocale = 'en'): string {
  const h = HEADINGS[locale];
  const name = (language: string): string => nameLanguage(language, locale);
  const lines: string[] = [
    `${h.title} ${matrix.languages.map((l) => (l === matrix.pivot ? `${name(l)} (${h.pivot})` : name(l))).join(', ')}`,
    '',
  ];
  type Counted = 'blocks' | 'sentences' | 'labelled' | 'labelledParagraphs' | 'footnotes';
  const row = (title: string | undefined, key: Counted): string[] => [
    title ?? '',
    ...matrix.languages.map((l) => String(matrix.counts[l]?.[key] ?? 0)),
  ];
  lines.push(
    ...renderTable(
      ['', ...matrix.languages],
      [
        row(h.blocks, 'blocks'),
        row(h.sentences, 'sentences'),
        row(h.labelled, 'labelled'),
        row(h.paragraphs, 'labelledParagraphs'),
        row(h.footnotes, 'footnotes'),
        [h.lacking ?? '', ...matrix.languages.map((l) => String(matrix.lacking[l] ?? 0))],
      ],
      [false, ...matrix.languages.map(() => true)],
    ),
    '',
  );
  if (matrix.gaps.length === 0) lines.push(`${h.gaps}${h.colon}${h.none}`, '');
  else
    lines.push(`${h.gaps} (${matrix.gaps.length})`, ...matrix.gaps.map((gap) => INDENT + describeGap(gap, locale)), '');
  lines.push(
    `${h.pairs}${h.colon}` +
      matrix.pairs
        .map((pair) => `${name(pair.language)} ${pair.parity ? h.yes : `${h.no} (${pair.blockers.join(', ')})`}`)
        .join('; '),
    '',
    `${h.parity}${h.colon}${matrix.parity ? h.yes : h.no}`,
  );
  return `${lines.join('\n')}\n`;
}
