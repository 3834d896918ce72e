/**
 * Development sets whose gold is structural markup rather than sentence links: plain text a user would upload
 * (the set's own text files, or the text rendered from its markup), parsed and segmented as the CLI does, with
 * gold paragraph pairs read from the markup.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ParagraphGoldPair } from '../src/core/eval/paragraph-gold.js';
import type { SegmentedDocument } from '../src/core/model.js';
import { readDocumentPair, type DocumentPair } from '../src/pipeline/read-document-pair.js';
import { evalRawDir } from './shared-data.js';

/** A document pair with paragraph-level gold, French source and English target. */
export interface StructuralCase {
  name: string;
  source: SegmentedDocument;
  target: SegmentedDocument;
  gold: ParagraphGoldPair[];
}

type XmlNode = Record<string, unknown>;

/** A title or paragraph of the markup, with the section it belongs to ("preamble", "art:3", "" for the top). */
export interface MarkupParagraph {
  section: string;
  text: string;
}

// The text of some markup, white space collapsed.
const clean = (nodes: readonly XmlNode[]): string => textOf(nodes).replace(/\s+/g, ' ').trim();

function textOf(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node['#text'] === 'string' || typeof node['#text'] === 'number') return String(node['#text']);
      return textOf(childrenOf(node)?.children ?? []);
    })
    .join('');
}

// Titles and paragraphs in document order; list items hold paragraphs, so nesting only matters for the section.
function paragraphsOf(nodes: readonly XmlNode[], section: string, out: MarkupParagraph[]): MarkupParagraph[] {
  for (const node of nodes) {
    const element = childrenOf(node);
    if (!element) continue;
    const { tag, children } = element;
    if (tag === 'title' || tag === 'para') {
      out.push({ section, text: clean(children) });
      continue;
    }
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    const inner =
      tag === 'preamble' || tag === 'note' ? tag : tag === 'article' ? `art:${attributes['@_number'] ?? ''}` : section;
    paragraphsOf(children, inner, out);
  }
  return out;
}

// The element of a node in fast-xml-parser's ordered form: its tag and children; null for text.
function childrenOf(node: XmlNode): { tag: string; children: XmlNode[] } | null {
  const tag = Object.keys(node).find((key) => key !== ':@');
  return tag && tag !== '#text' ? { tag, children: node[tag] as XmlNode[] } : null;
}

// Markup in order, attributes kept, white space as written.
function parseXml(path: string): XmlNode[] {
  return new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false }).parse(
    readFileSync(path, 'utf8'),
  ) as XmlNode[];
}

/** The titles and paragraphs of a UDHR-in-Unicode XML file, in document order, each with its section. */
export function readMarkup(path: string): MarkupParagraph[] {
  return paragraphsOf(parseXml(path), '', []);
}

/**
 * Pairs the paragraphs of each section by position; `oneSided` names paragraphs known to have no counterpart
 * (documented in the set's SOURCE.txt). Throws when a section's counts still differ: the data changed.
 */
function pairBySection(
  source: MarkupParagraph[],
  target: MarkupParagraph[],
  oneSided: ReadonlySet<string>,
): ParagraphGoldPair[] {
  const sections = [...new Set([...source, ...target].map((p) => p.section))];
  const gold: ParagraphGoldPair[] = [];
  for (const section of sections) {
    const a = source.filter((p) => p.section === section);
    const b = target.filter((p) => p.section === section);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const s = a[i];
      const t = b[j];
      if (s && oneSided.has(s.text)) {
        gold.push({ source: s.text, target: null });
        i++;
      } else if (t && oneSided.has(t.text)) {
        gold.push({ source: null, target: t.text });
        j++;
      } else if (s && t) {
        gold.push({ source: s.text, target: t.text });
        i++;
        j++;
      } else {
        throw new Error(`section ${section || '(top)'}: ${a.length} French and ${b.length} English paragraphs`);
      }
    }
  }
  return gold;
}

/** A plain-text file as a user would upload it. */
interface TextFile {
  name: string;
  bytes: Uint8Array;
}

// Both sides through the pipeline as the CLI reads them: French source, English target.
function readPair(source: TextFile, target: TextFile, sourceLanguage = 'fr'): Promise<DocumentPair> {
  return readDocumentPair({ ...source, language: sourceLanguage }, { ...target, language: 'en' });
}

/**
 * The Universal Declaration of Human Rights from "UDHR in Unicode": its plain-text files aligned, its XML
 * (preamble paragraphs, 30 articles, their list items) as gold; null when absent.
 */
export async function loadUdhr(root = evalRawDir()): Promise<StructuralCase | null> {
  const dir = join(root, 'udhr-unicode');
  const files = ['udhr_fra.xml', 'udhr_eng.xml', 'udhr_fra.txt', 'udhr_eng.txt'].map((name) => join(dir, name));
  if (!files.every((file) => existsSync(file))) return null;
  const [frXml, enXml, frText, enText] = files as [string, string, string, string];
  // SOURCE.txt: the English preamble's "Now, therefore," has no French counterpart.
  const gold = pairBySection(readMarkup(frXml), readMarkup(enXml), new Set(['Now, therefore,']));
  const pair = await readPair(
    { name: 'udhr_fra.txt', bytes: readFileSync(frText) },
    { name: 'udhr_eng.txt', bytes: readFileSync(enText) },
  );
  return { name: 'udhr', ...pair, gold };
}

/** The UDHR's file names by ISO 639-1 code, for the six UN languages. */
export const UDHR_FILES: Readonly<Record<string, string>> = {
  ar: 'udhr_arb',
  en: 'udhr_eng',
  es: 'udhr_spa',
  fr: 'udhr_fra',
  ru: 'udhr_rus',
  zh: 'udhr_cmn_hans',
};

/**
 * The Universal Declaration in `language` (ar, es, ru, zh) against English, as {@link loadUdhr} does for French;
 * null when absent. Only the English preamble has "Now, therefore," on a line of its own.
 */
export async function loadUdhrWithEnglish(language: string, root = evalRawDir()): Promise<StructuralCase | null> {
  const dir = join(root, 'udhr-unicode');
  const name = UDHR_FILES[language];
  if (name === undefined) return null;
  const files = [`${name}.xml`, 'udhr_eng.xml', `${name}.txt`, 'udhr_eng.txt'].map((file) => join(dir, file));
  if (!files.every((file) => existsSync(file))) return null;
  const [sourceXml, enXml, sourceText, enText] = files as [string, string, string, string];
  const source = readMarkup(sourceXml);
  // The other versions open with a note on the adoption (resolution 217 A (III)) that the English has not.
  const notes = source.filter((p) => p.section === 'note').map((p) => p.text);
  const english = readMarkup(enXml);
  // The Arabic preamble has no counterpart of the English "Whereas it is essential to promote the development of
  // friendly relations between nations," (six recitals against seven), and cuts "Proclaims this Universal
  // Declaration … as a common standard …" in two: its second half is counted as one-sided (one miss at most).
  const missing =
    language === 'ar'
      ? [
          ...english.filter((p) => p.text.includes('friendly relations')).map((p) => p.text),
          ...source.filter((p) => p.section === 'preamble' && p.text.startsWith('على أنه')).map((p) => p.text),
        ]
      : // The Chinese preamble's last paragraph holds "Now, therefore," "The General Assembly" and "Proclaims …".
        language === 'zh'
        ? ['The General Assembly']
        : [];
  const gold = pairBySection(source, english, new Set(['Now, therefore,', ...notes, ...missing]));
  const pair = await readPair(
    { name: `${name}.txt`, bytes: readFileSync(sourceText) },
    { name: 'udhr_eng.txt', bytes: readFileSync(enText) },
    language,
  );
  return { name: `udhr ${language}-en`, ...pair, gold };
}

/** One line of a law as a reader sees it, with the key that names its place in both languages. */
interface LawUnit {
  key: string;
  text: string;
  /** Keys of the elements it lies in, outermost first: a subsection's unit lies in its section. */
  within: string[];
}

// Elements whose own text is a numbered provision ("1", "(1)", "(a)" / "a)", "(i)" / "(i)", "(A)").
const PROVISIONS = new Set(['Section', 'Subsection', 'Paragraph', 'Subparagraph', 'Clause', 'Subclause']);
// Notes on amendments, footnotes and schedules are not the text of the law.
const SKIPPED = new Set(['HistoricalNote', 'Footnote', 'Note', 'TableGroup', 'BilingualGroup', 'FormulaGroup']);

function findText(nodes: readonly XmlNode[], tag: string): string | null {
  for (const node of nodes) {
    const element = childrenOf(node);
    if (!element) continue;
    if (element.tag === tag) return clean(element.children);
    const inner = findText(element.children, tag);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * The lines of a law's body in reading order: headings, marginal notes, each provision as "label text",
 * definitions (keyed by their English term, so that the two alphabetical orders pair up) and continued text.
 */
function renderLaw(nodes: readonly XmlNode[], within: string[], out: LawUnit[], count = { headings: 0 }): LawUnit[] {
  let continued = 0;
  for (const node of nodes) {
    const element = childrenOf(node);
    if (!element || SKIPPED.has(element.tag)) continue;
    const { tag, children } = element;
    const parent = within.at(-1) ?? '';
    if (tag === 'Heading') {
      out.push({
        key: `heading:${count.headings++}`,
        text: findText(children, 'TitleText') ?? clean(children),
        within,
      });
    } else if (PROVISIONS.has(tag) || tag === 'Definition') {
      const label = findDirect(children, 'Label');
      const name =
        tag === 'Definition' ? `def:${findText(children, 'DefinedTermEn') ?? ''}` : (label ?? '').replace(/[()]/g, '');
      const key = `${parent}/${name}`;
      const inner = [...within, key];
      for (const child of children) {
        const part = childrenOf(child);
        if (!part) continue;
        if (part.tag === 'MarginalNote') out.push({ key: `${key}#note`, text: clean(part.children), within: inner });
        else if (part.tag === 'Text' || part.tag === 'Repealed') {
          const text = clean(part.children);
          out.push({ key, text: label ? `${label} ${text}` : text, within: inner });
        }
      }
      renderLaw(
        children.filter(
          (child) => !['MarginalNote', 'Text', 'Repealed', 'Label'].includes(childrenOf(child)?.tag ?? ''),
        ),
        inner,
        out,
        count,
      );
    } else if (tag.startsWith('Continued')) {
      out.push({ key: `${parent}#continued${continued++}`, text: clean(children), within });
    } else if (tag !== 'Label' && tag !== 'MarginalNote' && tag !== 'Text') {
      renderLaw(children, within, out, count);
    }
  }
  return out;
}

function findDirect(nodes: readonly XmlNode[], tag: string): string | null {
  for (const node of nodes) {
    const element = childrenOf(node);
    if (element?.tag === tag) return clean(element.children);
  }
  return null;
}

function bodyOf(path: string): XmlNode[] {
  const find = (nodes: readonly XmlNode[]): XmlNode[] | null => {
    for (const node of nodes) {
      const element = childrenOf(node);
      if (!element) continue;
      if (element.tag === 'Body') return element.children;
      const inner = find(element.children);
      if (inner) return inner;
    }
    return null;
  };
  return find(parseXml(path)) ?? [];
}

/**
 * Gold pairs of a law: units with the same key pair up; where the two versions structure an element
 * differently (English lists "(a)", "(b)" where French runs one sentence), the element and everything in it
 * become one unit on each side. Keys left on one side only are one-sided pairs.
 */
function pairLawUnits(source: LawUnit[], target: LawUnit[]): ParagraphGoldPair[] {
  const keysWithin = (units: LawUnit[]): Map<string, string> => {
    const map = new Map<string, string[]>();
    for (const unit of units) {
      for (const element of unit.within) {
        const keys = map.get(element);
        if (keys) keys.push(unit.key);
        else map.set(element, [unit.key]);
      }
    }
    return new Map([...map].map(([element, keys]) => [element, [...new Set(keys)].sort().join('|')]));
  };
  const sourceKeys = keysWithin(source);
  const targetKeys = keysWithin(target);
  // The outermost element whose content differs is where the two versions stop matching line for line.
  const collapse = (unit: LawUnit): string =>
    unit.within.find(
      (element) =>
        sourceKeys.get(element) !== targetKeys.get(element) && sourceKeys.has(element) && targetKeys.has(element),
    ) ?? unit.key;
  const group = (units: LawUnit[]): Map<string, string> => {
    const texts = new Map<string, string>();
    for (const unit of units) {
      const key = collapse(unit);
      texts.set(key, texts.has(key) ? `${texts.get(key) ?? ''} ${unit.text}` : unit.text);
    }
    return texts;
  };
  const sourceTexts = group(source);
  const targetTexts = group(target);
  const gold: ParagraphGoldPair[] = [];
  for (const [key, text] of sourceTexts) gold.push({ source: text, target: targetTexts.get(key) ?? null });
  for (const [key, text] of targetTexts) if (!sourceTexts.has(key)) gold.push({ source: null, target: text });
  return gold;
}

const lawText = (units: LawUnit[]): string => units.map((unit) => unit.text).join('\n\n');

/**
 * The Canadian federal laws of `canada-justice-laws-xml/` (co-drafted, not translated: lists and definitions
 * differ), each rendered as the plain text a reader copies (one provision a paragraph, "(a)" in English and "a)"
 * in French), parsed and aligned as the CLI does; gold pairs from the markup. Empty when absent.
 */
export async function loadJusticeLaws(root = evalRawDir()): Promise<StructuralCase[]> {
  const dir = join(root, 'canada-justice-laws-xml');
  if (!existsSync(join(dir, 'eng')) || !existsSync(join(dir, 'fra'))) return [];
  const laws: StructuralCase[] = [];
  for (const name of readdirSync(join(dir, 'eng'))
    .filter((file) => file.endsWith('.xml'))
    .sort()) {
    const french = join(dir, 'fra', name.replace(/^SOR-/, 'DORS-'));
    if (!existsSync(french)) continue;
    const source = renderLaw(bodyOf(french), [], []);
    const target = renderLaw(bodyOf(join(dir, 'eng', name)), [], []);
    const text = (units: LawUnit[], file: string): TextFile => ({
      name: file,
      bytes: new TextEncoder().encode(lawText(units)),
    });
    const pair = await readPair(
      text(source, `fra/${name.replace(/\.xml$/, '.txt')}`),
      text(target, `eng/${name.replace(/\.xml$/, '.txt')}`),
    );
    laws.push({ name: `law ${name.replace(/\.xml$/, '')}`, ...pair, gold: pairLawUnits(source, target) });
  }
  return laws;
}
