import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLinks } from '../../src/core/export/links.js';
import { haveSharedData } from '../../harness/shared-data.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'paralign.mjs');
const raw = resolve(repo, '..', 'shared', 'eval', 'raw');
const udhr = join(raw, 'udhr-unicode');
const dtd = resolve(repo, '..', 'shared', 'formats', 'tmx14.dtd');
const work = mkdtempSync(join(tmpdir(), 'paralign-cli-nway-'));
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function paralign(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, lines: string[]): string {
  const path = join(work, name);
  writeFileSync(path, `${lines.join('\n\n')}\n`);
  return path;
}

// A short numbered document in three languages; too short for language detection, so the languages are given.
const en = file('note.en.txt', [
  '1. The Committee met twice in 2019.',
  '2. It adopted its report. The report has three annexes.',
  '3. The next session will be held in Vienna.',
]);
const fr = file('note.fr.txt', [
  '1. Le Comité s’est réuni deux fois en 2019.',
  '2. Il a adopté son rapport. Le rapport comporte trois annexes.',
  '3. La prochaine session se tiendra à Vienne.',
]);
const es = file('note.es.txt', [
  '1. El Comité se reunió dos veces en 2019.',
  '2. Aprobó su informe, que tiene tres anexos.',
  '3. El próximo período de sesiones se celebrará en Viena.',
]);

interface TmxUnit {
  label: string | null;
  tuvs: [string, string][];
}

function readTmx(xml: string): TmxUnit[] {
  return [...xml.matchAll(/<tu>([\s\S]*?)<\/tu>/g)].map(([, body = '']) => ({
    label: /type="x-paralign-label">([^<]*)</.exec(body)?.[1] ?? null,
    tuvs: [...body.matchAll(/<tuv xml:lang="([^"]+)"><seg>([^<]*)<\/seg>/g)].map(
      ([, language = '', text = '']): [string, string] => [language, text],
    ),
  }));
}

describe('paralign qa with three versions', () => {
  it('prints the parity matrix and exits 0 when every version has every label', () => {
    const result = paralign('qa', fr, en, es, '--langs', 'fr,en,es');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Parity of French, English (pivot), Spanish');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Parity: yes');
  });

  it('names what a version lacks and exits 1', () => {
    const short = file('note-short.es.txt', [
      '1. El Comité se reunió dos veces en 2019.',
      '2. Aprobó su informe, que tiene tres anexos.',
    ]);
    const text = paralign('qa', fr, en, short, '--langs', 'fr,en,es');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('  paragraph 3 is missing in Spanish only\n');
    const json = paralign('qa', fr, en, short, '--langs', 'fr,en,es', '-f', 'json');
    const matrix = JSON.parse(json.stdout) as { gaps: { path: string; missingFrom: string[] }[]; parity: boolean };
    expect(matrix.gaps).toMatchObject([{ path: '3', missingFrom: ['es'] }]);
    expect(matrix.parity).toBe(false);
  });
});

describe('paralign align with three versions', () => {
  it('writes one <tu> a unit with one <tuv> a language, the pivot first', () => {
    const result = paralign('align', fr, en, es, '--langs', 'fr,en,es');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const units = readTmx(result.stdout);
    expect(result.stdout).toContain('srclang="en"');
    // Paragraph 2 is two sentences in English and French, one in Spanish: one unit holds all of it.
    expect(units.map((unit) => unit.tuvs.map(([language]) => language).join(','))).toEqual([
      'en,fr,es',
      'en,fr,es',
      'en,fr,es',
    ]);
    expect(units[1]?.tuvs[0]?.[1]).toBe('It adopted its report. The report has three annexes.');
    expect(units[1]?.tuvs[2]?.[1]).toBe('Aprobó su informe, que tiene tres anexos.');
    expect(units.map((unit) => unit.label)).toEqual(['1', '2', '3']);
  });

  it('exports one pair of the three with --pair, in every pair format', () => {
    const tsv = paralign('align', fr, en, es, '--langs', 'fr,en,es', '--pair', 'es,fr', '-f', 'tsv');
    expect(tsv.status).toBe(0);
    const rows = tsv.stdout.trim().split('\n').slice(1);
    expect(rows[1]?.split('\t').slice(0, 2)).toEqual([
      'Aprobó su informe, que tiene tres anexos.',
      'Il a adopté son rapport. Le rapport comporte trois annexes.',
    ]);
    const links = paralign('align', fr, en, es, '--langs', 'fr,en,es', '--pair', 'es,fr', '-f', 'links');
    expect(parseLinks(links.stdout).map((bead) => [bead.source, bead.target])).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2], [3]],
    ]);
  });

  it('writes one TSV column a language and a JSON of the units', () => {
    const tsv = paralign('align', fr, en, es, '--langs', 'fr,en,es', '-f', 'tsv');
    expect(tsv.stdout.split('\n')[0]).toBe('en\tfr\tes\tconfidence\tlabel');
    const json = JSON.parse(paralign('align', fr, en, es, '--langs', 'fr,en,es', '-f', 'json').stdout) as {
      pivot: string;
      languages: string[];
      units: { segments: Record<string, number[]> }[];
    };
    expect(json.pivot).toBe('en');
    expect(json.languages).toEqual(['fr', 'en', 'es']);
    expect(json.units.map((unit) => unit.segments)).toEqual([
      { en: [0], fr: [0], es: [0] },
      { en: [1, 2], fr: [1, 2], es: [1] },
      { en: [3], fr: [3], es: [2] },
    ]);
  });

  it('takes the pivot from the header’s original language', () => {
    const header = (original: string, path: string): string => {
      const out = join(work, `original-${original}-${path.split('/').pop() ?? ''}`);
      writeFileSync(out, `Original: ${original}\n\n${readFileSync(path, 'utf8')}`);
      return out;
    };
    const result = paralign(
      'align',
      header('French', en),
      header('French', fr),
      header('French', es),
      '--langs',
      'en,fr,es',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('srclang="fr"');
    expect(readTmx(result.stdout)[1]?.tuvs[0]?.[0]).toBe('fr');
  });

  it.each([
    [['-f', 'links'], /the links format pairs two documents: add --pair/],
    [['--langs', 'fr,en'], /--langs must name 3 languages, one a file/],
    [['--langs', 'fr,en,de'], /--langs must be one of ar, en, es, fr, ru, zh .*not "de"/],
    [['--langs', 'fr,en,fr'], /note\.es\.txt: note\.fr\.txt is in French too; give one version per language/],
    [['--langs', 'fr,en,es', '--pair', 'fr,zh'], /--pair: no version is in zh \(the versions are in fr, en, es\)/],
    [['--langs', 'fr,en,es', '--source-lang', 'fr'], /--source-lang and --target-lang name two files; give --langs/],
    [['--presegmented', '-f', 'links'], /--presegmented aligns two files/],
  ])('refuses %j with one line and exit code 2', (options, message) => {
    const result = paralign('align', fr, en, es, ...options);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a file without a declared language that is too short to tell', () => {
    const result = paralign('align', fr, en, es);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/note\.fr\.txt: too little text \(under 200 letters\) to tell its language/);
  });

  it('refuses seven files', () => {
    const result = paralign('align', fr, en, es, fr, en, es, fr);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/give 2 to 6 files/);
  });
});

const SIX = [
  ['ar', 'udhr_arb'],
  ['en', 'udhr_eng'],
  ['es', 'udhr_spa'],
  ['fr', 'udhr_fra'],
  ['ru', 'udhr_rus'],
  ['zh', 'udhr_cmn_hans'],
] as const;

describe.skipIf(!haveSharedData('the six-language UDHR CLI test', [udhr, dtd]))('the UDHR in six languages', () => {
  const paths = SIX.map(([, name]) => join(udhr, `${name}.txt`));

  it('detects the six languages and aligns every article n-way into a valid TMX', () => {
    const out = join(work, 'udhr.tmx');
    const result = paralign('align', ...paths, '-o', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const xml = readFileSync(out, 'utf8');
    const articles = readTmx(xml).filter((unit) => unit.label?.startsWith('art:') === true && unit.tuvs.length > 0);
    const headings = articles.filter((unit) => /^Article \d+$/.test(unit.tuvs[0]?.[1] ?? ''));
    expect(headings).toHaveLength(30);
    for (const unit of headings)
      expect(unit.tuvs.map(([language]) => language)).toEqual(['en', 'ar', 'es', 'fr', 'ru', 'zh']);
    if (hasXmllint) {
      copyFileSync(dtd, join(work, 'tmx14.dtd'));
      const check = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', dtd, out], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    }
  });

  it('gives with --pair fr,en exactly what the two files give', () => {
    const [, english, , french] = paths as [string, string, string, string, string, string];
    const pair = paralign('align', ...paths, '--pair', 'fr,en', '-f', 'json');
    const two = paralign('align', french, english, '-f', 'json');
    expect(pair.status).toBe(0);
    expect(pair.stdout).toBe(two.stdout);
  });

  it('refuses two versions in one language', () => {
    const copy = join(work, 'udhr_fra_copy.txt');
    copyFileSync(join(udhr, 'udhr_fra.txt'), copy);
    const result = paralign('align', join(udhr, 'udhr_fra.txt'), copy, join(udhr, 'udhr_eng.txt'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/udhr_fra_copy\.txt: udhr_fra\.txt is in French too/);
  });
});
