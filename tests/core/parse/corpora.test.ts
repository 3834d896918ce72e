import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import type { ParsedDocument } from '../../../src/core/model.js';

const CORPORA = new URL('../../../corpora/', import.meta.url);

interface Gold {
  source: string;
  target: string;
  paragraphs: Array<Record<string, string | null>>;
  sentences: Array<Record<string, string[]>>;
}

const cases = existsSync(CORPORA)
  ? readdirSync(CORPORA, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/gold.json`, CORPORA)))
      .map((entry) => entry.name)
  : [];

function parseSide(name: string, file: string, language: string): { source: string; doc: ParsedDocument } {
  const source = readFileSync(new URL(`${name}/${file}`, CORPORA), 'utf8');
  return { source, doc: parseDocument(source, { language, format: file.endsWith('.md') ? 'markdown' : 'text' }) };
}

describe.skipIf(cases.length === 0)('parseDocument on corpora/*', () => {
  const sides = cases.flatMap((name) => {
    const gold = JSON.parse(readFileSync(new URL(`${name}/gold.json`, CORPORA), 'utf8')) as Gold;
    return [
      { name, gold, language: 'fr', file: gold.source },
      { name, gold, language: 'en', file: gold.target },
    ];
  });

  it.each(sides)('$name/$file: raw slices are exact', ({ name, file, language }) => {
    const { source, doc } = parseSide(name, file, language);
    expect(doc.blocks.length).toBeGreaterThan(0);
    for (const block of doc.blocks) expect(source.slice(block.range.start, block.range.end)).toBe(block.raw);
  });

  it.each(sides)(
    '$name/$file: the gold label paths are the labelled blocks, in order',
    ({ name, gold, file, language }) => {
      const { doc } = parseSide(name, file, language);
      const expected = gold.paragraphs.map((pair) => pair[language] ?? null).filter((path) => path !== null);
      const actual = doc.blocks.map((block) => block.path).filter((path) => path !== null);
      expect(actual).toEqual(expected);
    },
  );

  it.each(sides)('$name/$file: block texts concatenate to the gold sentences', ({ name, gold, file, language }) => {
    const { doc } = parseSide(name, file, language);
    const expected = gold.sentences.flatMap((bead) => bead[language] ?? []).join(' ');
    const actual = doc.blocks
      .map((block) => block.text)
      .filter((text) => text !== '')
      .join(' ');
    expect(actual).toBe(expected);
  });
});
