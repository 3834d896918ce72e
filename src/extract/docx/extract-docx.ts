/**
 * DOCX → Markdown the UN parser reads: Word's automatic numbers written out as labels, footnotes and endnotes
 * as `[^n]:` definitions, tables as `| a | b |` rows, headers and footers left out, tracked changes resolved.
 */
import { InputError } from '../../core/errors.js';
import type { ExtractLimits } from '../limits.js';
import { createNumberingCounter, formatNumber, readNumbering } from './numbering.js';
import { childElement, childElements, childValue, descendants, isOn, parseXml, type XmlElement } from './parse-xml.js';
import { readDocxParts } from './read-docx-parts.js';
import { readParagraphStyles, type ParagraphStyle } from './read-styles.js';

/** Markdown text and warnings extracted from a DOCX. */
export interface DocxExtraction {
  /** Markdown: one block per paragraph, blank lines between them. */
  text: string;
  /** Facts the user should know, one line each. */
  warnings: string[];
}

// Containers whose content is part of the text (§17.5 structured tags, §17.13.5 revisions, §17.16 fields).
const TRANSPARENT = new Set([
  'w:ins',
  'w:moveTo',
  'w:hyperlink',
  'w:smartTag',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
  'w:r',
]);
// Deleted text, field codes, drawings and text boxes: not part of the running text.
const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'w:drawing',
  'w:pict',
  'w:object',
  'mc:AlternateContent',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:footnoteRef',
  'w:endnoteRef',
  'w:commentReference',
  'w:annotationRef',
]);

interface Note {
  kind: 'footnote' | 'endnote';
  id: string;
  /** Marker as printed: the automatic number, or the custom mark ("*"). */
  mark: string;
  custom: boolean;
}

interface Context {
  styles: Map<string, ParagraphStyle>;
  label: ReturnType<typeof createNumberingCounter>;
  notes: Note[];
  footnoteFormat: string;
  endnoteFormat: string;
  counts: { insertions: number; deletions: number; skippedDrawings: number };
}

interface InlineText {
  text: string;
  /** Whether every non-blank character is bold. */
  bold: boolean;
}

function readInline(paragraph: XmlElement, context: Context, style: ParagraphStyle | undefined): InlineText {
  let text = '';
  let bold = true;
  let sawText = false;
  let pendingCustom: Note | null = null;
  const append = (piece: string, pieceBold: boolean): void => {
    if (piece.trim() !== '') {
      sawText = true;
      bold &&= pieceBold;
    }
    text += piece;
  };
  const visit = (node: XmlElement, runBold: boolean): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      switch (child.name) {
        case 'w:t': {
          const value = child.children.filter((c): c is string => typeof c === 'string').join('');
          if (pendingCustom !== null) {
            pendingCustom.mark = value.trim();
            pendingCustom = null;
          }
          append(value, runBold);
          break;
        }
        case 'w:tab':
          append('\t', runBold);
          break;
        case 'w:br':
        case 'w:cr':
          append(' ', runBold);
          break;
        case 'w:noBreakHyphen':
          append('-', runBold);
          break;
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const kind = child.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
          const custom = ['1', 'true', 'on'].includes(child.attributes['w:customMarkFollows'] ?? '');
          const ordinal = context.notes.filter((n) => n.kind === kind && !n.custom).length + 1;
          const note: Note = {
            kind,
            id: child.attributes['w:id'] ?? '',
            custom,
            mark: custom
              ? '*'
              : formatNumber(ordinal, kind === 'footnote' ? context.footnoteFormat : context.endnoteFormat),
          };
          context.notes.push(note);
          // A custom mark is printed text (the run that follows); an automatic number is a Markdown reference.
          if (custom) pendingCustom = note;
          else text += `[^${note.mark}]`;
          break;
        }
        case 'w:del':
        case 'w:moveFrom':
          context.counts.deletions++;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'mc:AlternateContent':
          context.counts.skippedDrawings++;
          break;
        default: {
          if (SKIPPED.has(child.name)) break;
          if (child.name === 'w:ins' || child.name === 'w:moveTo') context.counts.insertions++;
          let childBold = runBold;
          if (child.name === 'w:r') {
            const rPr = childElement(child, 'w:rPr');
            const b = rPr === undefined ? undefined : childElement(rPr, 'w:b');
            childBold = b === undefined ? (style?.bold ?? false) : isOn(b);
          }
          if (TRANSPARENT.has(child.name) || !child.name.startsWith('w:')) visit(child, childBold);
          // Other w: elements (bookmarks, proofing marks, properties) hold no text.
        }
      }
    }
  };
  visit(paragraph, style?.bold ?? false);
  return { text, bold: sawText && bold };
}

function clean(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

// Line starts that Markdown would read as structure rather than as the paragraph's words.
function escapeLineStart(text: string): string {
  return /^(?:#|>|\||\[\^[^\]]*\]:)/.test(text) ? `\\${text}` : text;
}

function readParagraph(paragraph: XmlElement, context: Context): string {
  const pPr = childElement(paragraph, 'w:pPr');
  const styleId = childValue(pPr, 'w:pStyle');
  const style = styleId === undefined ? undefined : context.styles.get(styleId);
  const inline = readInline(paragraph, context, style);
  const body = clean(inline.text);
  const numPr = pPr === undefined ? undefined : childElement(pPr, 'w:numPr');
  const numId = childValue(numPr, 'w:numId') ?? style?.numId;
  const ilvlText = childValue(numPr, 'w:ilvl');
  const ilvl = ilvlText === undefined ? (style?.ilvl ?? 0) : Number.parseInt(ilvlText, 10);
  // An empty numbered paragraph still takes its number in Word, so count it before deciding to drop it.
  const label = numId === undefined ? null : context.label(numId, ilvl);
  if (body === '') return '';
  const words = inline.bold && !/^\*\*/.test(body) ? `**${body}**` : body;
  if (label === null || label.text === '') return escapeLineStart(words);
  if (label.bullet) return `- ${words}`;
  return `${label.text} ${words}`;
}

function readTable(table: XmlElement, context: Context): string {
  const rows: string[] = [];
  for (const row of childElements(table, 'w:tr')) {
    const cells = childElements(row, 'w:tc').map((cell) =>
      readBlocks(cell, context)
        .map((block) => block.replace(/\n/g, ' '))
        .join(' ')
        .replace(/\|/g, '\\|'),
    );
    if (cells.some((cell) => cell.trim() !== '')) rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

function readBlocks(container: XmlElement, context: Context): string[] {
  const blocks: string[] = [];
  for (const child of container.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'w:p') blocks.push(readParagraph(child, context));
    else if (child.name === 'w:tbl') blocks.push(readTable(child, context));
    else if (
      child.name === 'w:sdt' ||
      child.name === 'w:sdtContent' ||
      child.name === 'w:customXml' ||
      child.name === 'w:ins' ||
      child.name === 'w:moveTo'
    ) {
      blocks.push(...readBlocks(child, context));
    }
  }
  return blocks.filter((block) => block !== '');
}

function noteFormat(
  document: XmlElement,
  settings: XmlElement | undefined,
  property: 'w:footnotePr' | 'w:endnotePr',
  fallback: string,
): string {
  const fromSection = descendants(document, property)
    .map((element) => childValue(element, 'w:numFmt'))
    .find((value) => value !== undefined);
  const fromSettings =
    settings === undefined
      ? undefined
      : descendants(settings, property)
          .map((element) => childValue(element, 'w:numFmt'))
          .find((value) => value !== undefined);
  return fromSection ?? fromSettings ?? fallback;
}

function readNotes(
  root: XmlElement | undefined,
  element: 'w:footnote' | 'w:endnote',
  context: Context,
): Map<string, string> {
  const texts = new Map<string, string>();
  if (root === undefined) return texts;
  for (const note of descendants(root, element)) {
    const type = note.attributes['w:type'];
    if (type !== undefined && type !== 'normal') continue; // separators and continuation notices
    texts.set(note.attributes['w:id'] ?? '', readBlocks(note, context).join(' '));
  }
  return texts;
}

// The main document part is named in the package relationships (ECMA-376 Part 2 §9.3); Word calls it word/document.xml.
function mainDocumentPath(relationships: string | undefined): string {
  const target =
    relationships === undefined
      ? undefined
      : /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(
          relationships,
        );
  return target?.[1] ?? target?.[2] ?? 'word/document.xml';
}

/** Extracts a DOCX's body, numbering, notes and tables as Markdown; `name` only appears in messages. */
export function extractDocx(bytes: Uint8Array, name: string, limits: ExtractLimits): DocxExtraction {
  const parts = readDocxParts(bytes, name, limits, (part) => part === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(part));
  const documentPath = mainDocumentPath(parts.get('_rels/.rels'));
  const documentXml = parts.get(documentPath);
  if (documentXml === undefined)
    throw new InputError(`${name}: the file is a zip archive but not a Word document (it has no ${documentPath})`);
  const parse = (part: string): XmlElement | undefined => {
    const xml = parts.get(part);
    return xml === undefined ? undefined : parseXml(xml, name);
  };
  const document = parseXml(documentXml, name);
  const body = descendants(document, 'w:body')[0];
  if (body === undefined) throw new InputError(`${name}: the document is corrupt (no w:body in ${documentPath})`);
  const settings = parse('word/settings.xml');
  const context: Context = {
    styles: readParagraphStyles(parse('word/styles.xml')),
    label: createNumberingCounter(readNumbering(parse('word/numbering.xml'))),
    notes: [],
    footnoteFormat: noteFormat(document, settings, 'w:footnotePr', 'decimal'),
    // Word numbers endnotes i, ii, iii unless told otherwise.
    endnoteFormat: noteFormat(document, settings, 'w:endnotePr', 'lowerRoman'),
    counts: { insertions: 0, deletions: 0, skippedDrawings: 0 },
  };
  const blocks = readBlocks(body, context);
  const bodyNotes = [...context.notes];
  const footnotes = readNotes(parse('word/footnotes.xml'), 'w:footnote', context);
  const endnotes = readNotes(parse('word/endnotes.xml'), 'w:endnote', context);
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const note of bodyNotes) {
    const key = `${note.kind}:${note.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let text = (note.kind === 'footnote' ? footnotes : endnotes).get(note.id);
    if (text === undefined) {
      warnings.push(`${name}: ${note.kind} ${note.mark} is referenced but missing`);
      continue;
    }
    // A custom-mark note repeats its mark as typed text at its start.
    if (note.custom && text.startsWith(note.mark)) text = text.slice(note.mark.length);
    blocks.push(`[^${note.mark}]: ${clean(text)}`);
  }
  if (context.counts.insertions + context.counts.deletions > 0) {
    const { insertions, deletions } = context.counts;
    warnings.push(`${name}: tracked changes resolved (${insertions} insertions kept, ${deletions} deletions dropped)`);
  }
  if (context.counts.skippedDrawings > 0)
    warnings.push(`${name}: ${context.counts.skippedDrawings.toString()} drawings or text boxes were left out`);
  return { text: `${blocks.join('\n\n')}\n`, warnings };
}
