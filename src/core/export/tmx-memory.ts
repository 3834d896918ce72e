/**
 * TMX 1.4b for a whole translation memory: units of many pairs, streamed from the store, written one `<tu>` at a
 * time so that memory stays flat. Same header and `<tu>` layout as {@link writeTmx} (tmx.ts).
 */
import type { LanguageCode } from '../model.js';
import { formatTmxDate, TmxPropType } from './tmx.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';

/** One stored unit to write; both texts non-empty. */
export interface MemoryUnit {
  /** Source-side text. */
  sourceText: string;
  /** Target-side text. */
  targetText: string;
  /** Language of `sourceText`. */
  sourceLanguage: LanguageCode;
  /** Language of `targetText`. */
  targetLanguage: LanguageCode;
  /** Document symbol of the pair, or null. */
  symbol: string | null;
  /** Label path, or null. */
  label: string | null;
  /** The aligner's confidence, in [0, 1]. */
  confidence: number;
  /** Unique id of the unit within the memory (written as `tuid`), or absent. */
  tuid?: string;
}

/** Options of {@link writeTmxMemory}. */
export interface TmxMemoryOptions {
  /** Header `srclang`; units with no side in this language are left out (TMX 1.4b wants a `<tuv>` in it). */
  srcLang: LanguageCode;
  /** When the memory is created, written in UTC. */
  creationDate: Date;
  /** paralign's version, written as `creationtoolversion`. */
  creationToolVersion: string;
}

/** Streams a TMX 1.4b document over `units`: the prolog, one chunk per `<tu>`, the closing tags. */
export async function* writeTmxMemory(units: AsyncIterable<MemoryUnit> | Iterable<MemoryUnit>, options: TmxMemoryOptions): AsyncGenerator<string> {
  const header = [
    'creationtool="paralign"',
    `creationtoolversion="${escapeXmlAttribute(options.creationToolVersion)}"`,
    'segtype="sentence"',
    'o-tmf="paralign"',
    'adminlang="en"',
    `srclang="${escapeXmlAttribute(options.srcLang)}"`,
    'datatype="plaintext"',
    `creationdate="${formatTmxDate(options.creationDate)}"`,
  ].join(' ');
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n  <header ${header}/>\n  <body>\n`;
  const srcLang = options.srcLang.toLowerCase();
  for await (const unit of units) {
    const source = formatTuv(unit.sourceLanguage, unit.sourceText);
    const target = formatTuv(unit.targetLanguage, unit.targetText);
    let tuvs: string[];
    if (unit.sourceLanguage.toLowerCase() === srcLang) tuvs = [source, target];
    else if (unit.targetLanguage.toLowerCase() === srcLang) tuvs = [target, source];
    else continue;
    const props: string[] = [];
    if (unit.symbol !== null) props.push(formatProp(TmxPropType.symbol, unit.symbol));
    if (unit.label !== null) props.push(formatProp(TmxPropType.label, unit.label));
    if (Number.isFinite(unit.confidence)) props.push(formatProp(TmxPropType.confidence, unit.confidence.toFixed(2)));
    const tuid = unit.tuid === undefined ? '' : ` tuid="${escapeXmlAttribute(unit.tuid)}"`;
    // DTD: <!ELEMENT tu ((note|prop)*, tuv+)>; translate-toolkit reads the first <tuv> as the source.
    yield `    <tu${tuid}>\n${[...props, ...tuvs].join('')}    </tu>\n`;
  }
  yield '  </body>\n</tmx>\n';
}

function formatProp(type: TmxPropType, value: string): string {
  return `      <prop type="${type}">${escapeXmlText(value)}</prop>\n`;
}

function formatTuv(language: LanguageCode, text: string): string {
  // The store keeps trimmed, non-empty texts (Store.streamUnits); OmegaT matches <seg> verbatim.
  return `      <tuv xml:lang="${escapeXmlAttribute(language)}"><seg>${escapeXmlText(text.trim())}</seg></tuv>\n`;
}
