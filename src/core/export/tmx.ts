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
import { formatTmxProlog, formatTmxUnit, TMX_EPILOG, tmxReviewFields, type TmxVariant } from './tmx-parts.js';
import { replaceXmlForbiddenChars } from './xml-text.js';

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

/**
 * Streams a TMX 1.4b document, one chunk for the prolog and header, one per `<tu>`, one to close; returns the summary.
 */
export function* writeTmx(alignment: Alignment, options: TmxOptions): Generator<string, ExportSummary, undefined> {
  const srcLang = resolveTmxSrcLang(alignment, options.srcLang);
  const sourceFirst = sameLanguage(srcLang, alignment.source.language);
  const symbol = alignment.source.meta.symbol ?? alignment.target.meta.symbol;
  const summary = createExportSummary();

  yield formatTmxProlog({
    segtype: options.units === UnitKind.paragraph ? 'paragraph' : 'sentence',
    srcLang,
    creationDate: options.creationDate,
    creationToolVersion: options.creationToolVersion,
  });
  for (const unit of collectUnits(alignment, options, replaceXmlForbiddenChars, summary)) {
    yield formatTu(unit, {
      symbol,
      sourceFirst,
      sourceLang: alignment.source.language,
      targetLang: alignment.target.language,
      tuidPrefix: options.tuidPrefix,
    });
  }
  yield TMX_EPILOG;
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

interface TuContext {
  symbol: string | null;
  sourceFirst: boolean;
  sourceLang: LanguageCode;
  targetLang: LanguageCode;
  tuidPrefix: string | undefined;
}

function formatTu(unit: ExportUnit, context: TuContext): string {
  const source: TmxVariant = [context.sourceLang, unit.source];
  const target: TmxVariant = [context.targetLang, unit.target];
  return formatTmxUnit({
    ...(context.tuidPrefix === undefined ? {} : { tuid: context.tuidPrefix + unit.bead }),
    symbol: context.symbol,
    label: unit.label,
    confidence: unit.confidence,
    variants: context.sourceFirst ? [source, target] : [target, source],
    ...tmxReviewFields(unit.review),
  });
}

function sameLanguage(a: LanguageCode, b: LanguageCode): boolean {
  // BCP 47 tags compare case-insensitively ("FR" is "fr").
  return a.toLowerCase() === b.toLowerCase();
}
