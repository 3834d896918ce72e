/**
 * Six-language UN-style documents built from the Universal Declaration of Human Rights ("UDHR in Unicode" XML): the
 * title, the preamble, then the thirty articles, each a heading ("Article 1", "Статья 1", "第一条", "المادة 1") over
 * paragraphs numbered through the document as UN reports number theirs ("1." … "50."; "1 -" in Arabic). Every
 * article heading and article paragraph has an id, so that an n-way alignment of the versions can be scored unit by
 * unit; variants take the numbering out of a version or drop an article from it. Used by tests/pipeline and
 * `npm run eval`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageCode, MultiAlignment } from '../src/core/model.js';
import { alignDocumentVersions, type AlignedVersions } from '../src/pipeline/align-document-versions.js';
import { readDocumentVersions } from '../src/pipeline/read-document-versions.js';
import { evalRawDir } from './shared-data.js';
import { readMarkup, UDHR_FILES } from './structural-sets.js';

/** The six UN languages in the order the versions are given. */
export const SIX_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

/** One version's text units: its title, preamble paragraphs, and articles with their heading and paragraphs. */
interface UdhrVersion {
  language: LanguageCode;
  title: string;
  preamble: string[];
  articles: { number: number; heading: string; paragraphs: string[] }[];
}

/** How a version is written out. */
export interface RenderOptions {
  /** Number the article paragraphs "1." … (default true). */
  paragraphNumbers?: boolean;
  /** Write each article's heading (default true); without it, a version has no numbering of its articles. */
  articleHeadings?: boolean;
  /** Leave this article out, heading and paragraphs. */
  dropArticle?: number;
}

/** A version written out: its text and, for each of its blocks in order, the unit id or null (title, preamble). */
interface RenderedVersion {
  text: string;
  ids: (string | null)[];
}

/** The six versions read from the XML, or null when the UDHR files are absent. */
export function loadUdhrVersions(root = evalRawDir()): UdhrVersion[] | null {
  const dir = join(root, 'udhr-unicode');
  const paths = SIX_LANGUAGES.map((language) => join(dir, `${UDHR_FILES[language] ?? ''}.xml`));
  if (!paths.every((path) => existsSync(path))) return null;
  return SIX_LANGUAGES.map((language, k) => {
    const markup = readMarkup(paths[k] as string);
    const section = (name: string): string[] => markup.filter((p) => p.section === name).map((p) => p.text);
    const articles = Array.from({ length: 30 }, (_, a) => {
      const [heading = '', ...paragraphs] = section(`art:${a + 1}`);
      return { number: a + 1, heading, paragraphs };
    });
    // The preamble's own title ("Preamble") is a heading like the articles'.
    return { language, title: section('')[0] ?? '', preamble: section('preamble'), articles };
  });
}

function render(version: UdhrVersion, options: RenderOptions): RenderedVersion {
  const blocks: { text: string; id: string | null }[] = [{ text: version.title, id: null }];
  for (const paragraph of version.preamble) blocks.push({ text: paragraph, id: null });
  let number = 0;
  for (const article of version.articles) {
    const dropped = article.number === options.dropArticle;
    if (options.articleHeadings !== false && !dropped)
      blocks.push({ text: article.heading, id: `art:${article.number}` });
    article.paragraphs.forEach((paragraph, p) => {
      number += 1;
      if (dropped) return;
      // UN Arabic documents number paragraphs "51 -" where the others print "51.".
      const label = version.language === 'ar' ? `${number} - ` : `${number}. `;
      const text = options.paragraphNumbers === false ? paragraph : `${label}${paragraph}`;
      blocks.push({ text, id: `art:${article.number}/${p + 1}` });
    });
  }
  return { text: `${blocks.map((block) => block.text).join('\n\n')}\n`, ids: blocks.map((block) => block.id) };
}

/** The six versions aligned n-way through the pipeline, with the unit id of every block of every version. */
export interface AlignedUdhr extends AlignedVersions {
  /** Per language, the unit id of each block (null for the title and the preamble). */
  ids: Map<LanguageCode, (string | null)[]>;
}

/**
 * Writes the six versions out (`variants` changes the ones it names), reads them through the pipeline as uploaded
 * text files of declared languages, and aligns them n-way with English as the pivot.
 */
export async function alignUdhrSix(
  versions: readonly UdhrVersion[],
  variants: Partial<Record<LanguageCode, RenderOptions>> = {},
): Promise<AlignedUdhr> {
  const rendered = versions.map((version) => ({ version, ...render(version, variants[version.language] ?? {}) }));
  const read = await readDocumentVersions(
    rendered.map(({ version, text }) => ({
      bytes: new TextEncoder().encode(text),
      name: `udhr.${version.language}.txt`,
      language: version.language,
    })),
  );
  const ids = new Map<LanguageCode, (string | null)[]>();
  read.documents.forEach((document, k) => {
    const expected = rendered[k]?.ids ?? [];
    // Each written paragraph is one block; the test of this harness checks that the parser keeps it so.
    if (document.blocks.length !== expected.length) {
      throw new Error(`udhr ${document.language}: ${document.blocks.length} blocks for ${expected.length} paragraphs`);
    }
    ids.set(document.language, expected);
  });
  return { ...alignDocumentVersions(read), ids };
}

/** How many unit ids came out right, overall and per language. */
export interface UnitScores {
  /** Ids whose unit holds exactly that id's block in every version that has it, and nothing else. */
  right: number;
  /** Ids of the pivot (English always has every id). */
  total: number;
  /** Per language: its blocks with an id whose unit is right. */
  perLanguage: Map<LanguageCode, { right: number; total: number }>;
  /** The ids not right. */
  misses: string[];
}

/**
 * Scores the block units of `aligned`: an id is right when one unit holds its block in every version that has the id,
 * and no other block with an id or without (the title and preamble blocks excepted: they are not scored, but a unit
 * that glues one to an article paragraph is wrong).
 */
export function scoreUdhrUnits(aligned: AlignedUdhr): UnitScores {
  const { alignment, ids } = aligned;
  const idOf = (language: LanguageCode, block: number): string | null | undefined => ids.get(language)?.[block];
  const perLanguage = new Map<LanguageCode, { right: number; total: number }>();
  const rightIds = new Set<string>();
  const allIds = new Set<string>();
  for (const language of ids.keys()) {
    for (const id of ids.get(language) ?? []) if (id !== null) allIds.add(id);
  }
  for (const unit of alignment.blocks) {
    const entries = Object.entries(unit.segments).flatMap(([language, blocks]) =>
      blocks.map((block) => ({ language, id: idOf(language, block) })),
    );
    const unitIds = new Set(entries.map((entry) => entry.id));
    const id = entries[0]?.id;
    if (unitIds.size !== 1 || id === null || id === undefined) continue;
    // One block per language, and every version that has the id is in the unit.
    const languages = entries.map((entry) => entry.language);
    const holders = [...ids.keys()].filter((language) => ids.get(language)?.includes(id) === true);
    if (new Set(languages).size === languages.length && holders.every((language) => languages.includes(language)))
      rightIds.add(id);
  }
  for (const [language, list] of ids) {
    const own = list.filter((id): id is string => id !== null);
    perLanguage.set(language, { right: own.filter((id) => rightIds.has(id)).length, total: own.length });
  }
  const pivotIds = (ids.get(alignment.pivot) ?? []).filter((id): id is string => id !== null);
  return {
    right: pivotIds.filter((id) => rightIds.has(id)).length,
    total: pivotIds.length,
    perLanguage,
    misses: [...allIds].filter((id) => !rightIds.has(id)),
  };
}

/** Whether the n-way units of `alignment` keep every language's blocks in order (a sanity check for the merge). */
export function isMonotone(alignment: MultiAlignment): boolean {
  return alignment.documents.every((document) => {
    const seen = alignment.blocks.flatMap((unit) => unit.segments[document.language] ?? []);
    return seen.every((block, k) => block === k) && seen.length === document.blocks.length;
  });
}
