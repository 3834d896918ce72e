/**
 * The parity report of n language versions: which labels, numbers and footnote references each version lacks, one
 * finding per gap ("paragraph 12 (c) is missing in Russian only"), read from the n-way units and the pair reports of
 * every version with the pivot.
 */
import { readReversedDigitGroups, toAsciiDigits } from '../align/script-tokens.js';
import { BlockKind, type Block, type LanguageCode, type MultiAlignment, type SegmentedDocument } from '../model.js';
import { findReferences } from './compare-footnotes.js';
import { extractTokens } from './extract-tokens.js';
import type { NumberingShift } from './find-numbering-shifts.js';
import { countSide, type ParityBlocker, type ParityReport, type SideCounts } from './parity-report.js';
import { shortenText } from './unit-ref.js';

/** What a version lacks. */
export const GapKind = {
  /** A numbered block (paragraph, sub-paragraph, heading, article, annex, footnote) some versions do not have. */
  label: 'label',
  /** A version dropped or inserted a numbered paragraph and renumbered the ones after it. */
  renumbered: 'renumbered',
  /** An unnumbered block (a preambular paragraph, a line of prose) some versions do not have. */
  paragraph: 'paragraph',
  /** A number of a unit that some versions' text of that unit does not have. */
  number: 'number',
  /** A footnote reference ("agenda*", "¹") of a unit that some versions' text of that unit does not have. */
  footnoteReference: 'footnoteReference',
} as const;
/** See {@link GapKind}. */
export type GapKind = (typeof GapKind)[keyof typeof GapKind];

/** How a version's numbering moved against the others' (from the pair report's numbering shift). */
export interface Renumbering {
  /** The shifted version's labels minus the others' from the shift on (−1: one lower). */
  by: number;
  /** Label path, in the versions that are not shifted, of the first paragraph numbered differently ("8"). */
  from: string;
  /** Label path of its counterpart in the shifted versions ("7"). */
  to: string;
  /** Label paths the shifted versions lack where the shift starts (empty when a number was only skipped). */
  missing: string[];
}

/** One gap: something some versions have and the others lack. */
export interface VersionGap {
  /** What is missing. */
  kind: GapKind;
  /**
   * Where: the missing label's path (`label`; for `renumbered` the first missing path, else `renumbering.from`);
   * for the other kinds, the path of the nearest labelled block at or before the unit, null before the first.
   */
  path: string | null;
  /** The label as printed (`label`), the number in a language-neutral form (`number`), the marker; else null. */
  value: string | null;
  /** Kind of the block concerned, as a version that has it parses it. */
  blockKind: BlockKind;
  /** Languages that lack it, in the versions' order. */
  missingFrom: LanguageCode[];
  /** Languages that have it, in the versions' order. */
  presentIn: LanguageCode[];
  /** Index in `alignment.blocks` of the unit it is in. */
  unit: number;
  /** The first 80 characters of the block concerned, in the first version that has it (the pivot when it does). */
  text: string;
  /** For `renumbered`: how the numbering moved. */
  renumbering?: Renumbering;
  /**
   * For `label`: the last path of a run of consecutive labels the same versions lack ("art:30" after "art:1"), one
   * gap for the run; absent for a single label.
   */
  through?: string;
}

/** One version's pair report against the pivot, in short. */
export interface PairParity {
  /** The version's language. */
  language: LanguageCode;
  /** Whether its pair with the pivot has parity. */
  parity: boolean;
  /** What breaks it. */
  blockers: ParityBlocker[];
}

/** Which labels, numbers and footnotes each of n versions lacks. */
export interface ParityMatrix {
  /** The pivot's language. */
  pivot: LanguageCode;
  /** The versions' languages in the order given. */
  languages: LanguageCode[];
  /** What each version has, by language. */
  counts: Record<LanguageCode, SideCounts>;
  /** The gaps in document order (by unit), each once. */
  gaps: VersionGap[];
  /** Per language, in how many gaps it is among the versions that lack something. */
  lacking: Record<LanguageCode, number>;
  /** Each other version's pair with the pivot, in the versions' order. */
  pairs: PairParity[];
  /**
   * True when no gap but numbers was found: as in the pair report, numbers flag the translation, not the document's
   * structure.
   */
  parity: boolean;
}

// The languages whose number words the token reader knows (extract-tokens.ts): a small number those versions spell
// is excused there. The others (Arabic, Chinese, Russian) spell small numbers as often, so a number of 20 or less
// that they lack is not reported.
const SPELLED_NUMBER_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['en', 'fr', 'es']);
const SMALL_NUMBER = 20;

/**
 * Builds the matrix of `alignment` from the pair reports of its versions with the pivot, `reports` in the order of
 * `alignment.pairs`.
 */
export function buildParityMatrix(alignment: MultiAlignment, reports: readonly ParityReport[]): ParityMatrix {
  const context = createContext(alignment, reports);
  const gaps = [
    ...findLabelGaps(context),
    ...findRenumberings(context),
    ...findParagraphGaps(context),
    ...findTokenGaps(context),
  ].sort((a, b) => a.unit - b.unit);
  const languages = context.languages;
  const lacking = Object.fromEntries(
    languages.map((language) => [language, gaps.filter((gap) => gap.missingFrom.includes(language)).length]),
  );
  return {
    pivot: alignment.pivot,
    languages,
    counts: Object.fromEntries(alignment.documents.map((document) => [document.language, countSide(document)])),
    gaps,
    lacking,
    pairs: alignment.pairs.map((pair, k) => ({
      language: pair.source.language,
      parity: reports[k]?.parity ?? false,
      blockers: [...(reports[k]?.summary.blockers ?? [])],
    })),
    parity: gaps.every((gap) => gap.kind === GapKind.number),
  };
}

interface Context {
  alignment: MultiAlignment;
  reports: readonly ParityReport[];
  languages: LanguageCode[];
  documents: Map<LanguageCode, SegmentedDocument>;
  /** Per language, block index → index of its unit in `alignment.blocks`. */
  unitOfBlock: Map<LanguageCode, Int32Array>;
  /** Per unit, the path of the nearest labelled block at or before it. */
  placeOfUnit: (string | null)[];
}

function createContext(alignment: MultiAlignment, reports: readonly ParityReport[]): Context {
  const documents = new Map(alignment.documents.map((document) => [document.language, document]));
  const unitOfBlock = new Map<LanguageCode, Int32Array>();
  for (const document of alignment.documents)
    unitOfBlock.set(document.language, new Int32Array(document.blocks.length));
  alignment.blocks.forEach((unit, u) => {
    for (const [language, blocks] of Object.entries(unit.segments)) {
      const map = unitOfBlock.get(language);
      if (map) for (const block of blocks) map[block] = u;
    }
  });
  const languages = alignment.documents.map((document) => document.language);
  const order = [alignment.pivot, ...languages.filter((language) => language !== alignment.pivot)];
  let place: string | null = null;
  const placeOfUnit = alignment.blocks.map((unit) => {
    for (const language of order) {
      const path = (unit.segments[language] ?? [])
        .map((b) => documents.get(language)?.blocks[b]?.path ?? null)
        .find((p) => p !== null);
      if (path !== undefined) {
        place = path;
        break;
      }
    }
    return place;
  });
  return { alignment, reports, languages, documents, unitOfBlock, placeOfUnit };
}

// The pivot first, then the others in the versions' order: whose text an excerpt is taken from.
function excerptOrder(context: Context): LanguageCode[] {
  const { pivot } = context.alignment;
  return [pivot, ...context.languages.filter((language) => language !== pivot)];
}

function blockOf(context: Context, language: LanguageCode, index: number): Block | undefined {
  return context.documents.get(language)?.blocks[index];
}

// Label paths: a label the pivot has is missing from a version when that version's pair report lists it as missing
// (a pair report does not list the labels a renumbering pairs across, and neither does the matrix: the renumbering
// is one finding of its own); a label the pivot lacks is looked up in each version's own document.
function findLabelGaps(context: Context): VersionGap[] {
  const { alignment, reports } = context;
  const pivot = context.documents.get(alignment.pivot) as SegmentedDocument; // the pivot is one of the documents
  const pathsOf = (document: SegmentedDocument): Set<string> =>
    new Set(document.blocks.flatMap((block) => (block.path === null ? [] : [block.path])));
  const pivotPaths = pathsOf(pivot);
  const candidates = new Map<string, { unit: number; language: LanguageCode; block: number }>();
  const lackedByVersion = new Map<LanguageCode, Set<string>>();
  alignment.pairs.forEach((pair, k) => {
    const version = pair.source.language;
    const lacked = new Set<string>();
    for (const item of reports[k]?.missing ?? []) {
      const language = item.side === 'source' ? version : alignment.pivot;
      if (item.missingFrom === 'source') lacked.add(item.path);
      const unit = context.unitOfBlock.get(language)?.[item.block] ?? 0;
      const known = candidates.get(item.path);
      if (known === undefined || (language === alignment.pivot && known.language !== alignment.pivot))
        candidates.set(item.path, { unit, language, block: item.block });
    }
    lackedByVersion.set(version, lacked);
  });
  const versionPaths = new Map(alignment.documents.map((document) => [document.language, pathsOf(document)]));
  const has = (language: LanguageCode, path: string): boolean => {
    if (language === alignment.pivot) return pivotPaths.has(path);
    if (pivotPaths.has(path)) return !(lackedByVersion.get(language)?.has(path) ?? false);
    return versionPaths.get(language)?.has(path) ?? false;
  };
  const gaps = [...candidates].flatMap(([path, where]): VersionGap[] => {
    const missingFrom = context.languages.filter((language) => !has(language, path));
    const presentIn = context.languages.filter((language) => has(language, path));
    if (missingFrom.length === 0 || presentIn.length === 0) return [];
    const block = blockOf(context, where.language, where.block) as Block; // reports index their own documents
    return [
      {
        kind: GapKind.label,
        path,
        value: block.label?.raw ?? null,
        blockKind: block.kind,
        missingFrom,
        presentIn,
        unit: where.unit,
        text: shortenText(block.text),
      },
    ];
  });
  // One finding per gap: an article missing with its numbered paragraphs is the article ("art:17"), not also each
  // of "art:17/31", "art:17/32", when the same versions lack them.
  const same = (a: VersionGap, b: VersionGap): boolean => a.missingFrom.join() === b.missingFrom.join();
  const kept = gaps
    .filter(
      (gap) =>
        !gaps.some((parent) => parent !== gap && gap.path?.startsWith(`${parent.path}/`) === true && same(gap, parent)),
    )
    .sort((a, b) => a.unit - b.unit);
  return joinRuns(kept, same);
}

// A version without its numbering, or a run of paragraphs dropped, lacks consecutive labels: one gap from the first to
// the last ("article 1 to article 30"), when the same versions lack them all.
function joinRuns(gaps: readonly VersionGap[], same: (a: VersionGap, b: VersionGap) => boolean): VersionGap[] {
  const out: VersionGap[] = [];
  for (const gap of gaps) {
    const last = out.at(-1);
    if (last !== undefined && gap.path !== null && same(last, gap) && follows(last.through ?? last.path, gap.path)) {
      last.through = gap.path;
      continue;
    }
    out.push({ ...gap });
  }
  return out;
}

// Whether `next` is the label right after `path` in the same list: same parent, value one more ("art:4" after
// "art:3", "12/b" after "12/a").
function follows(path: string | null, next: string): boolean {
  if (path === null) return false;
  const split = (p: string): [string, string, string] => {
    const slash = p.lastIndexOf('/');
    const segment = p.slice(slash + 1);
    const colon = segment.indexOf(':');
    return [p.slice(0, slash + 1), segment.slice(0, colon + 1), segment.slice(colon + 1)];
  };
  const [parent, prefix, value] = split(path);
  const [nextParent, nextPrefix, nextValue] = split(next);
  if (parent !== nextParent || prefix !== nextPrefix) return false;
  if (/^\d+$/.test(value) && /^\d+$/.test(nextValue)) return Number(nextValue) === Number(value) + 1;
  return /^[a-z]$/.test(value) && nextValue === String.fromCharCode(value.charCodeAt(0) + 1);
}

// A renumbering found in several pairs (the pivot's own, seen against every version; or two versions that dropped
// the same paragraph) is one gap.
function findRenumberings(context: Context): VersionGap[] {
  const { alignment, reports } = context;
  const found = new Map<string, { shift: NumberingShift; shifted: Set<LanguageCode>; pivotShifted: boolean }>();
  alignment.pairs.forEach((pair, k) => {
    for (const shift of reports[k]?.numberingShifts ?? []) {
      const pivotShifted = shift.side === 'target';
      const key = [pivotShifted, shift.from, shift.to, shift.by, shift.missing.join(' ')].join('|');
      const entry = found.get(key) ?? { shift, shifted: new Set<LanguageCode>(), pivotShifted };
      // When the pivot is the shifted side, the version it was compared with is one that is not shifted.
      entry.shifted.add(pair.source.language);
      found.set(key, entry);
    }
  });
  return [...found.values()].map(({ shift, shifted, pivotShifted }): VersionGap => {
    const isShifted = (language: LanguageCode): boolean =>
      pivotShifted ? !shifted.has(language) : shifted.has(language);
    // `fromBlock` is on the side that is not shifted: the pivot's when a version is, the version's otherwise.
    const unshifted = pivotShifted ? [...shifted][0] : alignment.pivot;
    const language = unshifted ?? alignment.pivot;
    const block = blockOf(context, language, shift.fromBlock);
    return {
      kind: GapKind.renumbered,
      path: shift.missing[0] ?? shift.from,
      value: null,
      blockKind: block?.kind ?? BlockKind.paragraph,
      missingFrom: context.languages.filter(isShifted),
      presentIn: context.languages.filter((l) => !isShifted(l)),
      unit: context.unitOfBlock.get(language)?.[shift.fromBlock] ?? 0,
      text: shortenText(block?.text ?? ''),
      renumbering: { by: shift.by, from: shift.from, to: shift.to, missing: [...shift.missing] },
    };
  });
}

// Front matter differs between versions by design (headers, the title block's wording), and footnotes have markers.
const UNCOMPARED_KINDS: ReadonlySet<BlockKind> = new Set([BlockKind.header, BlockKind.title, BlockKind.footnote]);

function findParagraphGaps(context: Context): VersionGap[] {
  return context.alignment.blocks.flatMap((unit, u): VersionGap[] => {
    const blocks = context.languages.flatMap((language) =>
      (unit.segments[language] ?? []).map((b) => ({ language, block: blockOf(context, language, b) as Block })),
    );
    if (blocks.some(({ block }) => block.path !== null || UNCOMPARED_KINDS.has(block.kind))) return [];
    if (blocks.every(({ block }) => block.text.trim() === '')) return [];
    const presentIn = context.languages.filter((language) => blocks.some((entry) => entry.language === language));
    const missingFrom = context.languages.filter((language) => !presentIn.includes(language));
    if (missingFrom.length === 0) return [];
    const first = excerptOrder(context)
      .map((language) => blocks.find((entry) => entry.language === language))
      .find((entry) => entry !== undefined);
    return [
      {
        kind: GapKind.paragraph,
        path: context.placeOfUnit[u] ?? null,
        value: null,
        blockKind: first?.block.kind ?? BlockKind.text,
        missingFrom,
        presentIn,
        unit: u,
        text: shortenText(first?.block.text ?? ''),
      },
    ];
  });
}

// Numbers and footnote references, unit by unit, among the versions that have text in the unit (a version with none
// is a label or paragraph gap already).
function findTokenGaps(context: Context): VersionGap[] {
  return context.alignment.blocks.flatMap((unit, u): VersionGap[] => {
    const texts = new Map<LanguageCode, { blocks: Block[]; text: string }>();
    for (const language of context.languages) {
      const blocks = (unit.segments[language] ?? [])
        .map((b) => blockOf(context, language, b) as Block)
        .filter((block) => block.kind !== BlockKind.header && block.kind !== BlockKind.footnote)
        // A heading that is only its label ("Article 21", "第二十一条") has its number in the label, compared as a path.
        .filter((block) => block.label === null || block.text.trim() !== block.label.raw.trim());
      if (blocks.length > 0) texts.set(language, { blocks, text: blocks.map((block) => block.text).join('\n') });
    }
    if (texts.size < 2) return [];
    const excerpt = (present: readonly LanguageCode[]): { text: string; kind: BlockKind } => {
      const language = excerptOrder(context).find((l) => present.includes(l)) ?? present[0] ?? '';
      const entry = texts.get(language);
      return { text: shortenText(entry?.text ?? ''), kind: entry?.blocks[0]?.kind ?? BlockKind.text };
    };
    const gaps: VersionGap[] = [];
    const values = new Map([...texts].map(([language, { text }]) => [language, readNumbers(text, language)]));
    const allNumbers = [...new Set([...values.values()].flatMap((v) => [...v.numbers]))];
    for (const number of allNumbers) {
      const presentIn = [...texts.keys()].filter((language) => values.get(language)?.numbers.has(number));
      const missingFrom = [...texts.keys()].filter(
        (language) => !presentIn.includes(language) && !isExcused(number, language, values.get(language)?.words),
      );
      if (missingFrom.length === 0) continue;
      const { text, kind } = excerpt(presentIn);
      gaps.push({
        kind: GapKind.number,
        path: context.placeOfUnit[u] ?? null,
        value: number,
        blockKind: kind,
        missingFrom,
        presentIn,
        unit: u,
        text,
      });
    }
    const references = new Map(
      [...texts].map(([language, { text }]) => [language, countMarkers(findReferences(text))]),
    );
    const allMarkers = [...new Set([...references.values()].flatMap((counts) => [...counts.keys()]))];
    for (const marker of allMarkers) {
      const most = Math.max(...[...references.values()].map((counts) => counts.get(marker) ?? 0));
      const presentIn = [...texts.keys()].filter((language) => references.get(language)?.get(marker) === most);
      const missingFrom = [...texts.keys()].filter((language) => !presentIn.includes(language));
      if (missingFrom.length === 0) continue;
      const { text, kind } = excerpt(presentIn);
      gaps.push({
        kind: GapKind.footnoteReference,
        path: context.placeOfUnit[u] ?? null,
        value: marker,
        blockKind: kind,
        missingFrom,
        presentIn,
        unit: u,
        text,
      });
    }
    return gaps;
  });
}

function countMarkers(markers: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  return counts;
}

function isExcused(number: string, language: LanguageCode, words: ReadonlySet<string> | undefined): boolean {
  const value = Number(number);
  if (!Number.isInteger(value) || value > SMALL_NUMBER) return false;
  return !SPELLED_NUMBER_LANGUAGES.has(language) || (words?.has(number) ?? false);
}

/**
 * The numbers of a text in a form every language shares: digits of every system read as ASCII, Arabic digit groups
 * stored in reverse order read in order, and the day and year of a date (the month is a word everywhere but in
 * Chinese, whose month numbers are left out).
 */
export function readNumbers(text: string, language: LanguageCode): { numbers: Set<string>; words: Set<string> } {
  let ascii = toAsciiDigits(text);
  if (language === 'ar') ascii = readReversedDigitGroups(ascii);
  if (language === 'zh') ascii = ascii.replace(/\d+\s*月/gu, (month) => ' '.repeat(month.length));
  const tokens = extractTokens(ascii, language);
  const numbers = new Set(tokens.numbers);
  for (const date of tokens.dates) {
    // "2018-07-18", "2018-07" or "--07-18": the year and the day, as the other versions write them in digits.
    const m = /^(?:(\d{4})|-)-\d{2}(?:-(\d{2}))?$/.exec(date);
    if (m?.[1] !== undefined) numbers.add(String(Number(m[1])));
    if (m?.[2] !== undefined) numbers.add(String(Number(m[2])));
  }
  return { numbers, words: new Set(tokens.numberWords) };
}
