/**
 * `paralign align --batch DIR|MANIFEST`: many document pairs in one process, so a folder of documents pays the
 * command line's start-up once. Pairs come from file names in a folder (`report.fr.docx` with `report.en.docx`) or from
 * a manifest (one `SOURCE<TAB>TARGET` line a pair); each gets its own TMX, or all go into one (`--one-tmx FILE`).
 */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type cliProgressModule from 'cli-progress';
import type { Command } from 'commander';
import { ErrorCode, InputError, ParalignError } from '../../core/errors.js';
import type { LanguageCode } from '../../core/model.js';
import { formatTmxProlog, TMX_EPILOG } from '../../core/export/tmx-parts.js';
import { PARALIGN_VERSION } from '../../version.js';
import type { BatchJob, BatchResult } from '../batch-pair.js';
import { defaultThreads, runBatchJobs } from '../batch-pool.js';
import { readTextFile } from '../load-document.js';
import { writeChunks } from '../write-output.js';

/** One pair of the batch: its two files and the name its TMX takes. */
export interface BatchPair {
  /** What the pair is called in messages and in its output file name (`NAME.tmx`). */
  name: string;
  source: string;
  target: string;
}

/** The options of `align` that batch mode reads. */
export interface BatchOptions {
  batch: string;
  oneTmx?: string;
  output?: string;
  format: string;
  sourceLang: string;
  targetLang: string;
  tmxSrcLang?: string;
  units: string;
  /** Pairs aligned at once, each in a thread of its own (default: batch-pool.ts's defaultThreads). */
  jobs?: string;
}

/** What became of a batch: how many pairs were aligned and one line per pair refused. */
export interface BatchOutcome {
  aligned: number;
  refused: string[];
}

/** Adds batch mode's options to the `align` command. */
export function addBatchOptions(command: Command): void {
  command
    .option('--batch <dir|manifest>', 'align every pair in a folder (NAME.fr.EXT with NAME.en.EXT) or a manifest file')
    .option('--one-tmx <file>', 'with --batch: write every pair into this one TMX instead of one TMX per pair')
    .option(
      '--jobs <n>',
      'with --batch: pairs aligned at once, each in a thread (default: one a core from 8 MB of input)',
    )
    // With --batch the two files come from the folder or the manifest.
    .on('option:batch', () => {
      for (const argument of command.registeredArguments) argument.required = false;
    });
}

/** The pairs in a folder, by file name: `NAME.SOURCE.EXT` with `NAME.TARGET.EXT`, in order of NAME. */
export function findPairsInFolder(dir: string, languages: { source: string; target: string }): BatchPair[] {
  const bySide = { source: new Map<string, string>(), target: new Map<string, string>() };
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)\.([a-z]{2})\.[^.]+$/i.exec(file);
    if (!match || !statSync(join(dir, file)).isFile()) continue;
    const [, name, language] = match as unknown as [string, string, string];
    const code = language.toLowerCase();
    const side = code === languages.source ? 'source' : code === languages.target ? 'target' : null;
    if (side === null) continue;
    if (bySide[side].has(name))
      throw new InputError(`${dir}: two ${languages[side]} files are called ${name}`, ErrorCode.badInput);
    bySide[side].set(name, join(dir, file));
  }
  const names = [...new Set([...bySide.source.keys(), ...bySide.target.keys()])].sort();
  return names.map((name) => ({
    name,
    source: bySide.source.get(name) ?? '',
    target: bySide.target.get(name) ?? '',
  }));
}

/** The pairs a manifest lists: one `SOURCE<TAB>TARGET` line a pair (paths relative to the manifest), `#` comments. */
export function parseManifest(text: string, manifestPath: string): BatchPair[] {
  const base = dirname(manifestPath);
  const pairs: BatchPair[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.includes('\t') ? trimmed.split('\t').map((f) => f.trim()) : trimmed.split(/\s+/);
    if (fields.length !== 2 || fields.some((field) => field === ''))
      throw new InputError(
        `${basename(manifestPath)}, line ${index + 1}: give two files, source then target, separated by a tab`,
        ErrorCode.badInput,
      );
    const [source, target] = fields as [string, string];
    pairs.push({ name: pairName(source), source: resolve(base, source), target: resolve(base, target) });
  });
  if (pairs.length === 0) throw new InputError(`${basename(manifestPath)}: lists no pair`, ErrorCode.badInput);
  return pairs;
}

// "reports/a-2024.fr.docx" → "a-2024": the output is named after the document, not its language or format.
function pairName(path: string): string {
  return basename(path).replace(/(\.[a-z]{2})?\.[^.]+$/i, '');
}

function listPairs(options: BatchOptions): BatchPair[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(options.batch).isDirectory();
  } catch {
    throw new InputError(`${options.batch}: no such folder or manifest`, ErrorCode.unreadable);
  }
  if (!isFolder) return parseManifest(readTextFile(options.batch), options.batch);
  const pairs = findPairsInFolder(options.batch, { source: options.sourceLang, target: options.targetLang });
  if (pairs.length === 0)
    throw new InputError(
      `${options.batch}: no NAME.${options.sourceLang}.EXT / NAME.${options.targetLang}.EXT files`,
      ErrorCode.badInput,
    );
  return pairs;
}

interface BatchProgress {
  advance(pair: string): void;
  stop(): void;
}

// A bar over the pairs when stderr is a terminal (cli-progress, required only then).
function createBatchProgress(total: number): BatchProgress {
  if (!process.stderr.isTTY) return { advance: () => undefined, stop: () => undefined };
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'paralign [{bar}] {value}/{total} {pair}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { pair: '' });
  return { advance: (pair) => bar.increment(1, { pair }), stop: () => bar.stop() };
}

/** The size of the batch's files in all (a file that cannot be read counts nothing: its pair will say why). */
function inputBytes(pairs: readonly BatchPair[]): number {
  let total = 0;
  for (const pair of pairs)
    for (const path of [pair.source, pair.target]) {
      try {
        if (path !== '') total += statSync(path).size;
      } catch {
        // Refused with its reason when its pair runs.
      }
    }
  return total;
}

/** `--jobs`, checked: how many pairs at once, or undefined for the default. */
function parseJobsOption(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const count = Number(jobs);
  if (!(Number.isInteger(count) && count >= 1 && count <= 64))
    throw new InputError(`--jobs must be a whole number from 1 to 64, not "${jobs}"`, ErrorCode.badOption);
  return count;
}

/** Each pair's job: what a thread needs to align it and write its TMX, as plain data. */
function jobsOf(
  pairs: readonly BatchPair[],
  options: BatchOptions,
  memory: { units: BatchJob['units']; creationDate: Date; sharedSrcLang: LanguageCode },
): BatchJob[] {
  const shared = options.oneTmx !== undefined;
  const srcLang = shared ? memory.sharedSrcLang : (options.tmxSrcLang as LanguageCode | undefined);
  return pairs.map((pair, index) => ({
    index,
    ...pair,
    languages: { source: options.sourceLang as LanguageCode, target: options.targetLang as LanguageCode },
    units: memory.units,
    creationDate: memory.creationDate.toISOString(),
    creationToolVersion: PARALIGN_VERSION,
    ...(srcLang ? { srcLang } : {}),
    into: shared ? 'shared' : 'own',
  }));
}

/** Aligns every pair of the batch; a refused pair gets one line on stderr and the others go on. */
export async function runAlignBatch(options: BatchOptions): Promise<BatchOutcome> {
  if (options.format !== 'auto' && options.format !== 'tmx')
    throw new InputError('--batch writes TMX only: leave out --format or give --format tmx', ErrorCode.badOption);
  if (options.units !== 'sentence' && options.units !== 'paragraph')
    throw new InputError(`--units must be sentence or paragraph, not "${options.units}"`, ErrorCode.badOption);
  const jobsOption = parseJobsOption(options.jobs);
  const pairs = listPairs(options);
  const outputDir = options.output ?? (statSync(options.batch).isDirectory() ? options.batch : dirname(options.batch));
  const units = options.units === 'paragraph' ? 'paragraph' : 'sentence';
  const creationDate = new Date();
  // One memory has one srclang: the one asked for, else the source language of every pair.
  const sharedSrcLang = (options.tmxSrcLang ?? options.sourceLang) as LanguageCode;
  const jobs = jobsOf(pairs, options, { units, creationDate, sharedSrcLang });
  // Results come in the order the pairs finish; the memory and the messages keep the pairs' order.
  const sharedUnits: string[][] = [];
  const refused = new Map<number, string>();
  let aligned = 0;
  const progress = createBatchProgress(pairs.length);
  const threads = jobsOption ?? defaultThreads(jobs.length, inputBytes(pairs));
  // A pair is refused when it could not be aligned, or (its own TMX) not written.
  const keep = (result: BatchResult): string | null => {
    if (result.refused) return result.message;
    if (options.oneTmx !== undefined) sharedUnits[result.index] = result.chunks;
    else {
      try {
        writeChunks(result.chunks, join(outputDir, `${result.name}.tmx`));
      } catch (error) {
        if (!(error instanceof ParalignError)) throw error;
        return error.message;
      }
    }
    return null;
  };
  await runBatchJobs(jobs, threads, (result) => {
    const reason = keep(result);
    if (reason === null) aligned += 1;
    else refused.set(result.index, `${result.name}: ${reason}`);
    progress.advance(result.name);
  });
  progress.stop();
  if (options.oneTmx !== undefined && aligned > 0) {
    const prolog = formatTmxProlog({
      segtype: units,
      srcLang: sharedSrcLang,
      creationDate,
      creationToolVersion: PARALIGN_VERSION,
    });
    writeChunks([prolog, ...sharedUnits.flatMap((chunks) => chunks ?? []), TMX_EPILOG], options.oneTmx);
  }
  return { aligned, refused: [...refused].sort(([a], [b]) => a - b).map(([, line]) => line) };
}

/** Runs the batch for the command line: one line per refused pair on stderr, exit code 2 when any was refused. */
export async function runBatchCommand(options: BatchOptions): Promise<void> {
  const outcome = await runAlignBatch(options);
  for (const line of outcome.refused) process.stderr.write(`paralign: ${line}\n`);
  const total = outcome.aligned + outcome.refused.length;
  process.stderr.write(`paralign: aligned ${outcome.aligned} of ${total} pairs\n`);
  if (outcome.refused.length > 0) process.exitCode = 2;
}
