/**
 * Any supported input file → text the UN parser reads (plain text or Markdown). Heavy format libraries live
 * under src/extract only; the core never sees bytes.
 */
import { extname } from 'node:path';
import { decodeText } from './decode-text.js';

/** What an extractor hands to the parser. */
export interface ExtractedDocument {
  /** The document as text; labels (1., (a), a)) and footnotes (`[^1]:`) spelled out as the parser expects. */
  text: string;
  /** How the parser should read `text`. */
  format: 'markdown' | 'text';
  /** Things the user should know (e.g. "two-column layout detected"), one line each. */
  warnings: string[];
}

/** Options of extraction. */
export interface ExtractOptions {
  /** Declared language of the document (ISO 639-1). */
  language: string;
}

/** Extracts a document from its bytes; `fileName` only chooses the format and names the file in errors. */
export async function extractDocument(bytes: Uint8Array, fileName: string, _options: ExtractOptions): Promise<ExtractedDocument> {
  const extension = extname(fileName).toLowerCase();
  const format = extension === '.md' || extension === '.markdown' ? 'markdown' : 'text';
  return { text: decodeText(bytes, fileName), format, warnings: [] };
}
