/** HTML → Markdown the UN parser reads: `<ol start type>` numbers written out, tables as rows, headings as lines. */
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

function inlineText($: CheerioAPI, node: AnyNode): string {
  return $(node)
    .text()
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/**
 * Extracts HTML as Markdown, lettered list items as `(a)` (English) or `a)` (French); `name` only appears in messages.
 */
export function extractHtml(html: string, name: string, language: string): HtmlExtraction {
  const $ = load(html);
  $('script, style, noscript, template, head').remove();
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
        const text = inlineText($, item);
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
              .map((cell) => inlineText($, cell).replace(/\|/g, '\\|'))
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
      const text = inlineText($, element);
      if (text !== '') blocks.push(/^h[1-6]$/.test(tag) ? `${'#'.repeat(Number(tag.slice(1)))} ${text}` : text);
      return;
    }
    for (const child of element.children) visit(child, depth);
  };
  for (const node of $.root().children().toArray()) visit(node, 0);
  if (blocks.length === 0) throw new InputError(`${name}: the HTML page holds no text`);
  return { text: `${blocks.join('\n\n')}\n`, warnings: [] };
}
