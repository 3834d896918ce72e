import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLinks } from '../../src/core/export/links.js';
import { loadCorpusCases } from '../../harness/corpora.js';
import { haveSharedData } from '../../harness/shared-data.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'paralign.mjs');
const dtd = resolve(repo, '..', 'shared', 'formats', 'tmx14.dtd');
const haveDtd = haveSharedData('the CLI TMX validity test', [dtd]);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'paralign-cli-'));

function paralign(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const fr = join(repo, 'corpora', 'un-note-ctoc-cop-2018', 'fr.md');
const en = join(repo, 'corpora', 'un-note-ctoc-cop-2018', 'en.md');

const corpusCases = (await loadCorpusCases()).map((c) => [c.name, c] as const);

describe('paralign align', () => {
  it.each(corpusCases)('%s: writes a TMX', (name, corpus) => {
    const out = join(work, `${name}.tmx`);
    const result = paralign(
      'align',
      join(corpus.dir, corpus.gold.source),
      join(corpus.dir, corpus.gold.target),
      '-o',
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const tmx = readFileSync(out, 'utf8');
    expect(tmx).toContain('<tmx version="1.4">');
    expect((tmx.match(/<tu>/g) ?? []).length).toBeGreaterThan(5);
  });

  it.skipIf(!hasXmllint || !haveDtd).each(corpusCases)('%s: the TMX passes xmllint --dtdvalid', (name, corpus) => {
    const out = join(work, `${name}.checked.tmx`);
    expect(
      paralign('align', join(corpus.dir, corpus.gold.source), join(corpus.dir, corpus.gold.target), '-o', out).status,
    ).toBe(0);
    // The TMX names its DTD by a relative system id: put the DTD beside it so xmllint finds it offline.
    copyFileSync(dtd, join(work, 'tmx14.dtd'));
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', dtd, out], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes links covering every sentence once, in order', () => {
    const result = paralign('align', fr, en, '--format', 'links');
    expect(result.status).toBe(0);
    const beads = parseLinks(result.stdout);
    const source = beads.flatMap((b) => b.source);
    expect(source).toEqual([...source.keys()]);
  });

  it('aligns presegmented input, blank lines marking paragraphs, into one bead a line', () => {
    const src = file(
      'src.txt',
      'Le Comité a adopté son ordre du jour.\nIl a élu son bureau.\n\nLa séance est levée à 18 heures.\n',
    );
    const tgt = file(
      'tgt.txt',
      'The Committee adopted its agenda.\nIt elected its officers.\n\nThe meeting rose at 6 p.m.\n',
    );
    const result = paralign('align', '--presegmented', src, tgt, '--format', 'links');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\[0\]:\[0\]:[01]\.\d\d\n\[1\]:\[1\]:[01]\.\d\d\n\[2\]:\[2\]:[01]\.\d\d\n$/);
  });

  it('prints each presegmented bead with its confidence, and eval reads links with or without it', () => {
    const src = file('conf-src.txt', 'Le Comité a adopté son ordre du jour.\nIl a élu son bureau.\n');
    const tgt = file('conf-tgt.txt', 'The Committee adopted its agenda.\nIt elected its officers.\n');
    const test = paralign('align', '--presegmented', src, tgt, '--format', 'links', '-o', join(work, 'conf.links'));
    expect(test.status).toBe(0);
    const confidences = readFileSync(join(work, 'conf.links'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(line.split(':')[2]));
    expect(confidences).toHaveLength(2);
    for (const confidence of confidences) expect(confidence).toBeGreaterThan(0.5);
    const gold = file('conf-gold.links', '[0]:[0]\n[1]:[1]\n');
    const scored = paralign('eval', gold, join(work, 'conf.links'), '--json');
    expect(scored.status).toBe(0);
    expect((JSON.parse(scored.stdout) as { strict: { f1: number } }).strict.f1).toBe(1);
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: the file is empty/],
    [
      'a binary file',
      () => file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])),
      /photo\.txt: .*binary/,
    ],
    ['a missing file', () => join(work, 'missing.md'), /missing\.md: cannot be read/],
    ['a file of blanks', () => file('blank.txt', '  \n\n \n'), /blank\.txt: the file holds only white space/],
  ])('refuses %s with one line and exit code 2', (_what, make, message) => {
    const result = paralign('align', make(), en, '-o', join(work, 'never.tmx'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(join(work, 'never.tmx'))).toBe(false);
  });

  it('aligns a document holding a single 4,000,000-character token without overflowing the stack', () => {
    const french = readFileSync(fr, 'utf8');
    // Enough French before the token for the language check, which reads the first 20,000 characters.
    const paragraph = /^1\. (.*)$/m.exec(french)?.[1] ?? '';
    const padding = Array.from({ length: 30 }, () => paragraph).join('\n\n');
    const source = file('huge-token.fr.md', `${french}\n\n${padding}\n\n${'x'.repeat(4_000_000)}\n`);
    const out = join(work, 'huge-token.tmx');
    const result = paralign('align', source, en, '-o', out);
    expect(result.stderr).not.toMatch(/Maximum call stack|RangeError|\bat .*\.ts:\d+/);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<tu>');
  }, 120_000);

  it('refuses the same file twice', () => {
    const result = paralign('align', fr, fr);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/same file/);
  });

  it('refuses a bad option value', () => {
    const result = paralign('align', fr, en, '--min-confidence', '7');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--min-confidence/);
  });

  it('refuses a dictionary without entries in one line, and uses one that has them', () => {
    const empty = paralign('align', fr, en, '--dictionary', file('empty-dictionary.txt', '# comments only\n\n'));
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/empty-dictionary\.txt: the dictionary has no entry/),
    ]);
    const used = paralign(
      'align',
      fr,
      en,
      '--format',
      'links',
      '--dictionary',
      file('dictionary.txt', 'traite\ttrafficking\n'),
    );
    expect(used.status).toBe(0);
    expect(parseLinks(used.stdout).length).toBeGreaterThan(5);
  });
});

describe('paralign qa', () => {
  it('exits 0 when parity holds and prints the labels in printed order', () => {
    const result = paralign('qa', fr, en, '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { parity: boolean; labels: { source: { label: string }[] } };
    expect(report.parity).toBe(true);
  });

  it('exits 1 when a paragraph is missing', () => {
    const dir = join(repo, 'corpora', 'missing-split-merge');
    const result = paralign('qa', join(dir, 'fr.md'), join(dir, 'en.md'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Parity: no/);
  });
});

describe('paralign eval', () => {
  it('prints strict, lax and link scores', () => {
    const gold = file('gold.links', '[0]:[0]\n[1]:[1, 2]\n[2]:[]\n');
    const test = file('test.links', '[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n');
    const result = paralign('eval', gold, test, '--json');
    expect(result.status).toBe(0);
    const scores = JSON.parse(result.stdout) as { strict: { precision: number; recall: number } };
    expect(scores.strict.precision).toBeCloseTo(2 / 4);
    expect(scores.strict.recall).toBeCloseTo(1 / 2);
  });
});
