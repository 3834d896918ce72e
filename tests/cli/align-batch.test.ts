import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { findPairsInFolder, parseManifest } from '../../src/cli/commands/align-batch.js';
import { haveSharedData } from '../../harness/shared-data.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'paralign.mjs');
const dtd = resolve(repo, '..', 'shared', 'formats', 'tmx14.dtd');
const haveDtd = haveSharedData('the batch TMX validity test', [dtd]);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'paralign-batch-'));

function paralign(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const units = (tmx: string): string[] => tmx.match(/<tu>[\s\S]*?<\/tu>/g) ?? [];
// Two runs of the same alignment differ only in when the memory was made.
const withoutDate = (tmx: string): string => tmx.replace(/creationdate="[^"]*"/, '');

/** A folder holding two corpora/ pairs named by the batch convention, and a French file without its English. */
function makeBatchFolder(): string {
  const dir = join(work, `folder-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  for (const name of ['un-note-ctoc-cop-2018', 'missing-split-merge']) {
    copyFileSync(join(repo, 'corpora', name, 'fr.md'), join(dir, `${name}.fr.md`));
    copyFileSync(join(repo, 'corpora', name, 'en.md'), join(dir, `${name}.en.md`));
  }
  writeFileSync(join(dir, 'orphan.fr.md'), '1. Un paragraphe sans traduction anglaise.\n');
  writeFileSync(join(dir, 'notes.txt'), 'not a pair\n');
  return dir;
}

describe('findPairsInFolder', () => {
  it('pairs NAME.fr.EXT with NAME.en.EXT by name, whatever the extension, and keeps a file without its partner', () => {
    const dir = join(work, 'names');
    mkdirSync(dir);
    for (const file of ['b.fr.docx', 'b.en.pdf', 'a.fr.md', 'a.en.md', 'c.fr.txt', 'readme.md', 'd.de.md'])
      writeFileSync(join(dir, file), 'x');
    expect(findPairsInFolder(dir, { source: 'fr', target: 'en' })).toEqual([
      { name: 'a', source: join(dir, 'a.fr.md'), target: join(dir, 'a.en.md') },
      { name: 'b', source: join(dir, 'b.fr.docx'), target: join(dir, 'b.en.pdf') },
      { name: 'c', source: join(dir, 'c.fr.txt'), target: '' },
    ]);
  });

  it('refuses two files of one language under one name', () => {
    const dir = join(work, 'twice');
    mkdirSync(dir);
    for (const file of ['a.fr.md', 'a.fr.docx', 'a.en.md']) writeFileSync(join(dir, file), 'x');
    expect(() => findPairsInFolder(dir, { source: 'fr', target: 'en' })).toThrow(InputError);
  });
});

describe('parseManifest', () => {
  it('reads one tab-separated pair a line, relative to the manifest, skipping blank lines and comments', () => {
    const manifest = join(work, 'lists', 'pairs.tsv');
    expect(parseManifest('# pairs\n\nin/a.fr.docx\tin/a.en.docx\n/abs/b-fr.md\t/abs/b-en.md\n', manifest)).toEqual([
      { name: 'a', source: join(work, 'lists', 'in', 'a.fr.docx'), target: join(work, 'lists', 'in', 'a.en.docx') },
      { name: 'b-fr', source: '/abs/b-fr.md', target: '/abs/b-en.md' },
    ]);
  });

  it.each([
    ['one file on a line', 'a.fr.md\n', /line 1: give two files/],
    ['three files on a line', 'a.fr.md\ta.en.md\tb.md\n', /line 1: give two files/],
    ['no pair at all', '# nothing\n', /lists no pair/],
  ])('refuses %s with one line', (_case, text, message) => {
    expect(() => parseManifest(text, join(work, 'm.tsv'))).toThrow(message);
  });
});

describe('paralign align --batch', () => {
  it('writes one TMX per pair, each as aligning that pair alone would, naming the pair it could not align', () => {
    const dir = makeBatchFolder();
    const result = paralign('align', '--batch', dir);
    expect(result.stderr).toContain('paralign: orphan: no en file for this pair');
    expect(result.stderr).toContain('aligned 2 of 3 pairs');
    expect(result.status).toBe(2);
    const alone = join(work, 'alone.tmx');
    expect(
      paralign('align', join(dir, 'missing-split-merge.fr.md'), join(dir, 'missing-split-merge.en.md'), '-o', alone)
        .status,
    ).toBe(0);
    expect(withoutDate(readFileSync(join(dir, 'missing-split-merge.tmx'), 'utf8'))).toBe(
      withoutDate(readFileSync(alone, 'utf8')),
    );
    expect(units(readFileSync(join(dir, 'un-note-ctoc-cop-2018.tmx'), 'utf8')).length).toBeGreaterThan(5);
  });

  it('writes every pair into one TMX with --one-tmx, and reads pairs from a manifest', () => {
    const dir = makeBatchFolder();
    const manifest = join(dir, 'pairs.tsv');
    writeFileSync(
      manifest,
      'un-note-ctoc-cop-2018.fr.md\tun-note-ctoc-cop-2018.en.md\n' +
        'missing-split-merge.fr.md\tmissing-split-merge.en.md\n',
    );
    const one = join(work, 'one.tmx');
    const result = paralign('align', '--batch', manifest, '--one-tmx', one);
    expect(result.stderr).toContain('aligned 2 of 2 pairs');
    expect(result.status).toBe(0);
    const merged = readFileSync(one, 'utf8');
    expect(merged.match(/<header /g)).toHaveLength(1);
    expect(merged.match(/<\/tmx>/g)).toHaveLength(1);
    const each = ['un-note-ctoc-cop-2018', 'missing-split-merge'].map((name) => {
      const out = join(work, `${name}.each.tmx`);
      paralign('align', join(dir, `${name}.fr.md`), join(dir, `${name}.en.md`), '-o', out, '--tmx-src-lang', 'fr');
      return units(readFileSync(out, 'utf8'));
    });
    expect(units(merged)).toEqual(each.flat());
  });

  it.skipIf(!hasXmllint || !haveDtd)('writes one TMX that passes xmllint --dtdvalid', () => {
    const dir = makeBatchFolder();
    const one = join(dir, 'all.tmx');
    expect(paralign('align', '--batch', dir, '--one-tmx', one).status).toBe(2);
    // The TMX names its DTD by a relative system id: put the DTD beside it so xmllint finds it offline.
    copyFileSync(dtd, join(dir, 'tmx14.dtd'));
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', dtd, one], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes the same memories and messages with two pairs at once (--jobs 2) as with one at a time', () => {
    const dir = makeBatchFolder();
    writeFileSync(join(dir, 'another-orphan.en.md'), '1. A paragraph without its French.\n');
    const outputs = ['1', '2'].map((jobs) => {
      const out = join(work, `jobs-${jobs}-${Math.random().toString(36).slice(2)}`);
      mkdirSync(out);
      const result = paralign('align', '--batch', dir, '-o', out, '--jobs', jobs);
      expect(result.status).toBe(2);
      const files = ['un-note-ctoc-cop-2018', 'missing-split-merge'].map((name) =>
        withoutDate(readFileSync(join(out, `${name}.tmx`), 'utf8')),
      );
      return { stderr: result.stderr, files };
    });
    expect(outputs[1]?.files).toEqual(outputs[0]?.files);
    // The refused pairs are named in the batch's order (another-orphan before orphan), however the threads finish.
    expect(outputs[1]?.stderr).toBe(outputs[0]?.stderr);
    expect(outputs[1]?.stderr).toMatch(/another-orphan: no fr file[\s\S]*orphan: no en file/);
  });

  it.each(['0', '65', 'two'])('refuses --jobs %s in one line with exit code 2', (jobs) => {
    const result = paralign('align', '--batch', makeBatchFolder(), '--jobs', jobs);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--jobs must be a whole number from 1 to 64');
    expect(result.status).toBe(2);
  });

  it('refuses a folder without pairs, and another format than TMX, in one line with exit code 2', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const none = paralign('align', '--batch', empty);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toContain('no NAME.fr.EXT / NAME.en.EXT files');
    expect(none.status).toBe(2);
    const json = paralign('align', '--batch', makeBatchFolder(), '--format', 'json');
    expect(json.stderr).toContain('--batch writes TMX only');
    expect(json.status).toBe(2);
  });
});
