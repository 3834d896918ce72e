/** Tells a file's format from its first bytes, falling back on the extension only for text formats. */
import { InputError } from '../core/errors.js';

/** Formats paralign can read. */
export const InputFormat = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  markdown: 'markdown',
  text: 'text',
} as const;
/** See {@link InputFormat}. */
export type InputFormat = (typeof InputFormat)[keyof typeof InputFormat];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// OLE2 / CFB: what Word writes for a password-protected .docx (and for old .doc files).
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, i) => bytes[at + i] === byte);
}

// Text files may carry a BOM or leading white space before "<!DOCTYPE html" or "<html".
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 1024))
    .replace(/^(?:\uFEFF|ï»¿|þÿ|ÿþ)/, '')
    .replace(/\0/g, '')
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    (head.startsWith('<?xml') && head.includes('<html'))
  );
}

/**
 * Detects the format from magic bytes (zip, `%PDF-`, `<html`), then the extension (`.md`, `.html`); `name` only appears
 * in messages.
 */
export function detectFormat(bytes: Uint8Array, name: string): InputFormat {
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  if (startsWith(bytes, CFB)) {
    throw new InputError(
      `${name}: the file is password-protected or in the old Word 97-2003 format; ` +
        'remove the password or save it as .docx',
    );
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return InputFormat.docx;
  // pdf.js accepts a header within the first kilobyte, as Acrobat does.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (startsWith(bytes, PDF) || head.includes('%PDF-')) return InputFormat.pdf;
  if (looksLikeHtml(bytes)) return InputFormat.html;
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (extension === 'docx' || extension === 'pdf' || extension === 'doc') {
    const expected = extension === 'pdf' ? 'a PDF' : 'a Word document';
    throw new InputError(`${name}: the file is not a valid .${extension} (its content is not ${expected})`);
  }
  if (extension === 'md' || extension === 'markdown') return InputFormat.markdown;
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return InputFormat.html;
  return InputFormat.text;
}
