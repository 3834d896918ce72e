/** The corpora/ pairs with their gold files, read through the pipeline the way the CLI reads them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusGold } from '../src/core/eval/corpus-gold.js';
import type { SegmentedDocument } from '../src/core/model.js';
import { readDocumentPair } from '../src/pipeline/read-document-pair.js';

/** One corpora/ case. */
export interface CorpusCase {
  name: string;
  dir: string;
  gold: CorpusGold;
  source: SegmentedDocument;
  target: SegmentedDocument;
}

/** The corpora/ folder of this repository. */
export const corporaDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'corpora');

/** Every corpora/ case that has a gold.json, in name order. */
export async function loadCorpusCases(): Promise<CorpusCase[]> {
  const names = readdirSync(corporaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corporaDir, entry.name, 'gold.json')))
    .map((entry) => entry.name)
    .sort();
  const cases: CorpusCase[] = [];
  for (const name of names) {
    const dir = join(corporaDir, name);
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as CorpusGold;
    const file = (path: string, language: string) => ({ bytes: readFileSync(path), name: basename(path), language });
    const pair = await readDocumentPair(file(join(dir, gold.source), 'fr'), file(join(dir, gold.target), 'en'));
    cases.push({ name, dir, gold, source: pair.source, target: pair.target });
  }
  return cases;
}
