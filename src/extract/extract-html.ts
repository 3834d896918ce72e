/**
 * HTML → Markdown the UN parser reads: `<ol start type>` numbers written out, tables as rows, headings as lines,
 * `<br>` as a line break, footnote calls as `[^n]` and footnotes as `[^n]:` definitions (as the DOCX reader writes).
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { InputError } from '../core/errors.js';
import { formatNumber } from './docx/numbering.js';

/** Markdown text and warnings extracted from HTML. */
export interface HtmlExtraction {
  /** Markdown: one block per paragraph, blank lines between them. */
  text: string;
  /** Facts the user should know, one line each. */
  warnings: string[];
}

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'section',
  'article',
  'main',
  'body',
  'ol',
  'ul',
  'table',
  'tr',
  'header',
  'footer',
  'aside',
  'nav',
  'dl',
  'dt',
  'dd',
  'pre',
]);
// HTML `type` attribute of <ol> (HTML §4.4.5) → the numbering formats the DOCX reader already writes.
const OL_TYPE: Record<string, string> = {
  '1': 'decimal',
  a: 'lowerLetter',
  A: 'upperLetter',
  i: 'lowerRoman',
  I: 'upperRoman',
};

/** Footnote marks found in the page: the definitions' marks, by the ids their calls point to. */
interface Notes {
  /** Marks of the footnote definitions ("1", "*"). */
  marks: Set<string>;
}

// Word's footnote calls and back links (`#_ftn1`, `#_ftnref1`), pandoc's (`#fn1`, `#fnref1`), and the like.
const NOTE_HREF = /^#(?:_?ftn|fn|footnote|note)[-_:]?\d+$/i;
const BACK_HREF = /^#(?:_?ftnref|fnref|footnote-ref|noteref)[-_:]?\d+$/i;
// A footnote mark as printed: "1", "[1]", "(1)", "*".
const MARK = /^[[(]?(\d{1,3}|\*{1,3})[\])]?$/;

function markOf(text: string): string | null {
  const m = MARK.exec(text.replace(/\s+/g, ''));
  return m ? String(m[1]).replace(/^0+(?=\d)/, '') : null;
}

function classesOf(element: Element): string {
  return `${element.attribs['class'] ?? ''} ${element.attribs['style'] ?? ''}`;
}

/** Whether an element is a footnote call: a link to a note, Word's reference span, or a superscript mark. */
function callMark($: CheerioAPI, element: Element, notes: Notes): string | null {
  const tag = element.tagName.toLowerCase();
  const href = element.attribs['href'] ?? '';
  if (tag === 'a' && (NOTE_HREF.test(href) || /footnote-ref|doc-noteref/i.test(classesOf(element)))) {
    return markOf($(element).text()) ?? /\d+$/.exec(href)?.[0] ?? null;
  }
  if (tag === 'span' && /MsoFootnoteReference/i.test(classesOf(element))) return markOf($(element).text());
  if (tag === 'sup') {
    const mark = markOf($(element).text());
    // "1<sup>er</sup>" and "m<sup>2</sup>" are no calls: a bare superscript number is one only when a note
    // of that number exists (stars are calls the Markdown reader already keeps).
    if (mark !== null && mark.startsWith('*')) return null;
    if (mark !== null && (notes.marks.has(mark) || $(element).find('a[href^="#"]').length > 0)) return mark;
  }
  return null;
}

/** Inline text of a node: `<br>` is a line break, footnote calls are `[^n]`, back links are left out. */
function inlineLines($: CheerioAPI, node: AnyNode, notes: Notes): string {
  let out = '';
  const walk = (current: AnyNode): void => {
    if (current.type === 'text') {
      out += $(current).text();
      return;
    }
    if (current.type !== 'tag') return;
    const element = current as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'br') {
      out += '\n';
      return;
    }
    if (tag === 'a' && (BACK_HREF.test(element.attribs['href'] ?? '') || /footnote-back/.test(classesOf(element))))
      return;
    const mark = callMark($, element, notes);
    if (mark !== null) {
      out += `[^${mark}]`;
      return;
    }
    for (const child of element.children) walk(child);
  };
  walk(node);
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function inlineText($: CheerioAPI, node: AnyNode, notes: Notes): string {
  return inlineLines($, node, notes).replace(/\n/g, ' ');
}

/** A footnote definition block: `[^1]: text`, the way the DOCX reader writes them. */
function noteBlock(mark: string, text: string): string {
  return `[^${mark}]: ${text.replace(/\n/g, ' ')}`;
}

// Footnote areas: pandoc's and others' `<section class="footnotes">` / `<ol class="footnotes">`, Word's
// `<div style="mso-element:footnote-list">` and its `<div id="ftn1">` notes.
const NOTE_AREA =
  'section.footnotes, div.footnotes, ol.footnotes, aside.footnotes, [role="doc-endnotes"], div[style*="footnote-list"]';

/** Takes the footnote areas out of the page and returns their notes as `[^n]: text` blocks, in order. */
function takeNoteAreas($: CheerioAPI, notes: Notes): string[] {
  const blocks: string[] = [];
  const done = new Set<AnyNode>();
  const take = (area: Element): void => {
    // A note area inside another (an `<ol class="footnotes">` in a `<section class="footnotes">`) is read once.
    if (done.has(area)) return;
    for (const inner of $(area).find('*').toArray()) done.add(inner);
    const items = $(area).find('li').toArray();
    const divs = $(area).is('div[id^="ftn"]') ? [area] : $(area).find('div[id^="ftn"]').toArray();
    const entries = items.length > 0 ? items : divs.length > 0 ? divs : [area];
    entries.forEach((entry, i) => {
      // The note's own mark: Word's leading "[1]" link, or the number in its id ("fn1", "ftn1"), else its rank.
      const lead = $(entry).find('a[href], span.MsoFootnoteReference, sup').first();
      const leadMark = lead.length > 0 ? markOf(lead.text()) : null;
      const idMark = /(\d+)$/.exec((entry as Element).attribs['id'] ?? '')?.[1] ?? null;
      const mark = leadMark ?? (idMark === null ? String(i + 1) : String(Number(idMark)));
      if (leadMark !== null) lead.remove();
      const text = inlineLines($, entry, notes);
      if (text !== '') blocks.push(noteBlock(mark, text));
    });
    $(area).remove();
  };
  // Areas first: Word's note divs inside a footnote list are gone by the time the lone ones are looked for.
  $(NOTE_AREA).toArray().forEach(take);
  $('div[id^="ftn"], div[style*="mso-element:footnote"]').toArray().forEach(take);
  return blocks;
}

/** The mark of a paragraph that opens with a superscript or a note anchor ("<sup>1</sup> See ..."), or null. */
function leadingNoteMark($: CheerioAPI, element: Element): { mark: string; lead: Element } | null {
  const first = element.children.find((child) => child.type !== 'text' || $(child).text().trim() !== '');
  if (first === undefined || first.type !== 'tag') return null;
  const lead = first as Element;
  const tag = lead.tagName.toLowerCase();
  const isMarker =
    tag === 'sup' ||
    (tag === 'a' && (BACK_HREF.test(lead.attribs['href'] ?? '') || /^_?ftn\d/.test(lead.attribs['name'] ?? ''))) ||
    (tag === 'span' && /MsoFootnoteReference/i.test(classesOf(lead)));
  if (!isMarker) return null;
  const mark = markOf($(lead).text());
  return mark === null || mark.startsWith('*') ? null : { mark, lead };
}

/**
 * Extracts HTML as Markdown, lettered list items as `(a)` (English) or `a)` (French); `name` only appears in messages.
 */
export function extractHtml(html: string, name: string, language: string): HtmlExtraction {
  const $ = load(html);
  $('script, style, noscript, template, head').remove();
  const notes: Notes = { marks: new Set() };
  // Footnote paragraphs ("<p><sup>1</sup> See ...") name the marks a bare superscript in the text may call.
  for (const p of $('p').toArray()) {
    const found = leadingNoteMark($, p);
    if (found) notes.marks.add(found.mark);
  }
  for (const item of $(`${NOTE_AREA}, div[id^="ftn"]`).toArray()) {
    $(item)
      .find('li[id], div[id^="ftn"]')
      .each((i, entry) => {
        notes.marks.add(String(Number(/(\d+)$/.exec(entry.attribs['id'] ?? '')?.[1] ?? i + 1)));
      });
  }
  const noteBlocks = takeNoteAreas($, notes);
  const blocks: string[] = [];
  const visit = (node: AnyNode, depth: number): void => {
    if (node.type !== 'tag') {
      if (node.type === 'text') {
        const text = $(node)
          .text()
          .replace(/[ \t\r\n]+/g, ' ')
          .trim();
        if (text !== '') blocks.push(text);
      }
      return;
    }
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      const start = Number.parseInt(element.attribs['start'] ?? '1', 10);
      const format = OL_TYPE[element.attribs['type'] ?? '1'] ?? 'decimal';
      let value = Number.isNaN(start) ? 1 : start;
      for (const item of $(element).children('li').toArray()) {
        const own = Number.parseInt(item.attribs['value'] ?? '', 10);
        if (!Number.isNaN(own)) value = own;
        // Nested lists become their own blocks after the item's own text.
        const nested = $(item).children('ol, ul').toArray();
        $(nested).remove();
        const text = inlineLines($, item, notes);
        // UN documents print sub-paragraph letters "(a)" in English and "a)" in French.
        const letter = formatNumber(value, format);
        const lettered = language === 'fr' ? `${letter})` : `(${letter})`;
        const label =
          tag === 'ul' ? '-' : format === 'lowerLetter' || format === 'lowerRoman' ? lettered : `${letter}.`;
        if (text !== '') blocks.push(`${label} ${text}`);
        for (const list of nested) visit(list, depth + 1);
        value++;
      }
      return;
    }
    if (tag === 'table') {
      const rows = $(element)
        .find('tr')
        .toArray()
        .map(
          (row) =>
            `| ${$(row)
              .children('td, th')
              .toArray()
              .map((cell) => inlineText($, cell, notes).replace(/\|/g, '\\|'))
              .join(' | ')} |`,
        );
      if (rows.length > 0) blocks.push(rows.join('\n'));
      return;
    }
    const hasBlockChild = $(element)
      .children()
      .toArray()
      .some((child) => BLOCK.has(child.tagName.toLowerCase()));
    if (BLOCK.has(tag) && !hasBlockChild) {
      const note = tag === 'p' ? leadingNoteMark($, element) : null;
      if (note) {
        $(note.lead).remove();
        const text = inlineLines($, element, notes);
        if (text !== '') blocks.push(noteBlock(note.mark, text));
        return;
      }
      const heading = /^h[1-6]$/.test(tag);
      const text = heading ? inlineText($, element, notes) : inlineLines($, element, notes);
      if (text !== '') blocks.push(heading ? `${'#'.repeat(Number(tag.slice(1)))} ${text}` : text);
      return;
    }
    for (const child of element.children) visit(child, depth);
  };
  for (const node of $.root().children().toArray()) visit(node, 0);
  blocks.push(...noteBlocks);
  if (blocks.length === 0) throw new InputError(`${name}: the HTML page holds no text`);
  return { text: `${blocks.join('\n\n')}\n`, warnings: [] };
}
