import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'paralign.mjs');
const raw = resolve(repo, '..', 'shared', 'eval', 'raw');
const udhr = join(raw, 'udhr-unicode');
const textBerg = join(raw, 'bleualign-textberg-de-fr');
const work = mkdtempSync(join(tmpdir(), 'paralign-cli-languages-'));

function paralign(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VERSIONS = [
  ['ar', 'udhr_arb'],
  ['es', 'udhr_spa'],
  ['ru', 'udhr_rus'],
  ['zh', 'udhr_cmn_hans'],
] as const;

// The Universal Declaration in six languages, read in place (skipped when absent).
describe.skipIf(!existsSync(udhr))('paralign align in the six UN languages', () => {
  it.each(VERSIONS)('aligns the %s UDHR with the English, article by article, into a TMX', (code, name) => {
    const out = join(work, `${code}.tmx`);
    const json = join(work, `${code}.json`);
    const source = join(udhr, `${name}.txt`);
    const target = join(udhr, 'udhr_eng.txt');
    const result = paralign('align', source, target, '--source-lang', code, '--target-lang', 'en', '-o', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`<tuv xml:lang="${code}">`);
    expect(paralign('align', source, target, '--source-lang', code, '--format', 'json', '-o', json).status).toBe(0);
    const alignment = JSON.parse(readFileSync(json, 'utf8')) as {
      blocks: { source: number[]; target: number[] }[];
      source: { blocks: { path: string | null }[] };
      target: { blocks: { path: string | null }[] };
    };
    // Every article heading is paired with the English one of the same number.
    const paired = alignment.blocks.filter((bead) => {
      const paths = bead.source.map((i) => alignment.source.blocks[i]?.path);
      const targets = bead.target.map((j) => alignment.target.blocks[j]?.path);
      return paths.length === 1 && paths[0]?.startsWith('art:') === true && targets[0] === paths[0];
    });
    expect(paired).toHaveLength(30);
  });

  it('refuses a declared language outside the six with one line and exit code 2', () => {
    const result = paralign('align', join(udhr, 'udhr_fra.txt'), join(udhr, 'udhr_eng.txt'), '--source-lang', 'de');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--source-lang must be one of ar, en, es, fr, ru, zh/);
  });

  it('refuses swapped sides in the new languages', () => {
    const result = paralign(
      'align',
      join(udhr, 'udhr_rus.txt'),
      join(udhr, 'udhr_spa.txt'),
      '--source-lang',
      'es',
      '--target-lang',
      'ru',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /udhr_rus\.txt is in Russian and udhr_spa\.txt in Spanish: the two files are swapped/,
    );
  });
});

describe.skipIf(!existsSync(textBerg))('a document in another language', () => {
  it('is refused with a one-line message naming its language', () => {
    const result = paralign('align', join(textBerg, 'dev.de'), join(textBerg, 'dev.fr'), '--source-lang', 'fr');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/dev\.de: the text is in German/);
  });

  it('still aligns as presegmented sentence files', () => {
    const result = paralign(
      'align',
      '--presegmented',
      '--format',
      'links',
      join(textBerg, 'dev.de'),
      join(textBerg, 'dev.fr'),
    );
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.includes(':')).length).toBeGreaterThan(100);
  });
});
