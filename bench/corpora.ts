/** The corpora/ pairs with their gold files, aligned the way the CLI does. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusGold } from '../src/core/eval/corpus-gold.js';
import type { SegmentedDocument } from '../src/core/model.js';
import { parseDocument } from '../src/core/parse/parse-document.js';
import { segmentDocument } from '../src/core/segment/segment-document.js';

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

function load(path: string, language: string): SegmentedDocument {
  const format = /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
  return segmentDocument(parseDocument(readFileSync(path, 'utf8'), { language, format }));
}

/** Every corpora/ case that has a gold.json, in name order. */
export function loadCorpusCases(): CorpusCase[] {
  return readdirSync(corporaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corporaDir, entry.name, 'gold.json')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(corporaDir, name);
      const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as CorpusGold;
      return {
        name,
        dir,
        gold,
        source: load(join(dir, gold.source), 'fr'),
        target: load(join(dir, gold.target), 'en'),
      };
    });
}
