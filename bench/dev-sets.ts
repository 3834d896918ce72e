/**
 * Loaders for the development sets under ../shared/eval/raw (read in place, never copied).
 * Each set becomes documents of presegmented sentences with gold beads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLinks } from '../src/core/export/links.js';
import type { Bead } from '../src/core/model.js';
import { evalRawDir } from '../harness/shared-data.js';

/** One document of a development set. */
export interface DevDocument {
  /** Short name for reports. */
  name: string;
  /** Source sentences, in order. */
  source: string[];
  /** Target sentences, in order. */
  target: string[];
  /** Indices of source sentences that start a paragraph (empty when the set has no paragraph marks). */
  sourceParagraphStarts: number[];
  /** Indices of target sentences that start a paragraph. */
  targetParagraphStarts: number[];
  /** Gold beads over sentence indices. */
  gold: Bead[];
}

/** A named development set: one or more documents scored together. */
export interface DevSet {
  name: string;
  languages: [string, string];
  documents: DevDocument[];
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const all = text.split(/\r?\n/);
  if (all.at(-1) === '') all.pop();
  return all;
}

/** Text+Berg (Bleualign) German-French development document, or null when absent. */
export function loadTextBergDev(root = evalRawDir()): DevSet | null {
  const dir = join(root, 'bleualign-textberg-de-fr');
  if (!existsSync(join(dir, 'dev.defr'))) return null;
  return {
    name: 'textberg-dev',
    languages: ['de', 'fr'],
    documents: [
      {
        name: 'dev',
        source: lines(join(dir, 'dev.de')).map((l) => l.trim()),
        target: lines(join(dir, 'dev.fr')).map((l) => l.trim()),
        sourceParagraphStarts: [],
        targetParagraphStarts: [],
        gold: parseLinks(readFileSync(join(dir, 'dev.defr'), 'utf8')),
      },
    ],
  };
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

interface CesText {
  ids: string[];
  sentences: string[];
  paragraphStarts: number[];
}

// CES text: <p id> <s id="P.S"> <w id>token</w> ... </s> </p>; tokens are joined by single spaces.
function readCes(path: string): CesText {
  const xml = readFileSync(path, 'utf8');
  const ids: string[] = [];
  const sentences: string[] = [];
  const paragraphStarts: number[] = [];
  const tokenPattern = /<p\s+id="([^"]*)"|<s\s+id="([^"]*)"\s*>([\s\S]*?)<\/s>/g;
  let paragraphOpen = false;
  for (const match of xml.matchAll(tokenPattern)) {
    if (match[1] !== undefined) {
      paragraphOpen = true;
      continue;
    }
    const words = [...(match[3] ?? '').matchAll(/<w[^>]*>([\s\S]*?)<\/w>/g)].map((w) => decodeXml(w[1] ?? ''));
    if (paragraphOpen) paragraphStarts.push(sentences.length);
    paragraphOpen = false;
    ids.push(match[2] ?? '');
    sentences.push(words.join(' '));
  }
  return { ids, sentences, paragraphStarts };
}

function readCesAlign(path: string, source: CesText, target: CesText): Bead[] {
  const xml = readFileSync(path, 'utf8');
  const sourceIndex = new Map(source.ids.map((id, i) => [id, i]));
  const targetIndex = new Map(target.ids.map((id, i) => [id, i]));
  const beads: Bead[] = [];
  for (const match of xml.matchAll(/xtargets="([^";]*);([^"]*)"/g)) {
    const toIndices = (ids: string, index: Map<string, number>): number[] =>
      ids
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => {
          const i = index.get(id);
          if (i === undefined) throw new Error(`${path}: sentence id ${id} not in the text`);
          return i;
        });
    beads.push({ source: toIndices(match[1] ?? '', sourceIndex), target: toIndices(match[2] ?? '', targetIndex) });
  }
  return beads;
}

/**
 * The two TransRead novels (English-French), or null when absent. With `paragraphs`, paragraph starts are
 * kept (Alice has them; Emma's text is one paragraph), as hunalign's `<p>` markers.
 */
export function loadTransReadNovels(paragraphs: boolean, root = evalRawDir()): DevSet | null {
  const dir = join(root, 'transread-limsi-novels');
  const books = ['AlicesAdventuresInWonderland', 'Emma'];
  const documents: DevDocument[] = [];
  for (const book of books) {
    const bookDir = join(dir, `${book}_EN-FR`);
    const alignPath = join(bookDir, `${book}_sent_align_en-fr.xml`);
    if (!existsSync(alignPath)) return null;
    const en = readCes(join(bookDir, `cut_${book}_en.xml`));
    const fr = readCes(join(bookDir, `cut_${book}_fr.xml`));
    documents.push({
      name: book,
      source: en.sentences,
      target: fr.sentences,
      sourceParagraphStarts: paragraphs ? en.paragraphStarts : [],
      targetParagraphStarts: paragraphs ? fr.paragraphStarts : [],
      gold: readCesAlign(alignPath, en, fr),
    });
  }
  return {
    name: paragraphs ? 'transread-novels+paragraphs' : 'transread-novels',
    languages: ['en', 'fr'],
    documents,
  };
}

/** Every development set present, in a fixed order. */
/**
 * One UNPC set (`testset` or `devset`: 4,000 French-English sentence pairs from UN documents each), French first,
 * pairs with a blank side left out; null when absent.
 */
export function loadUnpcPairs(
  set: 'testset' | 'devset',
  root = evalRawDir(),
): { source: string; target: string }[] | null {
  const base = join(root, 'unpc-v1.0-testsets', set, `UNv1.0.${set}`);
  if (!existsSync(`${base}.fr`) || !existsSync(`${base}.en`)) return null;
  const fr = lines(`${base}.fr`);
  const en = lines(`${base}.en`);
  return fr
    .map((source, k) => ({ source: source.trim(), target: (en[k] ?? '').trim() }))
    .filter((p) => p.source !== '' && p.target !== '');
}

export function loadDevSets(root = evalRawDir()): DevSet[] {
  return [loadTextBergDev(root), loadTransReadNovels(false, root), loadTransReadNovels(true, root)].filter(
    (s): s is DevSet => s !== null,
  );
}

/** The languages of the UNPC development set besides English. */
export const UNPC_LANGUAGES = ['ar', 'es', 'fr', 'ru', 'zh'] as const;
/** One of {@link UNPC_LANGUAGES}. */
export type UnpcLanguage = (typeof UNPC_LANGUAGES)[number];

/**
 * The UNPC development set's lines in `language` and English with their document symbols, blank lines left out;
 * null when absent.
 */
export function loadUnpcLines(
  language: UnpcLanguage,
  root = evalRawDir(),
): { document: string; source: string; target: string }[] | null {
  const base = join(root, 'unpc-v1.0-testsets', 'devset', 'UNv1.0.devset');
  if (![language, 'en', 'ids'].every((ext) => existsSync(`${base}.${ext}`))) return null;
  const source = lines(`${base}.${language}`);
  const target = lines(`${base}.en`);
  const ids = lines(`${base}.ids`);
  return source
    .map((s, k) => ({
      document: (ids[k] ?? '').split(' ')[0] ?? '',
      source: s.trim(),
      target: (target[k] ?? '').trim(),
    }))
    .filter((p) => p.source !== '' && p.target !== '');
}

/**
 * Sentence pairs turned into one document with a known alignment, as a translator's omissions and regroupings
 * would make it: every 97th source sentence has no translation (1-0), every 89th translation has no source
 * (0-1), every 53rd pair of translations is merged into one target sentence (2-1), every 71st pair of source
 * sentences into one source sentence (1-2).
 */
export function withDropsAndMerges(pairs: readonly { source: string; target: string }[], name: string): DevDocument {
  const source: string[] = [];
  const target: string[] = [];
  const gold: Bead[] = [];
  const joiner = (a: string, b: string): string =>
    /[\u3000-\u9fff\uff00-\uffef]$/u.test(a) ? `${a}${b}` : `${a} ${b}`;
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k] as { source: string; target: string };
    const next = pairs[k + 1];
    if (k % 97 === 96) {
      source.push(pair.source);
      gold.push({ source: [source.length - 1], target: [] });
    } else if (k % 89 === 88) {
      target.push(pair.target);
      gold.push({ source: [], target: [target.length - 1] });
    } else if (k % 53 === 52 && next) {
      source.push(pair.source, next.source);
      target.push(`${pair.target} ${next.target}`);
      gold.push({ source: [source.length - 2, source.length - 1], target: [target.length - 1] });
      k += 1;
    } else if (k % 71 === 70 && next) {
      source.push(joiner(pair.source, next.source));
      target.push(pair.target, next.target);
      gold.push({ source: [source.length - 1], target: [target.length - 2, target.length - 1] });
      k += 1;
    } else {
      source.push(pair.source);
      target.push(pair.target);
      gold.push({ source: [source.length - 1], target: [target.length - 1] });
    }
  }
  return { name, source, target, sourceParagraphStarts: [], targetParagraphStarts: [], gold };
}

// A document's fold, from its symbol, so that no document has sentences in both folds.
function foldOf(document: string): 0 | 1 {
  let hash = 0;
  for (const char of document) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (hash % 2) as 0 | 1;
}

/**
 * The UNPC development set as `language`-English sentence sets with drops and merges: the whole set, or one of two
 * folds split by document (one to tune on, the other to measure); null when absent.
 */
export function loadUnpcLanguageSet(language: UnpcLanguage, fold?: 0 | 1, root = evalRawDir()): DevSet | null {
  const pairs = loadUnpcLines(language, root);
  if (!pairs) return null;
  const kept = fold === undefined ? pairs : pairs.filter((p) => foldOf(p.document) === fold);
  const suffix = fold === undefined ? '' : ` fold ${fold + 1}`;
  return {
    name: `unpc-dev${suffix}`,
    languages: [language, 'en'],
    documents: [withDropsAndMerges(kept, `unpc-${language}-en${suffix}`)],
  };
}

/** The UNPC development set in all six languages, edited per language, with the n-way units it must come out as. */
export interface SixWaySet {
  name: string;
  /** Sentences per language; English is the pivot and keeps every line. */
  sentences: Record<string, string[]>;
  /** Gold n-way units: per language, the sentence indices of each unit. */
  gold: Record<string, number[]>[];
  /** Per language other than English, the gold beads of that language (source) with English (target). */
  pairGold: Record<string, Bead[]>;
}

/**
 * The UNPC development set's lines that all six languages have, as one document per language edited as a translator
 * would, each language on its own schedule (so that edits seldom coincide): every 97th line left out of that
 * language's version, every 53rd line joined with the next into one sentence. A join in any language makes the two
 * lines one unit in every language. The whole set, or one of two folds split by document; null when absent.
 */
export function loadUnpcSixWay(fold?: 0 | 1, root = evalRawDir()): SixWaySet | null {
  const base = join(root, 'unpc-v1.0-testsets', 'devset', 'UNv1.0.devset');
  const languages = ['en', ...UNPC_LANGUAGES];
  if (![...languages, 'ids'].every((ext) => existsSync(`${base}.${ext}`))) return null;
  const columns = languages.map((language) => lines(`${base}.${language}`).map((line) => line.trim()));
  const ids = lines(`${base}.ids`);
  const rows = ids
    .map((id, k) => ({ document: id.split(' ')[0] ?? '', texts: columns.map((column) => column[k] ?? '') }))
    .filter((row) => row.texts.every((text) => text !== ''))
    .filter((row) => fold === undefined || foldOf(row.document) === fold);
  const joiner = (a: string, b: string): string =>
    /[\u3000-\u9fff\uff00-\uffef]$/u.test(a) ? `${a}${b}` : `${a} ${b}`;
  const sentences: Record<string, string[]> = { en: rows.map((row) => row.texts[0] ?? '') };
  // Per language, the sentence index holding each line (-1: left out); joined[k]: lines k and k + 1 are one unit.
  const holder: Record<string, Int32Array> = { en: Int32Array.from(rows.keys()) };
  const joined = new Uint8Array(rows.length);
  const pairGold: Record<string, Bead[]> = {};
  UNPC_LANGUAGES.forEach((language, i) => {
    const column = languages.indexOf(language);
    const own: string[] = [];
    const beads: Bead[] = [];
    const held = new Int32Array(rows.length).fill(-1);
    for (let k = 0; k < rows.length; k++) {
      const text = rows[k]?.texts[column] ?? '';
      const at = k + 13 * i;
      if (at % 53 === 52 && k + 1 < rows.length) {
        own.push(joiner(text, rows[k + 1]?.texts[column] ?? ''));
        held[k] = own.length - 1;
        held[k + 1] = own.length - 1;
        joined[k] = 1;
        beads.push({ source: [own.length - 1], target: [k, k + 1] });
        k += 1;
      } else if (at % 97 !== 96) {
        own.push(text);
        held[k] = own.length - 1;
        beads.push({ source: [own.length - 1], target: [k] });
      } else {
        beads.push({ source: [], target: [k] });
      }
    }
    sentences[language] = own;
    holder[language] = held;
    pairGold[language] = beads;
  });
  const gold: Record<string, number[]>[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (k === 0 || joined[k - 1] === 0) gold.push(Object.fromEntries(languages.map((language) => [language, []])));
    const unit = gold.at(-1) as Record<string, number[]>;
    for (const language of languages) {
      const index = holder[language]?.[k] ?? -1;
      const list = unit[language] as number[];
      if (index >= 0 && list.at(-1) !== index) list.push(index);
    }
  }
  return { name: `unpc-dev six-way${fold === undefined ? '' : ` fold ${fold + 1}`}`, sentences, gold, pairGold };
}
