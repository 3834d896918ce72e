/** Shared by the corpora tests and `npm run bench:forms`: each corpora/ pair as text, DOCX and PDF, aligned. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatLinks } from '../src/core/export/links.js';
import type { SegmentedDocument } from '../src/core/model.js';
import { parseDocument } from '../src/core/parse/parse-document.js';
import { alignDocumentPair } from '../src/pipeline/align-document-pair.js';
import { readDocument } from '../src/pipeline/read-document.js';
import { readDocumentPair } from '../src/pipeline/read-document-pair.js';
import type { DocumentFile } from '../src/pipeline/segment-file.js';
import { renderDocx } from './forms/render-docx.js';

/** The repository's corpora/ folder, with a trailing slash. */
export const corporaDir = fileURLToPath(new URL('../corpora/', import.meta.url));
/** The committed PDF renderings of corpora/ (harness/forms/build-fixtures.ts), with a trailing slash. */
export const fixturesDir = fileURLToPath(new URL('./forms/', import.meta.url));

/** Names of the corpora/ pairs. */
export const corporaCases: string[] = readdirSync(corporaDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Form of a document: the corpora text, or one of its renderings. */
export type Form = 'text' | 'docx' | 'pdf';

/** One side of a case in one form, as the bytes a user would give. */
export async function formFile(name: string, language: 'fr' | 'en', form: Form): Promise<DocumentFile> {
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
  return { bytes, name: form === 'text' ? textFile : `${language}.${form}`, language };
}

/** Reads one side of a case in one form through the pipeline. */
export async function loadForm(name: string, language: 'fr' | 'en', form: Form): Promise<SegmentedDocument> {
  const file = await formFile(name, language, form);
  return readDocument(file.bytes, file.name, file.language);
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
  const pair = await readDocumentPair(await formFile(name, 'fr', form), await formFile(name, 'en', form));
  const { alignment } = alignDocumentPair(pair);
  return { fr: pair.source, en: pair.target, links: formatLinks(alignment.sentences) };
}
