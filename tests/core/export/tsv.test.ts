import { describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../src/core/export/collect-units.js';
import { replaceTsvSeparators, TSV_HEADER, writeTsv, type TsvOptions } from '../../../src/core/export/tsv.js';
import type { Alignment } from '../../../src/core/model.js';
import { alignment, english, expectedSentenceUnits, french } from './fixtures/un-ctoc-note/alignment.js';

function write(input: Alignment, options: TsvOptions = {}): { lines: string[]; summary: ExportSummary } {
  const generator = writeTsv(input, options);
  const chunks: string[] = [];
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done === true) {
      const text = chunks.join('');
      expect(text.endsWith('\n')).toBe(true);
      return { lines: text.slice(0, -1).split('\n'), summary: step.value };
    }
    chunks.push(step.value);
  }
}

describe('writeTsv', () => {
  it('writes the header then one source, target, confidence, label line per unit', () => {
    const { lines, summary } = write(alignment);
    expect(`${lines[0]}\n`).toBe(TSV_HEADER);
    // The expected texts are the TMX ones, where U+0001 became U+FFFD; TSV carries U+0001 as it is.
    const tsvText = (text: string) => text.replace('\uFFFD', '\u0001');
    expect(lines.slice(1)).toEqual(
      expectedSentenceUnits.map(
        (unit) => `${tsvText(unit.fr)}\t${tsvText(unit.en)}\t${unit.confidence}\t${unit.label ?? ''}`,
      ),
    );
    expect(summary).toEqual({ units: 8, oneSided: 2, lowConfidence: 0, emptyText: 0, symbolOnly: 0, otherStatus: 0 });
  });

  it('keeps characters TSV can carry: U+0001, NBSP, emoji, quotes, ampersands', () => {
    const text = write(alignment).lines.join('\n');
    expect(text).toContain('en\u0001ligne');
    expect(text).toContain('«\u00A0traite & trafic\u00A0»');
    expect(text).toContain('"trafficking & smuggling"');
    expect(text).toContain('🙂');
  });

  it('replaces tabs and line breaks inside texts, so every line has exactly four fields', () => {
    const messy = (doc: Alignment['source']) => ({
      ...doc,
      sentences: doc.sentences.map((s) => ({ ...s, text: `${s.text}\tcell 2\r\nline\u2028sep\u000Bvt` })),
    });
    const { lines } = write({ ...alignment, source: messy(french), target: messy(english) });
    expect(lines).toHaveLength(1 + 8);
    for (const line of lines) expect(line.split('\t')).toHaveLength(4);
    expect(lines[1]).toBe('Distr. générale cell 2  line sep vt\tDistr.: General cell 2  line sep vt\t0.42\t');
  });

  it('honours minConfidence and paragraph units like the TMX writer', () => {
    expect(write(alignment, { minConfidence: 0.9 }).summary).toEqual({
      units: 4,
      oneSided: 2,
      lowConfidence: 4,
      emptyText: 0,
      symbolOnly: 0,
      otherStatus: 0,
    });
    const paragraphs = write(alignment, { units: 'paragraph' });
    expect(paragraphs.lines).toHaveLength(1 + 7);
    expect(paragraphs.lines[6]).toBe(
      'les Parties ont répondu 🙂 au questionnaire en\u0001ligne ;\tParties responded 🙂 to the ' +
        'online\u0001questionnaire;\t0.76\t2/a',
    );
  });
});

describe('replaceTsvSeparators', () => {
  it.each([
    ['tab', 'a\tb', 'a b'],
    ['LF', 'a\nb', 'a b'],
    ['CR LF (one space each)', 'a\r\nb', 'a  b'],
    ['VT and FF', 'a\u000Bb\u000Cc', 'a b c'],
    ['NEL, LS, PS', 'a\u0085b\u2028c\u2029d', 'a b c d'],
    ['nothing else', 'a\u00A0b "c" \u0001', 'a\u00A0b "c" \u0001'],
  ])('replaces %s', (_rule, input, expected) => {
    expect(replaceTsvSeparators(input)).toBe(expected);
  });
});
