/**
 * TMX 1.4b for a whole translation memory: units of many pairs, streamed from the store, written one `<tu>` at a
 * time so that memory stays flat. Same header and `<tu>` layout as one document's TMX (tmx-parts.ts).
 */
import type { LanguageCode } from '../model.js';
import { formatTmxProlog, formatTmxUnit, TMX_EPILOG, type TmxUnit, type TmxVariant } from './tmx-parts.js';

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
  /** Identical units of the memory this one stands for, itself included (a prop when above 1), or absent. */
  duplicates?: number;
  /** Review status (written as a prop), or absent. */
  status?: string;
  /** Account that last changed the unit (`changeid`), or null/absent when only the aligner did. */
  changedBy?: string | null;
  /** When the unit last changed. */
  changedAt?: Date;
  /** When the unit's pair was uploaded. */
  pairCreatedAt?: Date;
  /** The pair's collection, or null. */
  collection?: string | null;
  /** The pair's source file name as uploaded. */
  sourceFileName?: string;
  /** The pair's target file name as uploaded. */
  targetFileName?: string;
}

/** Options of {@link writeTmxMemory}. */
export interface TmxMemoryOptions {
  /** Header `srclang`; units with no side in this language are left out (TMX 1.4b wants a `<tuv>` in it). */
  srcLang: LanguageCode;
  /** When the memory is created, written in UTC. */
  creationDate: Date;
  /** paralign's version, written as `creationtoolversion`. */
  creationToolVersion: string;
  /**
   * Adds each unit's `creationdate` (its pair's upload) and `changedate` (its last change), and its pair's collection
   * and file names as props (issue 15: where a unit comes from); off by default.
   */
  provenance?: boolean;
}

/** Streams a TMX 1.4b document over `units`: the prolog, one chunk per `<tu>`, the closing tags. */
export async function* writeTmxMemory(
  units: AsyncIterable<MemoryUnit> | Iterable<MemoryUnit>,
  options: TmxMemoryOptions,
): AsyncGenerator<string> {
  yield formatTmxProlog({
    segtype: 'sentence',
    srcLang: options.srcLang,
    creationDate: options.creationDate,
    creationToolVersion: options.creationToolVersion,
  });
  const srcLang = options.srcLang.toLowerCase();
  for await (const unit of units) {
    // The store keeps trimmed, non-empty texts (Store.streamUnits); trim again so a hand-filled store cannot add
    // blanks.
    const source: TmxVariant = [unit.sourceLanguage, unit.sourceText.trim()];
    const target: TmxVariant = [unit.targetLanguage, unit.targetText.trim()];
    let variants: TmxVariant[];
    if (unit.sourceLanguage.toLowerCase() === srcLang) variants = [source, target];
    else if (unit.targetLanguage.toLowerCase() === srcLang) variants = [target, source];
    else continue;
    yield formatTmxUnit({
      ...(unit.tuid === undefined ? {} : { tuid: unit.tuid }),
      symbol: unit.symbol,
      label: unit.label,
      confidence: unit.confidence,
      variants,
      ...(unit.duplicates === undefined ? {} : { duplicates: unit.duplicates }),
      ...(unit.status === undefined ? {} : { reviewStatus: unit.status }),
      ...unitChange(unit, options.provenance === true),
      ...(options.provenance === true ? unitProvenance(unit) : {}),
    });
  }
  yield TMX_EPILOG;
}

function unitChange(unit: MemoryUnit, provenance: boolean): { changeId?: string; changeDate?: Date } {
  const byPerson = unit.changedBy !== undefined && unit.changedBy !== null;
  return {
    ...(byPerson ? { changeId: unit.changedBy ?? '' } : {}),
    // Without provenance, only a person's change is dated (as in one pair's TMX); with it, every unit is.
    ...((byPerson || provenance) && unit.changedAt !== undefined ? { changeDate: unit.changedAt } : {}),
  };
}

function unitProvenance(unit: MemoryUnit): { creationDate?: Date; provenance?: TmxUnit['provenance'] } {
  return {
    ...(unit.pairCreatedAt === undefined ? {} : { creationDate: unit.pairCreatedAt }),
    ...(unit.sourceFileName === undefined || unit.targetFileName === undefined
      ? {}
      : {
          provenance: {
            collection: unit.collection ?? null,
            sourceFile: unit.sourceFileName,
            targetFile: unit.targetFileName,
          },
        }),
  };
}
