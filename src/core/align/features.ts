/**
 * Lexical features of sentences for alignment: words folded to a comparable form, and for each word the
 * integer keys it can match on the other side (itself, its cognate prefix, its number, its learned
 * translations). Keys live in one space shared by both languages.
 */
import { letterOrNumberWidthAt } from '../letter-or-number.js';
import { IntBuffer } from './int-buffer.js';
import { hasHan, readReversedDigitGroups, splitHan, toAsciiDigits, transliterateCyrillic } from './script-tokens.js';

/**
 * What the aligner knows about the sentences (or blocks) of one side, in flat typed arrays so that a
 * 100,000-sentence document costs a few arrays, not millions of objects.
 */
export interface SideFeatures {
  /** Number of sentences. */
  count: number;
  /** Length in characters (UTF-16 code units) of each trimmed sentence. */
  lengths: Float64Array;
  /** Punctuation marks per sentence and class, as in {@link TokenizedSide}. */
  punctuation: Uint8Array;
  /** As in {@link TokenizedSide}. */
  wordless: Uint8Array;
  /** As in {@link TokenizedSide}. */
  endings: Uint8Array;
  /** Sentence s has content words `words[wordStart[s] .. wordStart[s + 1])` (frequent function words left out). */
  wordStart: Int32Array;
  /** Vocabulary id of each content word. */
  words: Int32Array;
  /**
   * Vocabulary word v offers keys `wordKeys[keyStart[v] .. keyStart[v + 1])`; it is matched when any is on the
   * other side.
   */
  keyStart: Int32Array;
  wordKeys: Int32Array;
  /** Sentence s's keys, deduplicated, are `keySet[setStart[s] .. setStart[s + 1])`: what the other side looks up. */
  setStart: Int32Array;
  keySet: Int32Array;
  /** Sentence s's numbers, one key per occurrence, are `numberKeys[numberStart[s] .. numberStart[s + 1])`. */
  numberStart: Int32Array;
  numberKeys: Int32Array;
}

/** The folded tokens of one side: a vocabulary and, per sentence, a run of word ids. */
export interface TokenizedSide {
  /** Distinct folded words, by id. */
  vocabulary: string[];
  /** Word ids of all sentences, concatenated. */
  ids: Int32Array;
  /** Sentence s's tokens are `ids[starts[s] .. starts[s + 1])`. */
  starts: Int32Array;
  /** Trimmed length in characters of each sentence. */
  lengths: Float64Array;
  /** Sentence s has `punctuation[s * PUNCTUATION_CLASSES.length + c]` marks of class c. */
  punctuation: Uint8Array;
  /** 1 for sentences without a word of two letters or more: dots, dashes, OCR debris, a bare number. */
  wordless: Uint8Array;
  /** Class of the mark that ends each sentence, an index into {@link SENTENCE_ENDINGS} (0: none of them). */
  endings: Uint8Array;
}

/** Marks that end a sentence, by class; 0 is anything else (a title, a line cut by OCR). */
export const SENTENCE_ENDINGS = ['', '.', '?', '!', ':', ';', ','] as const;
// The same classes in every script: Chinese full-width marks (。．？！：；，、), Arabic ؟ ؛ ، and the
// Arabic full stop ۔ read as their Latin counterparts, so that an ending learned in one pair means the same in all.
const ENDING_MARKS: Readonly<Record<string, number>> = {
  '.': 1,
  '…': 1,
  '。': 1,
  '．': 1,
  '۔': 1,
  '?': 2,
  '？': 2,
  '؟': 2,
  '!': 3,
  '！': 3,
  ':': 4,
  '：': 4,
  ';': 5,
  '；': 5,
  '؛': 5,
  ',': 6,
  '，': 6,
  '、': 6,
  '،': 6,
};

const CLOSING = new Set([
  ...[' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u3000', '"', "'", '»', '”', '’', ')', ']'],
  // Chinese closing quotes and brackets; right-to-left and other invisible marks that end Arabic lines.
  ...['」', '』', '）', '】', '〕', '》', '〉', '\u200f', '\u200e', '\u061c'],
]);

/** The class of a sentence's last mark, looking through closing quotes and brackets ("Why?»" ends with "?"). */
function endingOf(text: string): number {
  // A backward scan, not a regular expression anchored at the end: that one backtracks over every long run of
  // spaces inside the text.
  let k = text.length - 1;
  while (k >= 0 && CLOSING.has(text[k] as string)) k -= 1;
  return k >= 0 ? (ENDING_MARKS[text[k] as string] ?? 0) : 0;
}

/**
 * Punctuation that translations keep: a question stays a question, an exclamation an exclamation, a
 * parenthesis a parenthesis, in French, English and German alike (quotes and dashes differ too much by language);
 * the Chinese full-width and Arabic forms count as the same marks.
 */
export const PUNCTUATION_CLASSES: readonly RegExp[] = [/[?¿？؟]/g, /[!¡！]/g, /[(（]/g];

function countPunctuation(text: string, into: Uint8Array, offset: number): void {
  PUNCTUATION_CLASSES.forEach((pattern, c) => {
    into[offset + c] = Math.min(255, text.match(pattern)?.length ?? 0);
  });
}

/**
 * Scratch marks over a key space, one array a side: a measure marks the keys of a bead's sentences with a fresh
 * epoch, so nothing needs clearing between beads.
 */
export class KeyStamps {
  readonly source: Int32Array;
  readonly target: Int32Array;
  private epoch = 0;

  constructor(size: number) {
    this.source = new Int32Array(size);
    this.target = new Int32Array(size);
  }

  /** A fresh epoch: marks made under earlier ones no longer count. */
  next(): number {
    return ++this.epoch;
  }
}

/** Interns strings as small integers so bead scoring touches only typed arrays. */
export class KeySpace {
  private readonly ids = new Map<string, number>();
  private scratch: KeyStamps | null = null;
  /** Returns the id of `key`, creating it on first sight. */
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  /** Number of distinct keys so far. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * The stamps every meter over this space shares: a document aligned in 150 paragraph spans would otherwise
   * allocate two arrays the size of the space (the store's lexicon included) for each span's scorer.
   */
  stamps(): KeyStamps {
    if (!this.scratch || this.scratch.source.length < this.ids.size) this.scratch = new KeyStamps(this.ids.size);
    return this.scratch;
  }
}

/** Translations of folded target words into folded source words, learned or supplied. */
export type Lexicon = ReadonlyMap<string, readonly string[]>;

/** Marks that join two runs of letters and numbers into one word: elisions, hyphens, "1.5", "A/RES/70/1". */
function isJoiner(code: number): boolean {
  // ' ’ - . , /
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2e || code === 0x2c || code === 0x2f;
}

/** Where the run of letters and numbers starting at `from` ends (a code point at a time). */
function endOfRun(text: string, from: number): number {
  let k = from;
  while (k < text.length) {
    const width = letterOrNumberWidthAt(text, k);
    if (width < 0) break;
    k += width;
  }
  return k;
}

/**
 * Calls `visit` with each word of `text`: a run of letters and numbers, with the runs that joiners link to it
 * ("l'application", "1,250.5", "A/RES/70/1"); a joiner with no letter or number after it ends the word. The same words
 * as the expression [\p{L}\p{N}]+(?:['’\-.,/][\p{L}\p{N}]+)* with the flags g and u, several times faster: the
 * tokenizer's hottest step.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let k = 0;
  while (k < text.length) {
    const width = letterOrNumberWidthAt(text, k);
    if (width < 0) {
      k -= width;
      continue;
    }
    const start = k;
    k = endOfRun(text, k);
    while (k + 1 < text.length && isJoiner(text.charCodeAt(k)) && letterOrNumberWidthAt(text, k + 1) > 0)
      k = endOfRun(text, k + 1);
    visit(text.slice(start, k));
  }
}
const MARKS = /\p{M}+/gu;

/** Lower-cases and strips accents so "Conférence" and "conference" compare equal. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * Splits a sentence into folded tokens; numbers keep their digits only ("1 250,5" and "1,250.5" both give "12505"),
 * in any digit system (Arabic-Indic "٢٠١٥" gives "2015"), and Chinese text gives its pairs of characters.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  forEachRawWord(text, (raw) => pushRawWordTokens(raw, tokens));
  return tokens;
}

/** Calls `visit` with each word of `text` as written, before folding, its numbers read in any digit system. */
function forEachRawWord(text: string, visit: (raw: string) => void): void {
  // Join digit groups split by (no-break) spaces first: French "1 250,5" is one number.
  const joined = readReversedDigitGroups(toAsciiDigits(text)).replace(/(\d)[\u0020\u00a0\u202f](?=\d{3}\b)/g, '$1');
  forEachWord(joined, visit);
}

function pushRawWordTokens(raw: string, tokens: string[]): void {
  if (!hasHan(raw)) {
    pushWordTokens(raw, tokens);
    return;
  }
  // "2015年" and "第1号": Chinese glues numbers and Latin symbols to its words.
  for (const piece of splitHan(raw)) {
    if (hasHan(piece)) tokens.push(piece);
    else pushWordTokens(piece, tokens);
  }
}

function pushWordTokens(raw: string, tokens: string[]): void {
  if (/^\d[\d.,/]*$/.test(raw)) {
    tokens.push(raw.replace(/\D/g, ''));
    return;
  }
  // Elision and hyphen split ("l'application" -> "l", "application"); symbols like A/RES/70/1 stay whole.
  if (raw.includes('/')) {
    tokens.push(foldWord(raw));
    return;
  }
  for (const part of raw.split(/[''’\-.,]/)) if (part) tokens.push(foldWord(part));
}

/** Tokenizes every sentence of a side into word ids over a shared vocabulary. */
export function tokenizeSide(texts: readonly string[]): TokenizedSide {
  const side = new SideTokenizer(texts.length);
  texts.forEach((text) => side.add(text));
  return side.finish();
}

/**
 * Builds a {@link TokenizedSide} text by text, in order: each text is tokenized, or its tokens are copied from texts
 * tokenized before that it is made of (see {@link SideTokenizer.addJoined}). Vocabulary ids are given in order of first
 * sight either way, so the result is what {@link tokenizeSide} gives for the same texts.
 */
export class SideTokenizer {
  private readonly vocabularyIds = new Map<string, number>();
  private readonly vocabulary: string[] = [];
  /** By word id: 1 for a word with two letters in a row (a sentence with none is wordless). */
  private readonly lettered = new IntBuffer(1024);
  // The word ids of each word as written: a document repeats its words, and folding them and finding their ids is
  // most of tokenizing.
  private readonly idsOfRaw = new Map<string, number[]>();
  private readonly ids: IntBuffer;
  private readonly starts: Int32Array;
  private readonly lengths: Float64Array;
  private readonly punctuation: Uint8Array;
  private readonly wordless: Uint8Array;
  private readonly endings: Uint8Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.ids = new IntBuffer(capacity * 16);
    this.starts = new Int32Array(capacity + 1);
    this.lengths = new Float64Array(capacity);
    this.punctuation = new Uint8Array(capacity * PUNCTUATION_CLASSES.length);
    this.wordless = new Uint8Array(capacity);
    this.endings = new Uint8Array(capacity);
  }

  /** Tokenizes the next text. */
  add(text: string): void {
    const s = this.count;
    countPunctuation(text, this.punctuation, s * PUNCTUATION_CLASSES.length);
    let words = 0;
    forEachRawWord(text, (raw) => {
      let wordIds = this.idsOfRaw.get(raw);
      if (wordIds === undefined) {
        const tokens: string[] = [];
        pushRawWordTokens(raw, tokens);
        wordIds = tokens.map((token) => this.idOf(token));
        this.idsOfRaw.set(raw, wordIds);
      }
      for (const id of wordIds) {
        this.ids.push(id);
        words += this.lettered.at(id);
      }
    });
    if (words === 0) this.wordless[s] = 1;
    this.end(text);
  }

  /**
   * Adds the next text, which is texts `first` to `end` (exclusive) of `from` joined by single spaces, with their
   * tokens. The caller makes sure that tokenizing the joined text would give exactly those: no word or number can
   * run across a joining space (see block-tokens.ts).
   */
  addJoined(text: string, from: TokenizedSide, first: number, end: number, remap: Int32Array): void {
    const s = this.count;
    const offset = s * PUNCTUATION_CLASSES.length;
    let wordless = 1;
    for (let k = first; k < end; k++) {
      for (let i = from.starts[k] as number; i < (from.starts[k + 1] as number); i++) {
        const id = from.ids[i] as number;
        let mine = remap[id] as number;
        if (mine < 0) {
          mine = this.idOf(from.vocabulary[id] as string);
          remap[id] = mine;
        }
        this.ids.push(mine);
      }
      if (from.wordless[k] === 0) wordless = 0;
      for (let c = 0; c < PUNCTUATION_CLASSES.length; c++) {
        const count =
          (this.punctuation[offset + c] as number) + (from.punctuation[k * PUNCTUATION_CLASSES.length + c] as number);
        this.punctuation[offset + c] = Math.min(255, count);
      }
    }
    this.wordless[s] = wordless;
    this.end(text);
  }

  /** The side, once every text is added. */
  finish(): TokenizedSide {
    if (this.count !== this.capacity) throw new Error(`tokenized ${this.count} of ${this.capacity} texts`);
    const { vocabulary, starts, lengths, punctuation, wordless, endings } = this;
    return { vocabulary, ids: this.ids.toArray(), starts, lengths, punctuation, wordless, endings };
  }

  private idOf(token: string): number {
    let id = this.vocabularyIds.get(token);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.vocabularyIds.set(token, id);
      this.vocabulary.push(token);
      this.lettered.push(/\p{L}{2}/u.test(token) ? 1 : 0);
    }
    return id;
  }

  // What every text gets from its own characters, however its tokens were found.
  private end(text: string): void {
    const s = this.count;
    this.endings[s] = endingOf(text);
    this.lengths[s] = text.trim().length;
    this.starts[s + 1] = this.ids.length;
    this.count = s + 1;
  }
}

/** The words of sentence `s` that are not function words of its side. */
export function contentWordsOf(side: TokenizedSide, functionWords: Uint8Array, s: number): string[] {
  const words: string[] = [];
  for (let k = side.starts[s] as number; k < (side.starts[s + 1] as number); k++) {
    const id = side.ids[k] as number;
    if (functionWords[id] !== 1) words.push(side.vocabulary[id] as string);
  }
  return words;
}

/** How common a word must be (share of sentences containing it) to count as a function word. */
const FUNCTION_WORD_SHARE = 0.05;
/** Below this many sentences the share is too noisy: only a small absolute count decides. */
const FUNCTION_WORD_MIN_COUNT = 4;

/** Flags, by word id, the words so frequent in this document that they carry no alignment evidence. */
export function findFunctionWords(side: TokenizedSide): Uint8Array {
  const sentences = side.starts.length - 1;
  const documentFrequency = new Int32Array(side.vocabulary.length);
  const lastSeen = new Int32Array(side.vocabulary.length).fill(-1);
  for (let s = 0; s < sentences; s++) {
    for (let k = side.starts[s] as number; k < (side.starts[s + 1] as number); k++) {
      const id = side.ids[k] as number;
      if (lastSeen[id] === s) continue;
      lastSeen[id] = s;
      documentFrequency[id] = (documentFrequency[id] as number) + 1;
    }
  }
  const limit = Math.max(FUNCTION_WORD_MIN_COUNT, FUNCTION_WORD_SHARE * sentences);
  const frequent = new Uint8Array(side.vocabulary.length);
  side.vocabulary.forEach((word, id) => {
    if ((documentFrequency[id] as number) > limit && !/\d/.test(word)) frequent[id] = 1;
  });
  return frequent;
}

/** Options for turning tokens into keys. */
export interface KeyOptions {
  /** By word id: 1 for words to leave out on this side. */
  functionWords: Uint8Array;
  /** For target sentences: translations into source words. Absent on the source side. */
  lexicon?: Lexicon | undefined;
}

// Simard, Foster & Isabelle (1992): words sharing their first four letters are likely cognates.
const COGNATE_PREFIX = 4;

// Cognates that differ in their vowels or doubling (gouvernement/government, Kommission/commission):
// compare their first four consonants; three at least, or short words would match by chance.
const SKELETON_CONSONANTS = 4;

/** The first consonants of a folded word, doubled letters collapsed: "gouvernement" and "government" share "gvrn". */
export function consonantSkeleton(word: string): string {
  // One pass that stops at the fourth consonant: a regex with a back-reference ("(.)\\1+") overflows V8's
  // backtracking stack on a token of millions of one letter.
  let skeleton = '';
  let last = '';
  for (let i = 0; i < word.length && skeleton.length < SKELETON_CONSONANTS; i++) {
    let c = word.charAt(i);
    if (c === 'p' && word.charAt(i + 1) === 'h') {
      c = 'f';
      i++;
    } else if (c === 'k') {
      c = 'c';
    }
    if ('aeiouy'.includes(c)) continue;
    // Doubled letters collapse even across the vowels removed between them ("tot" reads "t").
    if (c !== last) skeleton += c;
    last = c;
  }
  return skeleton;
}

function keysOfWord(word: string, space: KeySpace, lexicon: Lexicon | undefined): number[] {
  if (/^\d/.test(word)) return [space.intern(`#${word}`)];
  const keys: number[] = [];
  if (word.length >= 2 || hasHan(word)) keys.push(space.intern(`=${word}`));
  // A Cyrillic word offers its cognate keys in Latin letters: конвенции / convention share "conv" and "cnvn".
  const spelt = transliterateCyrillic(word) ?? word;
  if (spelt.length > COGNATE_PREFIX) keys.push(space.intern(`~${spelt.slice(0, COGNATE_PREFIX)}`));
  if (spelt.length > COGNATE_PREFIX) {
    const skeleton = consonantSkeleton(spelt);
    if (skeleton.length >= SKELETON_CONSONANTS - 1) keys.push(space.intern(`^${skeleton}`));
  }
  const translations = lexicon?.get(word);
  if (translations) for (const t of translations) keys.push(space.intern(`=${t}`));
  return keys;
}

/** Builds the features of every sentence of one side. */
export function buildFeatures(side: TokenizedSide, space: KeySpace, options: KeyOptions): SideFeatures {
  // A word's keys depend only on the word: they are stored once per vocabulary entry, not per occurrence.
  const vocabularySize = side.vocabulary.length;
  const keyStart = new Int32Array(vocabularySize + 1);
  const wordKeys = new IntBuffer(vocabularySize * 3);
  const isNumber = Uint8Array.from(side.vocabulary, (word) => (/^\d/.test(word) ? 1 : 0));
  side.vocabulary.forEach((word, id) => {
    if (options.functionWords[id] !== 1) for (const key of keysOfWord(word, space, options.lexicon)) wordKeys.push(key);
    keyStart[id + 1] = wordKeys.length;
  });
  const count = side.starts.length - 1;
  const wordStart = new Int32Array(count + 1);
  const setStart = new Int32Array(count + 1);
  const words = new IntBuffer(side.ids.length);
  const keySet = new IntBuffer(side.ids.length * 2);
  const numberStart = new Int32Array(count + 1);
  const numberKeys = new IntBuffer(16);
  // The sentence that last took each key into its set: a Set cleared per sentence would leave a new hash table
  // of garbage for each (over a hundred megabytes for 96,000 sentences).
  const lastSentence = new Int32Array(space.size).fill(-1);
  for (let s = 0; s < count; s++) {
    for (let k = side.starts[s] as number; k < (side.starts[s + 1] as number); k++) {
      const id = side.ids[k] as number;
      const from = keyStart[id] as number;
      const to = keyStart[id + 1] as number;
      if (from === to) continue; // a function word, or too short to carry evidence
      words.push(id);
      // A number's only key is its digits.
      if (isNumber[id] === 1) numberKeys.push(wordKeys.at(from));
      for (let q = from; q < to; q++) {
        const key = wordKeys.at(q);
        if (lastSentence[key] !== s) {
          lastSentence[key] = s;
          keySet.push(key);
        }
      }
    }
    wordStart[s + 1] = words.length;
    numberStart[s + 1] = numberKeys.length;
    setStart[s + 1] = keySet.length;
  }
  return {
    count,
    lengths: side.lengths,
    punctuation: side.punctuation,
    wordless: side.wordless,
    endings: side.endings,
    wordStart,
    words: words.toArray(),
    keyStart,
    wordKeys: wordKeys.toArray(),
    setStart,
    keySet: keySet.toArray(),
    numberStart,
    numberKeys: numberKeys.toArray(),
  };
}
