/** Shared by the corpora tests: loads each corpora/ pair as text, DOCX and PDF and aligns it. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alignDocuments } from '../../src/core/align/align-documents.js';
import { formatLinks } from '../../src/core/export/links.js';
import type { SegmentedDocument } from '../../src/core/model.js';
import { parseDocument } from '../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../src/core/segment/segment-document.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { renderDocx } from '../fixtures/extract/render-docx.js';

/** The repository's corpora/ folder. */
export const corporaDir = fileURLToPath(new URL('../../corpora/', import.meta.url));
/** The committed DOCX/PDF renderings of corpora/ (tests/fixtures/extract/build-fixtures.ts). */
export const fixturesDir = fileURLToPath(new URL('../fixtures/extract/', import.meta.url));

/** Names of the corpora/ pairs. */
export const corporaCases: string[] = readdirSync(corporaDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Form of a document: the corpora text, or one of its renderings. */
export type Form = 'text' | 'docx' | 'pdf';

/** Extracts, parses and segments one side of a case in one form. */
export async function loadForm(name: string, language: 'fr' | 'en', form: Form): Promise<SegmentedDocument> {
  const textFile =
    readdirSync(`${corporaDir}${name}`).find((f) => f.startsWith(`${language}.`) && !f.endsWith('.json')) ?? '';
  const source = readFileSync(`${corporaDir}${name}/${textFile}`);
  let bytes: Uint8Array = source;
  if (form === 'docx') {
    // DOCX is rendered afresh (fast, no LibreOffice); the PDFs LibreOffice made from the same rendering are committed.
    const markdown = textFile.endsWith('.md');
    bytes = await renderDocx(
      parseDocument(source.toString('utf8'), { language, format: markdown ? 'markdown' : 'text' }),
      markdown,
    );
  } else if (form === 'pdf') bytes = readFileSync(`${fixturesDir}${name}/${language}.pdf`);
  const extracted = await extractDocument(bytes, form === 'text' ? textFile : `${language}.${form}`, { language });
  return segmentDocument(parseDocument(extracted.text, { language, format: extracted.format }));
}

/** Label paths in document order. */
export function labelPaths(document: SegmentedDocument): string[] {
  return document.blocks.flatMap((b) => (b.path === null ? [] : [b.path]));
}

/** The alignment of a case in one form, as a links file (French source, English target, as in gold.json). */
export async function alignForm(
  name: string,
  form: Form,
): Promise<{ fr: SegmentedDocument; en: SegmentedDocument; links: string }> {
  const fr = await loadForm(name, 'fr', form);
  const en = await loadForm(name, 'en', form);
  return { fr, en, links: formatLinks(alignDocuments(fr, en).sentences) };
}
