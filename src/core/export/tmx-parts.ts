/**
 * The pieces every TMX 1.4b paralign writes shares: prolog and header, one `<tu>`, the closing tags. One
 * document's memory (tmx.ts) and the whole store's (tmx-memory.ts) both build on them, so they cannot drift.
 */
import type { LanguageCode } from '../model.js';
import type { UnitReview } from './collect-units.js';
import { ExportError, ExportErrorCode } from './export-error.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';

/**
 * `<prop type>` values paralign writes in each `<tu>` (TMX 1.4b: types the standard does not define start with "x-").
 */
export const TmxPropType = {
  /** The document symbol, e.g. "CTOC/COP/2018/1". */
  symbol: 'x-paralign-symbol',
  /** The label path of the unit's first source paragraph, e.g. "12/a". */
  label: 'x-paralign-label',
  /** The bead's confidence with two decimals. */
  confidence: 'x-paralign-confidence',
  /** How many identical units of the memory this one stands for (whole-store export, deduplicated). */
  duplicates: 'x-paralign-duplicates',
  /** Review status: pending, approved or rejected (the name the review editor's API contract fixes). */
  reviewStatus: 'x-review-status',
  /** The pair's collection (whole-store export with provenance). */
  collection: 'x-paralign-collection',
  /** The pair's source file name as uploaded (whole-store export with provenance). */
  sourceFile: 'x-paralign-source-file',
  /** The pair's target file name as uploaded (whole-store export with provenance). */
  targetFile: 'x-paralign-target-file',
} as const;
/** See {@link TmxPropType}. */
export type TmxPropType = (typeof TmxPropType)[keyof typeof TmxPropType];

/** Formats a date as TMX 1.4b's date attributes want it (ISO 8601 basic format, UTC): `YYYYMMDDThhmmssZ`. */
export function formatTmxDate(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new ExportError(ExportErrorCode.badOption, 'The TMX creation date is an invalid Date.');
  }
  // toISOString is always UTC: "2018-07-18T09:05:03.000Z" → "20180718T090503Z".
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** What the header says besides the fixed attributes. */
export interface TmxHeader {
  /** `segtype`: what one unit holds. */
  segtype: 'sentence' | 'paragraph';
  /** `srclang`: every unit has a `<tuv>` in it. */
  srcLang: LanguageCode;
  /** When the memory is created, written in UTC. */
  creationDate: Date;
  /** paralign's version, written as `creationtoolversion`. */
  creationToolVersion: string;
}

/** The XML declaration, DOCTYPE, `<tmx>`, `<header/>` and the opening `<body>`. */
export function formatTmxProlog(header: TmxHeader): string {
  // The seven attributes the DTD requires, then creationdate; insertion order is output order.
  const attributes: Record<string, string> = {
    creationtool: 'paralign',
    creationtoolversion: header.creationToolVersion,
    segtype: header.segtype,
    'o-tmf': 'paralign',
    adminlang: 'en',
    srclang: header.srcLang,
    datatype: 'plaintext',
    creationdate: formatTmxDate(header.creationDate),
  };
  const formatted = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeXmlAttribute(value)}"`)
    .join(' ');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // Java readers fetch the DTD named here; the bare system id is the form they resolve locally (tmx-check README).
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `  <header ${formatted}/>\n` +
    '  <body>\n'
  );
}

/** The closing `</body>` and `</tmx>`. */
export const TMX_EPILOG = '  </body>\n</tmx>\n';

/** One language variant of a unit: its language and its (trimmed, non-empty) text. */
export type TmxVariant = readonly [LanguageCode, string];

/** One translation unit as {@link formatTmxUnit} writes it. */
export interface TmxUnit {
  /** `tuid`, when the unit has one. */
  tuid?: string;
  /** Document symbol, or null. */
  symbol: string | null;
  /** Label path, or null. */
  label: string | null;
  /** The aligner's confidence, in [0, 1]; written with two decimals when finite. */
  confidence: number;
  /** The variants in output order: translate-toolkit takes the first `<tuv>` as the source, so srclang's goes first. */
  variants: readonly TmxVariant[];
  /** Identical units this one stands for, itself included; written only above 1. */
  duplicates?: number;
  /** Review status, written as a prop when given. */
  reviewStatus?: string;
  /** `changeid`: who last changed the unit (a reviewer), when given. */
  changeId?: string;
  /** `changedate`: when the unit last changed, when given. */
  changeDate?: Date;
  /** `creationdate`: when the unit was made (its pair's upload), when given. */
  creationDate?: Date;
  /** Collection, source and target file names of the unit's pair, written as props when given. */
  provenance?: { collection: string | null; sourceFile: string; targetFile: string };
}

/**
 * A reviewed unit's fields of {@link TmxUnit}: its status always; who changed it and when only once a person has
 * (the aligner's own version names nobody). None for a unit without review state.
 */
export function tmxReviewFields(review: UnitReview | null): Pick<TmxUnit, 'reviewStatus' | 'changeId' | 'changeDate'> {
  if (review === null) return {};
  return {
    reviewStatus: review.status,
    ...(review.changedBy === null ? {} : { changeId: review.changedBy }),
    ...(review.changedBy === null || review.changedAt === null ? {} : { changeDate: review.changedAt }),
  };
}

/** One `<tu>` with its props and variants. */
export function formatTmxUnit(unit: TmxUnit): string {
  // TMX 1.4b §3.3 (<tu>): tuid, creationdate, changedate and changeid are optional attributes of every unit.
  const attributes: Array<[string, string | undefined]> = [
    ['tuid', unit.tuid],
    ['creationdate', unit.creationDate === undefined ? undefined : formatTmxDate(unit.creationDate)],
    ['changedate', unit.changeDate === undefined ? undefined : formatTmxDate(unit.changeDate)],
    ['changeid', unit.changeId],
  ];
  const formatted = attributes
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  const props: string[] = [];
  if (unit.symbol !== null) props.push(formatProp(TmxPropType.symbol, unit.symbol));
  if (unit.label !== null) props.push(formatProp(TmxPropType.label, unit.label));
  if (Number.isFinite(unit.confidence)) props.push(formatProp(TmxPropType.confidence, unit.confidence.toFixed(2)));
  if (unit.duplicates !== undefined && unit.duplicates > 1)
    props.push(formatProp(TmxPropType.duplicates, String(unit.duplicates)));
  if (unit.reviewStatus !== undefined) props.push(formatProp(TmxPropType.reviewStatus, unit.reviewStatus));
  if (unit.provenance !== undefined) {
    const { collection, sourceFile, targetFile } = unit.provenance;
    if (collection !== null) props.push(formatProp(TmxPropType.collection, collection));
    props.push(formatProp(TmxPropType.sourceFile, sourceFile));
    props.push(formatProp(TmxPropType.targetFile, targetFile));
  }
  // DTD: <!ELEMENT tu ((note|prop)*, tuv+)>, so every prop precedes the first tuv.
  const tuvs = unit.variants.map(([language, text]) => formatTuv(language, text));
  return `    <tu${formatted}>\n${[...props, ...tuvs].join('')}    </tu>\n`;
}

function formatProp(type: TmxPropType, value: string): string {
  return `      <prop type="${type}">${escapeXmlText(value)}</prop>\n`;
}

function formatTuv(language: LanguageCode, text: string): string {
  // Nothing is added inside <seg>: OmegaT matches it verbatim.
  return `      <tuv xml:lang="${escapeXmlAttribute(language)}"><seg>${escapeXmlText(text)}</seg></tuv>\n`;
}
