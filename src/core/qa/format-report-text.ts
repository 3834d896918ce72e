import { BlockKind } from '../model.js';
import type { FootnoteMarker } from './compare-footnotes.js';
import type { NumberingShift } from './find-numbering-shifts.js';
import type { LabelEntry, ParityReport } from './parity-report.js';
import { shortenText, type BlockRef, type SentenceRef, type Side } from './unit-ref.js';

// Terminals are 80 to 120 columns; excerpts are cut so that most rows fit in 100.
const EXCERPT = 40;
const LINE_WIDTH = 100;
const INDENT = '  ';

/** Renders a parity report as fixed-width plain text for a terminal, ending with "Parity: yes" or "Parity: no". */
export function formatParityReportText(report: ParityReport): string {
  const { source: src, target: tgt } = report.languages;
  const lang = (side: Side): string => (side === 'source' ? src : tgt);
  const lines: string[] = [`Parity report: source ${src}, target ${tgt}`, ''];

  const { source: sc, target: tc } = report.counts;
  lines.push('Counts');
  lines.push(
    ...renderTable(
      ['', src, tgt],
      [
        ...Object.values(BlockKind).map((kind) => [kind, String(sc.byKind[kind]), String(tc.byKind[kind])]),
        ['blocks', String(sc.blocks), String(tc.blocks)],
        ['sentences', String(sc.sentences), String(tc.sentences)],
        ['labelled blocks', String(sc.labelled), String(tc.labelled)],
        ['labelled paragraphs', String(sc.labelledParagraphs), String(tc.labelledParagraphs)],
        ['footnotes', String(sc.footnotes), String(tc.footnotes)],
      ],
      [false, true, true],
    ),
    '',
  );

  lines.push('Labels in printed order');
  lines.push(...wrapLabels(src, report.labels.source), ...wrapLabels(tgt, report.labels.target), '');

  section(lines, 'Missing labels', report.missing.length, () =>
    renderTable(
      ['path', 'label', 'only in', 'block', 'kind', 'text'],
      report.missing.map((item) => [
        item.path,
        item.label ?? '-',
        lang(item.side),
        String(item.block),
        item.kind,
        shortenText(item.text, EXCERPT),
      ]),
    ),
  );

  section(lines, 'Labels out of order', report.outOfOrder.length, () =>
    renderTable(
      ['side', 'problem', 'label', 'path', 'block', 'after', 'skipped'],
      report.outOfOrder.map((item) => [
        lang(item.side),
        item.problem,
        item.label,
        item.path ?? '-',
        String(item.block),
        item.previous?.label ?? '(start)',
        item.skippedCount > item.skipped.length
          ? `${item.skipped.join(' ')} … (${item.skippedCount})`
          : item.skipped.join(' '),
      ]),
    ),
  );

  section(lines, 'Numbering shifts', report.numberingShifts.length, () =>
    report.numberingShifts.map((shift) => INDENT + describeNumberingShift(shift, report.languages)),
  );

  section(lines, 'Splits and merges', report.splitsAndMerges.length, () =>
    renderTable(
      ['bead', 'shape', 'method', 'side', 'block', 'label', 'text'],
      report.splitsAndMerges.flatMap((bead) =>
        sideRows(bead.source, bead.target, src, tgt).map((row, i) =>
          i === 0 ? [String(bead.bead), bead.shape, bead.method, ...row] : ['', '', '', ...row],
        ),
      ),
    ),
  );

  const notes = report.footnotes;
  lines.push(
    notes.match ? 'Footnotes: match' : `Footnotes: mismatch (${report.summary.footnoteMismatches} one-sided)`,
    `${INDENT}footnotes: ${src} ${notes.counts.source} (${notes.markers.source.join(' ') || 'none'}), ` +
      `${tgt} ${notes.counts.target} (${notes.markers.target.join(' ') || 'none'})`,
    `${INDENT}in-text references: ${src} ${notes.references.source}, ${tgt} ${notes.references.target}` +
      (notes.references.sourceOnly.length > 0 ? `; only ${src}: ${notes.references.sourceOnly.join(' ')}` : '') +
      (notes.references.targetOnly.length > 0 ? `; only ${tgt}: ${notes.references.targetOnly.join(' ')}` : ''),
  );
  if (notes.sourceOnly.length + notes.targetOnly.length > 0) {
    const row = (language: string, note: FootnoteMarker): string[] => [
      language,
      note.label ?? '-',
      String(note.block),
      shortenText(note.text, EXCERPT),
    ];
    lines.push(
      ...renderTable(
        ['only in', 'marker', 'block', 'text'],
        [...notes.sourceOnly.map((note) => row(src, note)), ...notes.targetOnly.map((note) => row(tgt, note))],
      ),
    );
  }
  lines.push('');

  section(lines, 'Number, symbol and date mismatches', report.tokenMismatches.length, () =>
    renderTable(
      ['bead', 'path', 'what', `only ${src}`, `only ${tgt}`, `${src} text`],
      report.tokenMismatches.flatMap((item) => {
        const checks = (['numbers', 'symbols', 'dates'] as const).filter(
          (what) => item[what].sourceOnly.length + item[what].targetOnly.length > 0,
        );
        return checks.map((what, i) => [
          i === 0 ? String(item.bead) : '',
          i === 0 ? pathOf(item.source) : '',
          what,
          item[what].sourceOnly.join(' ') || '-',
          item[what].targetOnly.join(' ') || '-',
          i === 0 ? shortenText(item.source.map((block) => block.text).join(' '), EXCERPT) : '',
        ]);
      }),
    ),
  );

  section(lines, 'Length outliers', report.lengthOutliers.length, () =>
    renderTable(
      ['bead', 'path', `${src} chars`, `${tgt} chars`, 'ratio', 'median', 'deviation', `${src} text`],
      report.lengthOutliers.map((item) => [
        String(item.bead),
        pathOf(item.source),
        String(item.sourceLength),
        String(item.targetLength),
        item.ratio.toFixed(2),
        item.medianRatio.toFixed(2),
        item.deviation.toFixed(1),
        excerptOf(item.source),
      ]),
      [false, false, true, true, true, true, true, false],
    ),
  );

  section(lines, 'Untranslated', report.untranslated.length, () =>
    renderTable(
      ['bead', 'path', 'text'],
      report.untranslated.map((item) => [String(item.bead), pathOf(item.source), excerptOf(item.source)]),
    ),
  );

  section(lines, 'Low confidence and unaligned', report.lowConfidence.length, () =>
    renderTable(
      ['bead', 'reason', 'shape', 'conf', 'side', 'sentence', 'path', 'text'],
      report.lowConfidence.flatMap((bead) =>
        sentenceRows(bead.source, bead.target, src, tgt).map((row, i) =>
          i === 0
            ? [String(bead.bead), bead.reason, bead.shape, bead.confidence.toFixed(2), ...row]
            : ['', '', '', '', ...row],
        ),
      ),
    ),
  );

  const s = report.summary;
  lines.push(
    `Summary: ${s.missing} missing, ${s.outOfOrder} out of order, ${s.numberingShifts} numbering shifts, ` +
      `${s.splitsAndMerges} splits/merges, ` +
      `${s.footnoteMismatches} footnote mismatches, ${s.tokenMismatches} token mismatches, ` +
      `${s.lengthOutliers} length outliers, ${s.untranslated} untranslated, ${s.lowConfidence} low confidence ` +
      `(${s.unalignedSentences} unaligned sentences)`,
  );
  if (s.blockers.length > 0) lines.push(`Blocking parity: ${s.blockers.join(', ')}`);
  lines.push(`Parity: ${report.parity ? 'yes' : 'no'}`);
  return `${lines.join('\n')}\n`;
}

// Names of the languages UN documents come in; others print as their code.
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  ru: 'Russian',
  zh: 'Chinese',
};

/**
 * One line for a numbering shift: "French numbering shifted by −1 from paragraph 8: paragraph 7 is missing in
 * French".
 */
export function describeNumberingShift(shift: NumberingShift, languages: { source: string; target: string }): string {
  const name = (side: Side): string => LANGUAGE_NAMES[languages[side]] ?? languages[side];
  const other: Side = shift.side === 'source' ? 'target' : 'source';
  const by = shift.by < 0 ? `\u2212${-shift.by}` : `+${shift.by}`;
  const paragraphs = (paths: string[]): string =>
    paths.length === 1 ? `paragraph ${paths[0] ?? ''} is` : `paragraphs ${paths.join(', ')} are`;
  const causes = [
    ...(shift.missing.length > 0 ? [`${paragraphs(shift.missing)} missing in ${name(shift.side)}`] : []),
    ...(shift.extra.length > 0 ? [`${paragraphs(shift.extra)} in ${name(shift.side)} only`] : []),
  ];
  return (
    `${name(shift.side)} numbering shifted by ${by} from paragraph ${shift.from}` +
    (causes.length > 0
      ? `: ${causes.join('; ')}`
      : ` (${name(other)} ${shift.from} is ${name(shift.side)} ${shift.to})`)
  );
}

/** Appends a titled section: "Title: none" when empty, else "Title (n)" and the rows. */
function section(lines: string[], title: string, count: number, rows: () => string[]): void {
  if (count === 0) lines.push(`${title}: none`, '');
  else lines.push(`${title} (${count})`, ...rows(), '');
}

/** Lays out rows under headers in columns padded to the widest cell; numeric columns are right-aligned. */
export function renderTable(headers: string[], rows: string[][], alignRight: boolean[] = []): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: string[]): string =>
    INDENT +
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        if (column === cells.length - 1 && alignRight[column] !== true) return cell;
        return alignRight[column] === true ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [render(headers), ...rows.map(render)];
}

function wrapLabels(language: string, labels: LabelEntry[]): string[] {
  const prefix = `${INDENT}${language} (${labels.length}):`;
  if (labels.length === 0) return [`${prefix} none`];
  const lines: string[] = [];
  let line = prefix;
  for (const entry of labels) {
    if (line.length + 1 + entry.label.length > LINE_WIDTH && line !== prefix) {
      lines.push(line);
      line = ' '.repeat(prefix.length);
    }
    line += ` ${entry.label}`;
  }
  lines.push(line);
  return lines;
}

function sideRows(source: BlockRef[], target: BlockRef[], src: string, tgt: string): string[][] {
  const row = (language: string, block: BlockRef): string[] => [
    language,
    String(block.index),
    block.label ?? '-',
    shortenText(block.text, EXCERPT),
  ];
  return [...source.map((block) => row(src, block)), ...target.map((block) => row(tgt, block))];
}

function sentenceRows(source: SentenceRef[], target: SentenceRef[], src: string, tgt: string): string[][] {
  const row = (language: string, sentence: SentenceRef): string[] => [
    language,
    String(sentence.index),
    sentence.path ?? '-',
    shortenText(sentence.text, EXCERPT),
  ];
  return [...source.map((sentence) => row(src, sentence)), ...target.map((sentence) => row(tgt, sentence))];
}

function pathOf(units: ReadonlyArray<{ path: string | null }>): string {
  return units.find((unit) => unit.path !== null)?.path ?? '-';
}

function excerptOf(units: ReadonlyArray<{ text: string }>): string {
  return shortenText(units.map((unit) => unit.text).join(' '), EXCERPT);
}
