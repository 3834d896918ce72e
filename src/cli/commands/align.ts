/**
 * `paralign align`: two to six language versions of a document (or two presegmented texts) in, an alignment out as
 * TMX, JSON, TSV or links; three versions or more are aligned n-way through the pivot.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { projectPair } from '../../core/align/project-pair.js';
import { readPresegmented } from '../../core/align/presegmented.js';
import { alignSentences } from '../../core/align/sentences.js';
import { ErrorCode, InputError } from '../../core/errors.js';
import { toAlignmentJson } from '../../core/export/json.js';
import { formatLinks } from '../../core/export/links.js';
import { writeTmx } from '../../core/export/tmx.js';
import { writeTsv } from '../../core/export/tsv.js';
import { toMultilingualJson } from '../../core/export/json-multilingual.js';
import { writeMultilingualTmx } from '../../core/export/tmx-multilingual.js';
import { writeMultilingualTsv } from '../../core/export/tsv-multilingual.js';
import type { Alignment, LanguageCode } from '../../core/model.js';
import { buildParityReport, type ParityReport } from '../../core/qa/parity-report.js';
import type { UnitKind } from '../../core/export/collect-units.js';
import type { Lexicon } from '../../core/align/features.js';
import { assertDistinctFiles, loadPair, loadVersions, readInputBytes, readTextFile } from '../load-document.js';
import { readDictionary } from '../../extract/read-dictionary.js';
import { alignDocumentPair } from '../../pipeline/align-document-pair.js';
import { alignDocumentVersions } from '../../pipeline/align-document-versions.js';
import { MAX_VERSIONS, MIN_VERSIONS } from '../../pipeline/version-count.js';
import { createStageProgress } from '../progress.js';
import { addBatchOptions, runBatchCommand, type BatchOptions } from './align-batch.js';

import { PARALIGN_VERSION } from '../../version.js';
import { writeChunks } from '../write-output.js';

const FORMATS = ['tmx', 'json', 'tsv', 'links'] as const;
type OutputFormat = (typeof FORMATS)[number];

interface AlignOptions {
  output?: string;
  format: string;
  minConfidence?: string;
  sourceLang: string;
  targetLang: string;
  tmxSrcLang?: string;
  units: string;
  presegmented?: boolean;
  dictionary?: string;
  langs?: string;
  pair?: string;
  pivot?: string;
  batch?: string;
  oneTmx?: string;
}

/** What the output writers need besides the alignment. */
interface OutputChoice {
  format: OutputFormat;
  units: UnitKind;
  minConfidence: number | undefined;
  output: string | undefined;
  tmxSrcLang: string | undefined;
}

function parseMinConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new InputError(`--min-confidence must be a number from 0 to 1, not "${value}"`, ErrorCode.badOption);
  return number;
}

function parseFormat(value: string, output: string | undefined): OutputFormat {
  const fromExtension = output && output !== '-' ? output.split('.').pop()?.toLowerCase() : undefined;
  const chosen = value === 'auto' ? (FORMATS.find((f) => f === fromExtension) ?? 'tmx') : value;
  if (!(FORMATS as readonly string[]).includes(chosen))
    throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`, ErrorCode.badOption);
  return chosen as OutputFormat;
}

// The service's reader: the same decoding and the same refusal of a dictionary without entries.
function loadDictionary(path: string | undefined): Lexicon | undefined {
  return path === undefined ? undefined : readDictionary(readInputBytes(path), basename(path));
}

function runPresegmented(sourcePath: string, targetPath: string, options: AlignOptions, format: OutputFormat): void {
  if (format !== 'links')
    throw new InputError('--presegmented writes the links format only: add --format links', ErrorCode.badOption);
  assertDistinctFiles(sourcePath, targetPath);
  const source = readPresegmented(readTextFile(sourcePath));
  const target = readPresegmented(readTextFile(targetPath));
  const dictionary = loadDictionary(options.dictionary);
  const beads = alignSentences({
    source: source.sentences,
    target: target.sentences,
    sourceParagraphStarts: source.paragraphStarts,
    targetParagraphStarts: target.paragraphStarts,
    ...(dictionary ? { dictionary } : {}),
  });
  writeChunks([formatLinks(beads, { confidence: true })], options.output);
}

/** Writes a pairwise alignment in the chosen format: the two-file output, and one pair of an n-way alignment. */
function writePairOutput(alignment: Alignment, report: ParityReport, choice: OutputChoice): void {
  const selection = {
    units: choice.units,
    ...(choice.minConfidence !== undefined ? { minConfidence: choice.minConfidence } : {}),
  };
  switch (choice.format) {
    case 'tmx':
      writeChunks(
        writeTmx(alignment, {
          ...selection,
          creationDate: new Date(),
          creationToolVersion: PARALIGN_VERSION,
          ...(choice.tmxSrcLang ? { srcLang: choice.tmxSrcLang } : {}),
        }),
        choice.output,
      );
      break;
    case 'tsv':
      writeChunks(writeTsv(alignment, selection), choice.output);
      break;
    case 'links':
      writeChunks([formatLinks(alignment.sentences)], choice.output);
      break;
    case 'json':
      writeChunks([`${JSON.stringify(toAlignmentJson(alignment, { report }), null, 2)}\n`], choice.output);
      break;
  }
}

// "ar,en,fr": one code a file, in lower case; `supported` also refuses a code outside the six UN languages.
async function parseLanguageList(
  option: string,
  value: string,
  count: number,
  supported: boolean,
): Promise<LanguageCode[]> {
  const codes = value.split(',').map((code) => code.trim().toLowerCase());
  if (codes.length !== count)
    throw new InputError(`${option} must name ${count} languages, one a file, not "${value}"`, ErrorCode.badOption);
  if (supported) {
    // Language detection loads at the point of need (load-document.ts).
    const { assertSupportedLanguage } = await import('../../extract/detect-language.js');
    for (const code of codes) assertSupportedLanguage(option, code);
  }
  return codes;
}

async function runVersions(
  paths: string[],
  options: AlignOptions,
  choice: OutputChoice,
  command: Command,
): Promise<void> {
  const explicit = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
  if (options.presegmented) throw new InputError('--presegmented aligns two files without --pair', ErrorCode.badOption);
  if (explicit('sourceLang') || explicit('targetLang'))
    throw new InputError(
      '--source-lang and --target-lang name two files; give --langs, one code a file',
      ErrorCode.badOption,
    );
  if (options.dictionary !== undefined)
    throw new InputError('--dictionary is for two files; align the pair on its own to use it', ErrorCode.badOption);
  if (choice.format === 'links' && options.pair === undefined)
    throw new InputError(
      'the links format pairs two documents: add --pair to choose two languages',
      ErrorCode.badOption,
    );
  const languages =
    options.langs === undefined ? [] : await parseLanguageList('--langs', options.langs, paths.length, true);
  const versions = await loadVersions(paths, languages, options.pivot);
  const progress = createStageProgress(
    3,
    versions.documents.reduce((n, document) => n + document.blocks.reduce((m, b) => m + b.text.length, 0), 0),
  );
  progress.stage('aligning');
  const { alignment, matrix } = alignDocumentVersions(versions);
  progress.stage('writing');
  if (options.pair !== undefined) {
    const [source, target] = (await parseLanguageList('--pair', options.pair, 2, false)) as [
      LanguageCode,
      LanguageCode,
    ];
    const present = versions.documents.map((document) => document.language);
    for (const language of [source, target]) {
      if (!present.includes(language))
        throw new InputError(
          `--pair: no version is in ${language} (the versions are in ${present.join(', ')})`,
          ErrorCode.badOption,
        );
    }
    if (source === target)
      throw new InputError(`--pair must name two languages, not ${source} twice`, ErrorCode.badOption);
    const pair = projectPair(alignment, source, target);
    // As with two files: the memory's source is the original language when it is one of the two, else `source`.
    writePairOutput(pair, buildParityReport(pair), choice);
    progress.stop();
    return;
  }
  const selection = {
    units: choice.units,
    ...(choice.minConfidence !== undefined ? { minConfidence: choice.minConfidence } : {}),
    ...(choice.tmxSrcLang ? { srcLang: choice.tmxSrcLang } : {}),
  };
  switch (choice.format) {
    case 'tmx':
      writeChunks(
        writeMultilingualTmx(alignment, {
          ...selection,
          creationDate: new Date(),
          creationToolVersion: PARALIGN_VERSION,
        }),
        choice.output,
      );
      break;
    case 'tsv':
      writeChunks(writeMultilingualTsv(alignment, selection), choice.output);
      break;
    case 'links':
      throw new InputError(
        'the links format pairs two documents: add --pair to choose two languages',
        ErrorCode.badOption,
      );
    case 'json':
      writeChunks([`${JSON.stringify(toMultilingualJson(alignment, { report: matrix }), null, 2)}\n`], choice.output);
      break;
  }
  progress.stop();
}

/** Registers the command. */
export function registerAlignCommand(program: Command): void {
  const command = program
    .command('align')
    .description(
      'align two to six language versions of a document and write a translation memory (n-way through the pivot)',
    )
    .argument(
      '<files...>',
      `${MIN_VERSIONS} to ${MAX_VERSIONS} language versions (.docx, .pdf, .html, .md, .txt); with two, the source ` +
        'then the target (one sentence a line with --presegmented)',
    )
    .option('-o, --output <file>', 'write here instead of standard output (written whole or not at all)')
    .option(
      '-f, --format <format>',
      `output format: ${FORMATS.join(', ')} (default: from -o extension, else tmx)`,
      'auto',
    )
    .option('--min-confidence <x>', 'leave out beads below this confidence (0-1)')
    .option('--source-lang <code>', 'language of the source file: ar, en, es, fr, ru or zh', 'fr')
    .option('--target-lang <code>', 'language of the target file: ar, en, es, fr, ru or zh', 'en')
    .option(
      '--langs <codes>',
      'the languages of the files in order, e.g. ar,en,fr (default: detected, with 3 files or more)',
    )
    .option('--pivot <code>', "the version the others are aligned with (default: the header's original, else en)")
    .option('--pair <codes>', 'write only this pair of the n-way alignment, source first, e.g. fr,en')
    .option('--tmx-src-lang <code>', "TMX header srclang (default: the document's original language)")
    .option('--units <units>', 'TMX/TSV units: sentence or paragraph', 'sentence')
    .option('--presegmented', 'inputs are one sentence a line, blank line between paragraphs; writes links')
    .option('--dictionary <file>', 'bilingual dictionary: "source<TAB>target" or hunalign "target @ source" lines')
    .action(async (paths: string[] | undefined, options: AlignOptions, self: Command) => {
      if (options.batch !== undefined) return runBatchCommand(options as BatchOptions);
      if (paths === undefined) throw new InputError('give the files to align, or --batch', ErrorCode.badOption);
      const format = parseFormat(options.format, options.output);
      const minConfidence = parseMinConfidence(options.minConfidence);
      if (options.units !== 'sentence' && options.units !== 'paragraph')
        throw new InputError(`--units must be sentence or paragraph, not "${options.units}"`, ErrorCode.badOption);
      if (paths.length < MIN_VERSIONS || paths.length > MAX_VERSIONS) {
        throw new InputError(
          `give ${MIN_VERSIONS} to ${MAX_VERSIONS} files, the language versions of one document, not ${paths.length}`,
          ErrorCode.versionCount,
        );
      }
      const choice: OutputChoice = {
        format,
        units: options.units,
        minConfidence,
        output: options.output,
        tmxSrcLang: options.tmxSrcLang,
      };
      if (paths.length > 2 || options.pair !== undefined || options.pivot !== undefined) {
        await runVersions(paths, options, choice, self);
        return;
      }
      const [sourcePath, targetPath] = paths as [string, string];
      if (options.presegmented) {
        runPresegmented(sourcePath, targetPath, options, format);
        return;
      }
      if (options.langs !== undefined) {
        const explicit = (name: string): boolean => self.getOptionValueSource(name) === 'cli';
        if (explicit('sourceLang') || explicit('targetLang'))
          throw new InputError('give either --langs or --source-lang and --target-lang', ErrorCode.badOption);
        [options.sourceLang, options.targetLang] = (await parseLanguageList('--langs', options.langs, 2, true)) as [
          string,
          string,
        ];
      }
      const dictionary = loadDictionary(options.dictionary);
      const pair = await loadPair(sourcePath, targetPath, {
        source: options.sourceLang,
        target: options.targetLang,
      });
      const progress = createStageProgress(
        3,
        pair.source.blocks.reduce((n, b) => n + b.text.length, 0),
      );
      progress.stage('aligning');
      const { alignment, report } = alignDocumentPair(pair, dictionary ? { dictionary } : {});
      progress.stage('writing');
      writePairOutput(alignment, report, choice);
      progress.stop();
    });
  addBatchOptions(command);
}
