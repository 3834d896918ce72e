/**
 * Any supported input file → text the UN parser reads (plain text or Markdown). Heavy format libraries live
 * under src/extract only; the core never sees bytes.
 */
import { detectFormat, InputFormat } from './detect-format.js';
import { decodeTextWithEncoding, type TextEncodingName } from './decode-text.js';
import { assertFileSize, resolveLimits, type ExtractLimits } from './limits.js';

/** What an extractor hands to the parser. */
export interface ExtractedDocument {
  /** The document as text; labels (1., (a), a)) and footnotes (`[^1]:`) spelled out as the parser expects. */
  text: string;
  /** How the parser should read `text`. */
  format: 'markdown' | 'text';
  /** Things the user should know (e.g. "two-column layout detected"), one line each. */
  warnings: string[];
  /** The format the file was recognised as (from its bytes first). */
  sourceFormat?: InputFormat;
  /** The character encoding of a text, Markdown or HTML file. */
  encoding?: TextEncodingName;
}

/** Options of extraction. */
export interface ExtractOptions {
  /** Declared language of the document (ISO 639-1). */
  language: string;
  /** Size and zip-bomb limits; each missing one takes its value from `DEFAULT_LIMITS`. */
  limits?: Partial<ExtractLimits>;
}

/**
 * Extracts a document from its bytes; the format comes from the bytes (zip, `%PDF-`, `<html`), the extension only
 * tells Markdown from text. `fileName` names the file in errors and is never opened.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions,
): Promise<ExtractedDocument> {
  const limits = resolveLimits(options.limits);
  assertFileSize(bytes.length, fileName, limits);
  const sourceFormat = detectFormat(bytes, fileName);
  switch (sourceFormat) {
    // Each format's libraries (fflate and saxes, unpdf, cheerio) load when a file of that format comes: a Markdown
    // pair, and the command line's start-up, never pay for them.
    case InputFormat.docx: {
      const { extractDocx } = await import('./docx/extract-docx.js');
      const { text, warnings } = extractDocx(bytes, fileName, limits);
      return { text, format: 'markdown', warnings, sourceFormat };
    }
    case InputFormat.pdf: {
      const { extractPdf } = await import('./pdf/extract-pdf.js');
      const { text, warnings } = await extractPdf(bytes, fileName);
      return { text, format: 'markdown', warnings, sourceFormat };
    }
    case InputFormat.html: {
      const { extractHtml } = await import('./extract-html.js');
      const decoded = decodeTextWithEncoding(bytes, fileName);
      const { text, warnings } = extractHtml(decoded.text, fileName, options.language);
      return { text, format: 'markdown', warnings, sourceFormat, encoding: decoded.encoding };
    }
    default: {
      const decoded = decodeTextWithEncoding(bytes, fileName);
      return {
        text: decoded.text,
        format: sourceFormat === InputFormat.markdown ? 'markdown' : 'text',
        warnings: [],
        sourceFormat,
        encoding: decoded.encoding,
      };
    }
  }
}
