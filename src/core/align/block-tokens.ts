/**
 * The tokens of a document's blocks, taken from its sentences' tokens where that gives the same result: a block's text
 * is, nearly always, its sentences' texts joined by spaces, and tokenizing it again was a tenth of aligning a document
 * pair.
 */
import { SideTokenizer, type TokenizedSide } from './features.js';
import { holdsArabicLetter } from './script-tokens.js';

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * What {@link tokenizeSide} gives for `blockTexts`, reusing `sentences` (the tokens of `sentenceTexts`): block b's
 * sentences are `firstSentenceOfBlock[b]` to `firstSentenceOfBlock[b + 1]` (exclusive).
 */
export function tokenizeBlocks(
  blockTexts: readonly string[],
  sentenceTexts: readonly string[],
  sentences: TokenizedSide,
  firstSentenceOfBlock: Int32Array,
): TokenizedSide {
  const blocks = new SideTokenizer(blockTexts.length);
  const remap = new Int32Array(sentences.vocabulary.length).fill(-1);
  blockTexts.forEach((text, b) => {
    const first = firstSentenceOfBlock[b] as number;
    const end = firstSentenceOfBlock[b + 1] as number;
    if (tokensCarryOver(text, sentenceTexts, first, end)) blocks.addJoined(text, sentences, first, end, remap);
    else blocks.add(text);
  });
  return blocks.finish();
}

/**
 * Whether `text`, tokenized, gives the tokens of sentences `first` to `end` in a row: it must be their texts joined by
 * single spaces, with no number across a join ("1 250" is one number), and no Arabic letter, as Arabic digit groups are
 * read across spaces and only in a text that holds one.
 */
function tokensCarryOver(text: string, sentenceTexts: readonly string[], first: number, end: number): boolean {
  let at = 0;
  for (let k = first; k < end; k++) {
    const sentence = sentenceTexts[k] as string;
    if (k > first) {
      if (text.charCodeAt(at) !== 0x20) return false;
      if (isDigit(text[at - 1]) && isDigit(text[at + 1])) return false;
      at += 1;
    }
    if (!text.startsWith(sentence, at)) return false;
    at += sentence.length;
  }
  return at === text.length && !holdsArabicLetter(text);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && DECIMAL_DIGIT.test(char);
}
