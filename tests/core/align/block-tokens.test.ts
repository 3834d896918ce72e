import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeBlocks } from '../../../src/core/align/block-tokens.js';
import { tokenizeSide } from '../../../src/core/align/features.js';
import type { SegmentedDocument, UnLanguage } from '../../../src/core/model.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';
import { SIX_LANGUAGE_NOTE } from '../../../harness/six-language-note.js';

const corpora = join(import.meta.dirname, '../../../corpora');

const read = (text: string, language: string, format: 'markdown' | 'text'): SegmentedDocument =>
  segmentDocument(parseDocument(text, { language, format }));

// Block b's sentences are first[b] .. first[b + 1]: counted here from each sentence's block, independently of the
// aligner's own helper.
function firstSentenceOfBlock(document: SegmentedDocument): Int32Array {
  const first = new Int32Array(document.blocks.length + 1);
  for (let b = 0; b <= document.blocks.length; b++)
    first[b] = document.sentences.filter((sentence) => sentence.block < b).length;
  return first;
}

/** The block tokens derived from the sentences' tokens, and the tokens of the block texts tokenized anew. */
function bothWays(document: SegmentedDocument): { derived: unknown; direct: unknown } {
  const sentenceTexts = document.sentences.map((sentence) => sentence.text);
  const blockTexts = document.blocks.map((block) => block.text);
  return {
    derived: tokenizeBlocks(blockTexts, sentenceTexts, tokenizeSide(sentenceTexts), firstSentenceOfBlock(document)),
    direct: tokenizeSide(blockTexts),
  };
}

describe('tokenizeBlocks', () => {
  it.each([
    ['un-note-ctoc-cop-2018', 'fr.md', 'fr', 'markdown'],
    ['un-note-ctoc-cop-2018', 'en.md', 'en', 'markdown'],
    ['report-structure', 'fr.txt', 'fr', 'text'],
    ['report-structure', 'en.txt', 'en', 'text'],
    ['missing-split-merge', 'fr.md', 'fr', 'markdown'],
    ['resolution-preamble', 'en.md', 'en', 'markdown'],
  ] as const)('gives what tokenizing the block texts gives: %s/%s', (corpus, file, language, format) => {
    const document = read(readFileSync(join(corpora, corpus, file), 'utf8'), language, format);
    const { derived, direct } = bothWays(document);
    expect(derived).toEqual(direct);
  });

  it.each(Object.keys(SIX_LANGUAGE_NOTE) as UnLanguage[])('does so in every UN language: %s', (language) => {
    const document = read(SIX_LANGUAGE_NOTE[language].join('\n\n'), language, 'text');
    const { derived, direct } = bothWays(document);
    expect(derived).toEqual(direct);
  });

  it('copies the sentences’ tokens when the block is their text joined by spaces', () => {
    // Tokens that tokenizing the block could not give: only a copy puts them there.
    const planted = tokenizeSide(['alpha beta', 'gamma']);
    const blocks = tokenizeBlocks(
      ['One sentence. Another one.'],
      ['One sentence.', 'Another one.'],
      planted,
      Int32Array.of(0, 2),
    );
    expect([...blocks.ids].map((id) => blocks.vocabulary[id])).toEqual(['alpha', 'beta', 'gamma']);
    expect(blocks.lengths[0]).toBe('One sentence. Another one.'.length);
  });

  it.each([
    ['a number across a join', 'Il y a 1 250 personnes.', ['Il y a 1', '250 personnes.']],
    ['two spaces at a join', 'Une phrase.  Une autre.', ['Une phrase.', 'Une autre.']],
    ['text the sentences do not cover', 'Une phrase. Une autre. Et un reste', ['Une phrase.', 'Une autre.']],
    // Arabic digit groups ("182 3" for 3,182) are read back only in a text with an Arabic letter: the block has one,
    // its second sentence alone does not.
    ['an Arabic block', 'وبلغ عدد السكان. 182 3', ['وبلغ عدد السكان.', '182 3']],
  ])('tokenizes the block itself for %s', (_case, blockText, sentenceTexts) => {
    const sentences = tokenizeSide(sentenceTexts);
    const derived = tokenizeBlocks([blockText], sentenceTexts, sentences, Int32Array.of(0, sentenceTexts.length));
    expect(derived).toEqual(tokenizeSide([blockText]));
  });
});
