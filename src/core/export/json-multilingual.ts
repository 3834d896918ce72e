/** The whole n-way alignment as one JSON-ready object. */
import type { LanguageCode, MultiAlignment, MultiBlockUnit, MultiUnit } from '../model.js';
import { toDocumentJson, type DocumentJson } from './json.js';

/** Version of the {@link MultilingualAlignmentJson} shape; raised whenever a field changes meaning or goes away. */
export const MULTILINGUAL_JSON_VERSION = 1;

/** A plain, serialisable copy of an n-way alignment and, optionally, its report. */
export interface MultilingualAlignmentJson {
  /** Always {@link MULTILINGUAL_JSON_VERSION}. */
  version: typeof MULTILINGUAL_JSON_VERSION;
  /** The pivot's language. */
  pivot: LanguageCode;
  /** The versions' languages in the order given; unit `segments` are keyed by them. */
  languages: LanguageCode[];
  /** The versions, in the order of `languages`. */
  documents: DocumentJson[];
  /** Units over block indices. */
  blocks: MultiBlockUnit[];
  /** Units over sentence indices. */
  units: MultiUnit[];
  /** Whatever report the caller attached; absent when none. */
  report?: unknown;
}

/** Copies an n-way alignment into a fresh plain object ready for `JSON.stringify`. */
export function toMultilingualJson(
  alignment: MultiAlignment,
  extras: { report?: unknown } = {},
): MultilingualAlignmentJson {
  const copy = <U extends MultiUnit>(unit: U): U => ({
    ...unit,
    segments: Object.fromEntries(Object.entries(unit.segments).map(([language, list]) => [language, [...list]])),
  });
  const json: MultilingualAlignmentJson = {
    version: MULTILINGUAL_JSON_VERSION,
    pivot: alignment.pivot,
    languages: alignment.documents.map((document) => document.language),
    documents: alignment.documents.map(toDocumentJson),
    blocks: alignment.blocks.map(copy),
    units: alignment.sentences.map(copy),
  };
  if (extras.report !== undefined) json.report = extras.report;
  return json;
}
