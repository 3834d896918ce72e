/**
 * Real data for the renderer tests: two texts are read, aligned and reported on by the pipeline, saved in a
 * real SQLite store and read back exactly as the review router reads them; pages are translated by the real catalogues.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParityReport } from '../../../src/core/qa/parity-report.js';
import { alignDocumentPair } from '../../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../../src/pipeline/read-document-pair.js';
import { createApiI18n } from '../../../src/api/i18n.js';
import type { PageContext } from '../../../src/api/web/page-context.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { Page, PairRecord, StoredBlockBead } from '../../../src/storage/store.js';

/** The repository's corpora/ folder. */
export const CORPORA_DIR = resolve(fileURLToPath(new URL('../../../corpora', import.meta.url)));

/** What the pair page renderer needs, as the store answers it. */
export interface StoredPair {
  pair: PairRecord;
  report: ParityReport;
  alignment: Page<StoredBlockBead>;
}

/** A French and an English text (Markdown or plain), with names. */
export interface TextPair {
  fr: { name: string; text: string };
  en: { name: string; text: string };
  symbol?: string;
}

/** Reads corpora/<name>/fr.md and en.md. */
export function readCorpus(name: string): TextPair {
  const read = (language: 'fr' | 'en'): { name: string; text: string } => ({
    name: `${language}.md`,
    text: readFileSync(join(CORPORA_DIR, name, `${language}.md`), 'utf8'),
  });
  return { fr: read('fr'), en: read('en') };
}

/**
 * Aligns `texts` (French as source) and stores the pair in a throw-away SQLite store; answers what the store reads
 * back.
 */
export async function storeAlignedPair(texts: TextPair): Promise<StoredPair> {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-review-'));
  // A fixed clock keeps the rendered dates stable.
  const store = openStore({ sqlitePath: join(dir, 'store.sqlite'), now: () => new Date('2019-07-12T09:30:00Z') });
  try {
    await store.migrate();
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    const fr = { name: texts.fr.name, bytes: bytes(texts.fr.text) };
    const en = { name: texts.en.name, bytes: bytes(texts.en.text) };
    const { pair } = await store.createPair({
      source: fr,
      target: en,
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      collection: 'tests',
      symbol: texts.symbol ?? null,
    });
    const documents = await readDocumentPair({ ...fr, language: 'fr' }, { ...en, language: 'en' });
    const { alignment, report: parity } = alignDocumentPair(documents);
    await store.saveAlignment(pair.id, alignment, parity);
    const [saved, report, page] = await Promise.all([
      store.getPair(pair.id),
      store.getReport(pair.id),
      store.getAlignment(pair.id, { limit: 2000, offset: 0 }),
    ]);
    if (saved === null || report === null || page === null) throw new Error('the store lost the pair it just saved');
    return { pair: saved, report, alignment: page };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const i18n = createApiI18n();

/**
 * A page context over the real catalogues that throws on a key missing from `review` (or the namespace named in the
 * key).
 */
export function makeContext(language: 'en' | 'fr', path = '/review', query: Record<string, string> = {}): PageContext {
  const t = i18n.getFixedT(language, 'review');
  return {
    language,
    path,
    query,
    t: (key, values) => {
      if (!i18n.exists(key, { lng: language, ns: 'review' })) throw new Error(`missing ${language} message ${key}`);
      return t(key, values ?? {});
    },
  };
}
