/**
 * TMX 1.4b writer: the translation memory users load into OmegaT, Trados, translate-toolkit.
 *
 * Spec: TMX 1.4b (LISA OSCAR, 2004), DTD `tmx14.dtd`. What readers check is listed in
 * shared/STACK.md "TMX 1.4b essentials" and shared/tools/README-tmx-check.md.
 */
import type { Alignment, LanguageCode } from '../model.js';
import {
  collectUnits,
  createExportSummary,
  summarizeUnits,
  UnitKind,
  type ExportSummary,
  type ExportUnit,
  type UnitSelection,
} from './collect-units.js';
import { ExportError, ExportErrorCode } from './export-error.js';
import { escapeXmlAttribute, escapeXmlText, replaceXmlForbiddenChars } from './xml-text.js';

/** Options of {@link writeTmx}. */
export interface TmxOptions extends UnitSelection {
  /** When the memory is created, written in UTC; core has no clock, so the caller passes it. */
  creationDate: Date;
  /** paralign's version, written as `creationtoolversion`. */
  creationToolVersion: string;
  /** Header `srclang`, one of the two documents' languages; see {@link resolveTmxSrcLang} for the default. */
  srcLang?: LanguageCode;
  /** When set, every `<tu>` gets `tuid` = this prefix + the bead's position in its bead list. */
  tuidPrefix?: string;
}

/** `<prop type>` values paralign writes in each `<tu>` (TMX 1.4b: types the standard does not define start with "x-"). */
export const TmxPropType = {
  /** The document symbol, e.g. "CTOC/COP/2018/1". */
  symbol: 'x-paralign-symbol',
  /** The label path of the unit's first source paragraph, e.g. "12/a". */
  label: 'x-paralign-label',
  /** The bead's confidence with two decimals. */
  confidence: 'x-paralign-confidence',
} as const;
/** See {@link TmxPropType}. */
export type TmxPropType = (typeof TmxPropType)[keyof typeof TmxPropType];

/**
 * Streams a TMX 1.4b document, one chunk for the prolog and header, one per `<tu>`, one to close; returns the summary.
 */
export function* writeTmx(alignment: Alignment, options: TmxOptions): Generator<string, ExportSummary, undefined> {
  const srcLang = resolveTmxSrcLang(alignment, options.srcLang);
  const sourceFirst = sameLanguage(srcLang, alignment.source.language);
  const symbol = alignment.source.meta.symbol ?? alignment.target.meta.symbol;
  const summary = createExportSummary();

  yield formatProlog(options, srcLang);
  for (const unit of collectUnits(alignment, options, replaceXmlForbiddenChars, summary)) {
    yield formatTu(unit, {
      symbol,
      sourceFirst,
      sourceLang: alignment.source.language,
      targetLang: alignment.target.language,
      tuidPrefix: options.tuidPrefix,
    });
  }
  yield '  </body>\n</tmx>\n';
  return summary;
}

/** Counts what {@link writeTmx} would write and leave out, without building any XML. */
export function summarizeTmx(alignment: Alignment, options: UnitSelection): ExportSummary {
  return summarizeUnits(alignment, options, replaceXmlForbiddenChars);
}

/**
 * Picks the header `srclang`: `requested`, else the source document's original language when it is one of the two,
 * else the source document's language; returned spelled as the matching document spells it.
 */
export function resolveTmxSrcLang(alignment: Alignment, requested?: LanguageCode): LanguageCode {
  const languages = [alignment.source.language, alignment.target.language];
  const matching = (code: LanguageCode): LanguageCode | undefined =>
    languages.find((language) => sameLanguage(language, code));
  if (requested !== undefined) {
    const found = matching(requested);
    if (found === undefined) {
      // TMX 1.4b: every <tu> needs a <tuv> in srclang, so a third language would make every unit invalid.
      throw new ExportError(
        ExportErrorCode.badOption,
        `srcLang "${requested}" is neither of the aligned languages (${languages.join(', ')}).`,
      );
    }
    return found;
  }
  // A French/English pair translated from a Spanish original falls through to the source document's language.
  const original = alignment.source.meta.originalLanguage;
  return (original === null ? undefined : matching(original)) ?? alignment.source.language;
}

/** Formats a date as TMX 1.4b's date attributes want it (ISO 8601 basic format, UTC): `YYYYMMDDThhmmssZ`. */
export function formatTmxDate(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new ExportError(ExportErrorCode.badOption, 'The TMX creation date is an invalid Date.');
  }
  // toISOString is always UTC: "2018-07-18T09:05:03.000Z" → "20180718T090503Z".
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function formatProlog(options: TmxOptions, srcLang: LanguageCode): string {
  // The seven attributes the DTD requires, then creationdate; insertion order is output order.
  const header: Record<string, string> = {
    creationtool: 'paralign',
    creationtoolversion: options.creationToolVersion,
    segtype: options.units === UnitKind.paragraph ? 'paragraph' : 'sentence',
    'o-tmf': 'paralign',
    adminlang: 'en',
    srclang: srcLang,
    datatype: 'plaintext',
    creationdate: formatTmxDate(options.creationDate),
  };
  const attributes = Object.entries(header)
    .map(([name, value]) => `${name}="${escapeXmlAttribute(value)}"`)
    .join(' ');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // Java readers fetch the DTD named here; the bare system id is the form they resolve locally (tmx-check README).
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `  <header ${attributes}/>\n` +
    '  <body>\n'
  );
}

interface TuContext {
  symbol: string | null;
  sourceFirst: boolean;
  sourceLang: LanguageCode;
  targetLang: LanguageCode;
  tuidPrefix: string | undefined;
}

function formatTu(unit: ExportUnit, context: TuContext): string {
  const tuid = context.tuidPrefix === undefined ? '' : ` tuid="${escapeXmlAttribute(context.tuidPrefix + unit.bead)}"`;
  const props: string[] = [];
  if (context.symbol !== null) props.push(formatProp(TmxPropType.symbol, context.symbol));
  if (unit.label !== null) props.push(formatProp(TmxPropType.label, unit.label));
  if (Number.isFinite(unit.confidence)) props.push(formatProp(TmxPropType.confidence, unit.confidence.toFixed(2)));
  const source = formatTuv(context.sourceLang, unit.source);
  const target = formatTuv(context.targetLang, unit.target);
  // translate-toolkit takes the first <tuv> as the source whatever the header says: srclang's comes first.
  const tuvs = context.sourceFirst ? [source, target] : [target, source];
  // DTD: <!ELEMENT tu ((note|prop)*, tuv+)>, so every prop precedes the first tuv.
  return `    <tu${tuid}>\n${[...props, ...tuvs].join('')}    </tu>\n`;
}

function formatProp(type: TmxPropType, value: string): string {
  return `      <prop type="${type}">${escapeXmlText(value)}</prop>\n`;
}

function formatTuv(language: LanguageCode, text: string): string {
  // `text` is non-empty and trimmed (collectUnits); nothing is added inside <seg>, since OmegaT matches it verbatim.
  return `      <tuv xml:lang="${escapeXmlAttribute(language)}"><seg>${escapeXmlText(text)}</seg></tuv>\n`;
}

function sameLanguage(a: LanguageCode, b: LanguageCode): boolean {
  // BCP 47 tags compare case-insensitively ("FR" is "fr").
  return a.toLowerCase() === b.toLowerCase();
}
