/**
 * Lexical features of sentences for alignment: words folded to a comparable form, and for each word the
 * integer keys it can match on the other side (itself, its cognate prefix, its number, its learned
 * translations). Keys live in one space shared by both languages.
 */

/** What the aligner knows about one sentence (or block). */
export interface SentenceFeatures {
  /** Length in characters (UTF-16 code units) of the trimmed text. */
  length: number;
  /** Number of content words (frequent function words left out). */
  wordCount: number;
  /**
   * Keys of each content word, flattened: word w offers `wordKeys[wordStarts[w] .. wordStarts[w + 1])`;
   * a word is "matched" in a bead when any of its keys is present on the other side.
   */
  wordKeys: Int32Array;
  /** Offsets into `wordKeys`, one more than `wordCount`. */
  wordStarts: Int32Array;
  /** Every key of every word, deduplicated: what the other side looks up. */
  keySet: Int32Array;
  /** Folded word forms, for lexicon training. */
  forms: string[];
}

/** Interns strings as small integers so bead scoring touches only typed arrays. */
export class KeySpace {
  private readonly ids = new Map<string, number>();
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
}

/** Translations of folded target words into folded source words, learned or supplied. */
export type Lexicon = ReadonlyMap<string, readonly string[]>;

const WORD = /[\p{L}\p{N}]+(?:[''’\-.,/][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;

/** Lower-cases and strips accents so "Conférence" and "conference" compare equal. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Splits a sentence into folded tokens; numbers keep their digits only ("1 250,5" and "1,250.5" both give "12505"). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Join digit groups split by (no-break) spaces first: French "1 250,5" is one number.
  const joined = text.replace(/(\d)[\u0020\u00a0\u202f](?=\d{3}\b)/g, '$1');
  for (const match of joined.matchAll(WORD)) {
    const raw = match[0];
    if (/^\d[\d.,/]*$/.test(raw)) {
      tokens.push(raw);
      continue;
    }
    // Elision and hyphen split ("l'application" -> "l", "application"); symbols like A/RES/70/1 stay whole.
    if (raw.includes('/')) {
      tokens.push(foldWord(raw));
      continue;
    }
    for (const part of raw.split(/[''’\-.,]/)) if (part) tokens.push(foldWord(part));
  }
  return tokens;
}

/** How common a word must be (share of sentences containing it) to count as a function word. */
const FUNCTION_WORD_SHARE = 0.05;
/** Below this many sentences the share is too noisy: only a small absolute count decides. */
const FUNCTION_WORD_MIN_COUNT = 4;

/** Folded words so frequent in this document that they carry no alignment evidence. */
export function findFunctionWords(sentences: readonly string[][]): Set<string> {
  const documentFrequency = new Map<string, number>();
  for (const tokens of sentences) for (const t of new Set(tokens)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const limit = Math.max(FUNCTION_WORD_MIN_COUNT, FUNCTION_WORD_SHARE * sentences.length);
  const frequent = new Set<string>();
  for (const [word, df] of documentFrequency) if (df > limit && !/\d/.test(word)) frequent.add(word);
  return frequent;
}

/** Options for turning tokens into keys. */
export interface KeyOptions {
  /** Words to leave out on this side. */
  functionWords: ReadonlySet<string>;
  /** For target sentences: translations into source words. Absent on the source side. */
  lexicon?: Lexicon;
}

// Simard, Foster & Isabelle (1992): words sharing their first four letters are likely cognates.
const COGNATE_PREFIX = 4;

function keysOfWord(word: string, space: KeySpace, options: KeyOptions): number[] {
  if (/^\d/.test(word)) {
    const digits = word.replace(/\D/g, '');
    return [space.intern(`#${digits}`)];
  }
  const keys: number[] = [];
  if (word.length >= 2) keys.push(space.intern(`=${word}`));
  if (word.length > COGNATE_PREFIX) keys.push(space.intern(`~${word.slice(0, COGNATE_PREFIX)}`));
  const translations = options.lexicon?.get(word);
  if (translations) for (const t of translations) keys.push(space.intern(`=${t}`));
  return keys;
}

/** Builds the features of each sentence of one side. */
export function buildFeatures(
  texts: readonly string[],
  tokens: readonly string[][],
  space: KeySpace,
  options: KeyOptions,
): SentenceFeatures[] {
  return texts.map((text, index) => {
    const flat: number[] = [];
    const starts: number[] = [0];
    const forms: string[] = [];
    const all = new Set<number>();
    for (const word of tokens[index] ?? []) {
      if (options.functionWords.has(word)) continue;
      const keys = keysOfWord(word, space, options);
      if (keys.length === 0) continue;
      flat.push(...keys);
      starts.push(flat.length);
      forms.push(word);
      for (const k of keys) all.add(k);
    }
    return {
      length: text.trim().length,
      wordCount: forms.length,
      wordKeys: Int32Array.from(flat),
      wordStarts: Int32Array.from(starts),
      keySet: Int32Array.from(all),
      forms,
    };
  });
}
