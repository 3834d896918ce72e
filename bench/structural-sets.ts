/**
 * Development sets whose gold is structural markup rather than sentence links: the plain-text files a user would
 * upload, parsed and segmented as the CLI does, with gold paragraph pairs read from the XML of the same text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ParagraphGoldPair } from '../src/core/eval/paragraph-gold.js';
import type { SegmentedDocument } from '../src/core/model.js';
import { parseDocument } from '../src/core/parse/parse-document.js';
import { segmentDocument } from '../src/core/segment/segment-document.js';
import { evalRawDir } from './dev-sets.js';

/** A document pair with paragraph-level gold, French source and English target. */
export interface StructuralCase {
  name: string;
  source: SegmentedDocument;
  target: SegmentedDocument;
  gold: ParagraphGoldPair[];
}

type XmlNode = Record<string, unknown>;

/** A title or paragraph of the markup, with the section it belongs to ("preamble", "art:3", "" for the top). */
interface MarkupParagraph {
  section: string;
  text: string;
}

function textOf(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node['#text'] === 'string' || typeof node['#text'] === 'number') return String(node['#text']);
      const tag = Object.keys(node).find((key) => key !== ':@');
      return tag ? textOf(node[tag] as XmlNode[]) : '';
    })
    .join('');
}

// Titles and paragraphs in document order; list items hold paragraphs, so nesting only matters for the section.
function paragraphsOf(nodes: readonly XmlNode[], section: string, out: MarkupParagraph[]): MarkupParagraph[] {
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (!tag || tag === '#text') continue;
    const children = node[tag] as XmlNode[];
    if (tag === 'title' || tag === 'para') {
      out.push({ section, text: textOf(children).replace(/\s+/g, ' ').trim() });
      continue;
    }
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    const inner = tag === 'preamble' ? 'preamble' : tag === 'article' ? `art:${attributes['@_number'] ?? ''}` : section;
    paragraphsOf(children, inner, out);
  }
  return out;
}

function readMarkup(path: string): MarkupParagraph[] {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false });
  return paragraphsOf(parser.parse(readFileSync(path, 'utf8')) as XmlNode[], '', []);
}

/**
 * Pairs the paragraphs of each section by position; `oneSided` names paragraphs known to have no counterpart
 * (documented in the set's SOURCE.txt). Throws when a section's counts still differ: the data changed.
 */
function pairBySection(source: MarkupParagraph[], target: MarkupParagraph[], oneSided: ReadonlySet<string>): ParagraphGoldPair[] {
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

function load(path: string, language: string): SegmentedDocument {
  return segmentDocument(parseDocument(readFileSync(path, 'utf8'), { language, format: 'text' }));
}

/**
 * The Universal Declaration of Human Rights from "UDHR in Unicode": its plain-text files aligned, its XML
 * (preamble paragraphs, 30 articles, their list items) as gold; null when absent.
 */
export function loadUdhr(root = evalRawDir()): StructuralCase | null {
  const dir = join(root, 'udhr-unicode');
  const files = ['udhr_fra.xml', 'udhr_eng.xml', 'udhr_fra.txt', 'udhr_eng.txt'].map((name) => join(dir, name));
  if (!files.every((file) => existsSync(file))) return null;
  const [frXml, enXml, frText, enText] = files as [string, string, string, string];
  // SOURCE.txt: the English preamble's "Now, therefore," has no French counterpart.
  const gold = pairBySection(readMarkup(frXml), readMarkup(enXml), new Set(['Now, therefore,']));
  return { name: 'udhr', source: load(frText, 'fr'), target: load(enText, 'en'), gold };
}
