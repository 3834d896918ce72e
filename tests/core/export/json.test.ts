import { describe, expect, it } from 'vitest';
import { ALIGNMENT_JSON_VERSION, toAlignmentJson } from '../../../src/core/export/json.js';
import { alignment, english, french } from './fixtures/un-ctoc-note/alignment.js';

describe('toAlignmentJson', () => {
  it('holds both documents and both bead lists under the documented keys', () => {
    const json = toAlignmentJson(alignment);
    expect(Object.keys(json)).toEqual(['version', 'source', 'target', 'blocks', 'beads']);
    expect(json.version).toBe(ALIGNMENT_JSON_VERSION);
    expect(json.source).toEqual({
      language: 'fr',
      meta: french.meta,
      blocks: french.blocks,
      sentences: french.sentences,
    });
    expect(json.target).toEqual({
      language: 'en',
      meta: english.meta,
      blocks: english.blocks,
      sentences: english.sentences,
    });
    expect(json.blocks).toEqual(alignment.blocks);
    expect(json.beads).toEqual(alignment.sentences);
  });

  it('survives JSON.stringify and JSON.parse unchanged, control characters and emoji included', () => {
    const json = toAlignmentJson(alignment, { report: { parity: { missing: ['fn:2'] } } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json)).toContain('en\\u0001ligne');
  });

  it('attaches a report only when given one', () => {
    expect('report' in toAlignmentJson(alignment)).toBe(false);
    expect(toAlignmentJson(alignment, { report: { ok: true } }).report).toEqual({ ok: true });
  });

  it('shares nothing with the alignment, so later edits of either do not leak', () => {
    const json = toAlignmentJson(alignment);
    json.beads[0]?.source.push(42);
    const label = json.source.blocks[3]?.label;
    expect(label).not.toBeNull();
    if (label) label.raw = 'X.';
    json.source.meta.symbol = 'changed';
    expect(alignment.sentences[0]?.source).toEqual([0]);
    expect(french.blocks[3]?.label?.raw).toBe('I.');
    expect(french.meta.symbol).toBe('CTOC/COP/2018/1');
  });

  it('leaves out runtime properties that are not in the model', () => {
    const withCache = {
      ...alignment,
      source: { ...french, blocks: french.blocks.map((b) => ({ ...b, cache: new Map() })) },
    };
    const json = toAlignmentJson(withCache);
    expect(json.source.blocks.every((block) => !('cache' in block))).toBe(true);
  });
});
