import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../src/core/align/costs.js';
import { learnEndingAgreement } from '../../../src/core/align/ending-agreement.js';
import { SENTENCE_ENDINGS, tokenizeSide } from '../../../src/core/align/features.js';
import { alignSentences } from '../../../src/core/align/sentences.js';

const classOf = (mark: string): number => SENTENCE_ENDINGS.indexOf(mark as (typeof SENTENCE_ENDINGS)[number]);
const entry = (table: Float64Array, source: string, target: string): number =>
  table[classOf(source) * SENTENCE_ENDINGS.length + classOf(target)] as number;

describe('sentence endings', () => {
  it.each([
    ['The meeting was opened.', '.'],
    ['Was the report adopted?', '?'],
    ['« Pourquoi pas ? »', '?'],
    ['« Pourquoi pas\u202f?\u00a0»', '?'],
    ['He asked: "Why not?"', '?'],
    ['The Committee recommends the following:', ':'],
    ['(a) To adopt the agenda;', ';'],
    ['Wait for it…', '.'],
    ['Annex', ''],
    ['(see para. 3)', ''],
  ])('%s ends with class "%s"', (text, mark) => {
    expect(tokenizeSide([text]).endings[0]).toBe(classOf(mark));
  });
});

describe('learnEndingAgreement', () => {
  // 40 sentences a side: questions, lead-ins and statements, paired in order; the translator kept every mark
  // except that French ";" became "." throughout.
  const sourceMarks = Array.from({ length: 40 }, (_, k) =>
    k % 5 === 0 ? '?' : k % 7 === 0 ? ':' : k % 3 === 0 ? ';' : '.',
  );
  const targetMarks = sourceMarks.map((mark) => (mark === ';' ? '.' : mark));
  const encode = (marks: string[]): Uint8Array => Uint8Array.from(marks, classOf);
  const pairs = sourceMarks.map((_, k) => ({ source: k, target: k }));
  const table = learnEndingAgreement(encode(sourceMarks), encode(targetMarks), pairs);

  it('finds agreeing marks likelier than chance and disagreeing ones less likely', () => {
    expect(table).not.toBeNull();
    const t = table as Float64Array;
    expect(entry(t, '?', '?')).toBeGreaterThan(1);
    expect(entry(t, ':', ':')).toBeGreaterThan(1);
    expect(entry(t, '?', '.')).toBeLessThan(-1);
    expect(entry(t, ':', '?')).toBeLessThan(0);
  });

  it("learns the translator's habit instead of assuming marks are kept", () => {
    const t = table as Float64Array;
    expect(entry(t, ';', '.')).toBeGreaterThan(0);
    expect(entry(t, ';', ';')).toBeLessThan(0);
  });

  it('says nothing when there are too few pairs to learn from', () => {
    expect(learnEndingAgreement(encode(sourceMarks), encode(targetMarks), pairs.slice(0, 10))).toBeNull();
  });
});

// Invented languages without shared words: only lengths and marks tell sentences apart.
const LETTERS = 'bcdfghjklmnpqrstvwxz';
const sourceWord = (k: number): string => `${LETTERS[k % 20]}a${LETTERS[Math.floor(k / 20) % 20]}`;
const targetWord = (k: number): string => `${LETTERS[k % 20]}o${LETTERS[Math.floor(k / 20) % 20]}`.toUpperCase();
const words = (count: number, first: number, word: (k: number) => string): string =>
  Array.from({ length: count }, (_, q) => word(first + q)).join(' ');

describe('alignSentences with sentence endings', () => {
  const source: string[] = [];
  const target: string[] = [];
  const marks = ['.', '.', '?', '.', ':', '.', '!', '.'];
  for (let k = 0; k < 60; k++) {
    if (k === 30) {
      // A question of 12 words rendered in 8, then a lead-in of 8 words rendered in 12: each 1-1 bead has
      // lengths far apart, while the 2-2 bead of both has equal lengths.
      source.push(`${words(12, 100, sourceWord)} ?`, `${words(8, 300, sourceWord)} :`);
      target.push(`${words(8, 200, targetWord)} ?`, `${words(12, 320, targetWord)} :`);
      continue;
    }
    const length = 5 + ((k * 7) % 8);
    const mark = marks[k % marks.length] as string;
    source.push(`${words(length, k * 5, sourceWord)} ${mark}`);
    target.push(`${words(length, k * 5, targetWord)} ${mark}`);
  }
  const around = (weights = DEFAULT_WEIGHTS): string[] =>
    alignSentences({ source, target, weights })
      .filter((b) => b.source.some((i) => i === 30 || i === 31))
      .map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

  it('keeps a question and a lead-in apart when both sides end them with the same marks', () => {
    expect(around()).toEqual(['30:30', '31:31']);
  });

  it('merges them on lengths alone without that evidence', () => {
    expect(around({ ...DEFAULT_WEIGHTS, ending: 0 })).toEqual(['30,31:30,31']);
  });
});
