import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../src/core/export/collect-units.js';
import { ExportError, ExportErrorCode } from '../../../src/core/export/export-error.js';
import { formatTmxDate, TmxPropType } from '../../../src/core/export/tmx-parts.js';
import { resolveTmxSrcLang, summarizeTmx, writeTmx, type TmxOptions } from '../../../src/core/export/tmx.js';
import type { Alignment } from '../../../src/core/model.js';
import { alignment, expectedSentenceUnits, french } from './fixtures/un-ctoc-note/alignment.js';
import { elements, only, readXml, textOf, type XmlElement } from './read-xml.js';
import { haveSharedData } from '../../../harness/shared-data.js';

const baseOptions: TmxOptions = {
  creationDate: new Date(Date.UTC(2018, 6, 18, 9, 5, 3)),
  creationToolVersion: '0.1.0',
};

interface Written {
  xml: string;
  chunks: string[];
  summary: ExportSummary;
}

function write(input: Alignment, options: Partial<TmxOptions> = {}): Written {
  const generator = writeTmx(input, { ...baseOptions, ...options });
  const chunks: string[] = [];
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done === true) return { xml: chunks.join(''), chunks, summary: step.value };
    chunks.push(step.value);
  }
}

function tus(xml: string): XmlElement[] {
  return elements(only(readXml(xml).root, 'body'), 'tu');
}

function props(tu: XmlElement): Record<string, string> {
  return Object.fromEntries(elements(tu, 'prop').map((prop) => [prop.attributes.type, textOf(prop)]));
}

function tuvs(tu: XmlElement): { lang: string | undefined; seg: string }[] {
  return elements(tu, 'tuv').map((tuv) => ({ lang: tuv.attributes['xml:lang'], seg: textOf(only(tuv, 'seg')) }));
}

/** Every seg of every written TMX must satisfy this (shared/STACK.md "TMX 1.4b essentials"). */
function expectCleanSegs(xml: string): void {
  for (const tu of tus(xml)) {
    for (const { seg } of tuvs(tu)) {
      expect(seg).not.toBe('');
      expect(seg).toBe(seg.trim());
    }
  }
}

function withMeta(input: Alignment, originalLanguage: string | null): Alignment {
  return { ...input, source: { ...input.source, meta: { ...input.source.meta, originalLanguage } } };
}

describe('writeTmx on the CTOC/COP/2018/1 fixture', () => {
  const written = write(alignment);
  const document = readXml(written.xml);

  it('writes the TMX 1.4b prolog and header', () => {
    expect(written.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')).toBe(
      true,
    );
    expect(document.doctype?.trim()).toBe('tmx SYSTEM "tmx14.dtd"');
    expect(document.root.name).toBe('tmx');
    expect(document.root.attributes).toEqual({ version: '1.4' });
    expect(only(document.root, 'header').attributes).toEqual({
      creationtool: 'paralign',
      creationtoolversion: '0.1.0',
      segtype: 'sentence',
      'o-tmf': 'paralign',
      adminlang: 'en',
      srclang: 'en',
      datatype: 'plaintext',
      creationdate: '20180718T090503Z',
    });
  });

  it('writes one tu per two-sided sentence bead and counts the one-sided ones', () => {
    expect(tus(written.xml)).toHaveLength(expectedSentenceUnits.length);
    expect(written.summary).toEqual({
      units: 8,
      oneSided: 2,
      lowConfidence: 0,
      emptyText: 0,
      symbolOnly: 0,
      otherStatus: 0,
    });
    expect(summarizeTmx(alignment, {})).toEqual(written.summary);
  });

  it('reads back every text exactly, escaped characters, NBSP, emoji and replacements included', () => {
    const read = tus(written.xml).map((tu) => tuvs(tu));
    expect(read).toEqual(
      expectedSentenceUnits.map((unit) => [
        { lang: 'en', seg: unit.en },
        { lang: 'fr', seg: unit.fr },
      ]),
    );
  });

  it('puts the props before the tuvs, with symbol, label (when labelled) and confidence', () => {
    for (const [i, tu] of tus(written.xml).entries()) {
      const names = elements(tu).map((child) => child.name);
      expect(names.lastIndexOf('prop')).toBeLessThan(names.indexOf('tuv'));
      const unit = expectedSentenceUnits[i];
      expect(props(tu)).toEqual({
        [TmxPropType.symbol]: 'CTOC/COP/2018/1',
        ...(unit?.label === null ? {} : { [TmxPropType.label]: unit?.label }),
        [TmxPropType.confidence]: unit?.confidence,
      });
    }
  });

  it('replaces the forbidden characters instead of dropping them', () => {
    expect(written.xml).toContain('informations avant le 1er juin');
    expect(written.xml).toContain('information by 1 June');
    expect(written.xml).toContain('en\uFFFDligne');
    expect(written.xml).toContain('online\uFFFDquestionnaire');
    // Nothing XML 1.0 §2.2 forbids is left anywhere in the file.
    expect(written.xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  });

  it('leaves no empty seg and no white space at a seg edge', () => {
    expectCleanSegs(written.xml);
  });

  it('streams one chunk for the prolog, one per tu, one to close', () => {
    expect(written.chunks).toHaveLength(1 + expectedSentenceUnits.length + 1);
    expect(written.chunks[0]?.endsWith('<body>\n')).toBe(true);
    expect(written.chunks.slice(1, -1).every((chunk) => /^\s*<tu>[^]*<\/tu>\n$/.test(chunk))).toBe(true);
    expect(written.chunks.at(-1)).toBe('  </body>\n</tmx>\n');
  });

  it('writes no tuid unless asked, and prefix + bead position when asked', () => {
    expect(tus(written.xml).every((tu) => tu.attributes.tuid === undefined)).toBe(true);
    const withIds = tus(write(alignment, { tuidPrefix: 'CTOC/COP/2018/1#' }).xml).map((tu) => tu.attributes.tuid);
    expect(withIds).toEqual(expectedSentenceUnits.map((unit) => `CTOC/COP/2018/1#${unit.bead}`));
  });
});

describe('srclang and tuv order', () => {
  it.each([
    ['the original language by default', undefined, 'en', 'en'],
    ['the requested language', 'fr', 'en', 'fr'],
    ['the requested language, spelled as the document spells it', 'FR', 'en', 'fr'],
    ['the source language when the original is unknown', undefined, null, 'fr'],
    ['the source language when the original is a third language', undefined, 'es', 'fr'],
  ])('uses %s', (_rule, srcLang, originalLanguage, expected) => {
    const input = withMeta(alignment, originalLanguage);
    expect(resolveTmxSrcLang(input, srcLang)).toBe(expected);
    const xml = write(input, srcLang === undefined ? {} : { srcLang }).xml;
    expect(only(readXml(xml).root, 'header').attributes.srclang).toBe(expected);
    // translate-toolkit takes the first tuv as the source: it must be the srclang one in every tu.
    const firstLanguages = new Set(tus(xml).map((tu) => tuvs(tu)[0]?.lang));
    expect([...firstLanguages]).toEqual([expected]);
    expect(tus(xml).every((tu) => tuvs(tu).length === 2)).toBe(true);
  });

  it('refuses a srcLang that is neither aligned language', () => {
    expect(() => write(alignment, { srcLang: 'de' })).toThrow(ExportError);
    expect(() => resolveTmxSrcLang(alignment, 'de')).toThrow(
      expect.objectContaining({ code: ExportErrorCode.badOption }),
    );
  });
});

describe('unit selection', () => {
  it('leaves out beads below minConfidence and counts them', () => {
    const { xml, summary } = write(alignment, { minConfidence: 0.8 });
    const confidences = tus(xml).map((tu) => Number(props(tu)[TmxPropType.confidence]));
    expect(confidences).toEqual([0.88, 0.97, 0.81, 0.93, 0.9, 0.95]);
    expect(summary).toEqual({ units: 6, oneSided: 2, lowConfidence: 2, emptyText: 0, symbolOnly: 0, otherStatus: 0 });
  });

  it('writes one tu per two-sided block bead in paragraph mode, texts being the blocks', () => {
    const { xml, summary } = write(alignment, { units: 'paragraph', srcLang: 'fr' });
    expect(only(readXml(xml).root, 'header').attributes.segtype).toBe('paragraph');
    const pairs = tus(xml).map((tu) => tuvs(tu).map((tuv) => tuv.seg));
    expect(pairs).toHaveLength(7);
    expect(pairs[3]).toEqual([
      "Dans sa résolution 8/1, la Conférence des Parties a prié le Secrétariat d'élaborer un rapport. Le présent " +
        'document répond à cette demande\u00A0: il porte sur la «\u00A0traite & trafic\u00A0» de migrants.',
      'In its resolution 8/1, the Conference of the Parties requested a report, to which the present document ' +
        'responds by covering the "trafficking & smuggling" of migrants.',
    ]);
    expect(pairs[5]).toEqual([
      'les Parties ont répondu 🙂 au questionnaire en\uFFFDligne ;',
      'Parties responded 🙂 to the online\uFFFDquestionnaire;',
    ]);
    expect(tus(xml).map((tu) => props(tu)[TmxPropType.label] ?? null)).toEqual([
      null,
      null,
      'I',
      '1',
      '2',
      '2/a',
      'fn:1',
    ]);
    expect(tus(xml).map((tu) => props(tu)[TmxPropType.confidence])).toEqual([
      '0.60',
      '0.90',
      '0.99',
      '0.98',
      '0.97',
      '0.76',
      '0.96',
    ]);
    expect(summary).toEqual({ units: 7, oneSided: 1, lowConfidence: 0, emptyText: 0, symbolOnly: 0, otherStatus: 0 });
    expectCleanSegs(xml);
  });

  it('never writes an empty seg: a side that is only white space drops the unit and is counted', () => {
    const blank = {
      ...french,
      sentences: french.sentences.map((s) => (s.index === 3 ? { ...s, text: ' \u00A0\u000B ' } : s)),
    };
    const { xml, summary } = write({ ...alignment, source: blank });
    expect(summary).toEqual({ units: 7, oneSided: 2, lowConfidence: 0, emptyText: 1, symbolOnly: 0, otherStatus: 0 });
    expect(xml).not.toContain('<seg>Introduction</seg>');
    expectCleanSegs(xml);
  });

  it('leaves the symbol prop out when neither document states one', () => {
    const noSymbol = (doc: Alignment['source']) => ({ ...doc, meta: { ...doc.meta, symbol: null } });
    const xml = write({ ...alignment, source: noSymbol(alignment.source), target: noSymbol(alignment.target) }).xml;
    expect(tus(xml).some((tu) => TmxPropType.symbol in props(tu))).toBe(false);
    expect(tus(xml)).toHaveLength(8);
  });

  it('throws ExportError when a bead names a sentence the document lacks', () => {
    const broken = { ...alignment, sentences: [{ source: [99], target: [0], confidence: 1 }] };
    expect(() => write(broken)).toThrow(expect.objectContaining({ code: ExportErrorCode.beadOutOfRange }));
  });
});

describe('formatTmxDate', () => {
  it.each([
    [new Date(Date.UTC(2018, 6, 18, 9, 5, 3, 999)), '20180718T090503Z'],
    [new Date('2024-02-29T23:59:59+02:00'), '20240229T215959Z'],
    [new Date(Date.UTC(2000, 0, 1)), '20000101T000000Z'],
  ])('formats %s as %s', (date, expected) => {
    expect(formatTmxDate(date)).toBe(expected);
    expect(formatTmxDate(date)).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('refuses an invalid Date', () => {
    expect(() => formatTmxDate(new Date('not a date'))).toThrow(ExportError);
  });
});

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dtd = path.resolve(repoRoot, '../shared/formats/tmx14.dtd');
const haveDtd = haveSharedData('validity against tmx14.dtd', [dtd]);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const workDir = mkdtempSync(path.join(tmpdir(), 'paralign-tmx-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Validates with the stored DTD, and through the file's own DOCTYPE, whose system id resolves beside the file. */
function xmllintDtd(xml: string, name: string): { status: number | null; stderr: string } {
  const file = path.join(workDir, name);
  writeFileSync(file, xml, 'utf8');
  copyFileSync(dtd, path.join(workDir, 'tmx14.dtd'));
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--valid', '--dtdvalid', dtd, file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe.skipIf(!hasXmllint || !haveDtd)('validity against tmx14.dtd (xmllint)', () => {
  it.each([
    ['sentence units, srclang from the original', {}],
    ['sentence units, French first, with tuids', { srcLang: 'fr', tuidPrefix: 'u' }],
    ['paragraph units', { units: 'paragraph' as const }],
  ])('%s', (_case, options) => {
    // libxml2 reports some violations only as warnings with exit 0, hence the empty stderr (tmx-check README).
    expect(xmllintDtd(write(alignment, options).xml, 'valid.tmx')).toEqual({ status: 0, stderr: '' });
  });

  it('rejects a tu whose prop follows a tuv, so the check above can fail', () => {
    const xml = write(alignment).xml.replace(
      /(<prop type="x-paralign-confidence">[^<]*<\/prop>\n)(\s*<tuv[^\n]*\n)/,
      '$2$1',
    );
    expect(xml).not.toBe(write(alignment).xml);
    expect(xmllintDtd(xml, 'invalid.tmx').status).not.toBe(0);
  });
});
