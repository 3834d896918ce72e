/** `paralign align`: two documents (or presegmented texts) in, an alignment out as TMX, JSON, TSV or links. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { readPresegmented } from '../../core/align/presegmented.js';
import { alignSentences } from '../../core/align/sentences.js';
import { ErrorCode, InputError } from '../../core/errors.js';
import { toAlignmentJson } from '../../core/export/json.js';
import { formatLinks } from '../../core/export/links.js';
import { writeTmx } from '../../core/export/tmx.js';
import { writeTsv } from '../../core/export/tsv.js';
import type { UnitKind } from '../../core/export/collect-units.js';
import type { Lexicon } from '../../core/align/features.js';
import { assertDistinctFiles, loadPair, readInputBytes, readTextFile } from '../load-document.js';
import { readDictionary } from '../../extract/read-dictionary.js';
import { alignDocumentPair } from '../../pipeline/align-document-pair.js';
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
  batch?: string;
  oneTmx?: string;
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

/** Registers the command. */
export function registerAlignCommand(program: Command): void {
  const command = program
    .command('align')
    .description('align the two language versions of a document and write a translation memory')
    .argument(
      '<source>',
      'source-language file (.docx, .pdf, .html, .md, .txt; one sentence a line with --presegmented)',
    )
    .argument('<target>', 'target-language file')
    .option('-o, --output <file>', 'write here instead of standard output (written whole or not at all)')
    .option(
      '-f, --format <format>',
      `output format: ${FORMATS.join(', ')} (default: from -o extension, else tmx)`,
      'auto',
    )
    .option('--min-confidence <x>', 'leave out beads below this confidence (0-1)')
    .option('--source-lang <code>', 'language of the source file: ar, en, es, fr, ru or zh', 'fr')
    .option('--target-lang <code>', 'language of the target file: ar, en, es, fr, ru or zh', 'en')
    .option('--tmx-src-lang <code>', "TMX header srclang (default: the document's original language)")
    .option('--units <units>', 'TMX/TSV units: sentence or paragraph', 'sentence')
    .option('--presegmented', 'inputs are one sentence a line, blank line between paragraphs; writes links')
    .option('--dictionary <file>', 'bilingual dictionary: "source<TAB>target" or hunalign "target @ source" lines')
    .action(async (sourcePath: string, targetPath: string, options: AlignOptions) => {
      if (options.batch !== undefined) return runBatchCommand(options as BatchOptions);
      const format = parseFormat(options.format, options.output);
      const minConfidence = parseMinConfidence(options.minConfidence);
      if (options.units !== 'sentence' && options.units !== 'paragraph')
        throw new InputError(`--units must be sentence or paragraph, not "${options.units}"`, ErrorCode.badOption);
      if (options.presegmented) {
        runPresegmented(sourcePath, targetPath, options, format);
        return;
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
      const selection = { units: options.units as UnitKind, ...(minConfidence !== undefined ? { minConfidence } : {}) };
      switch (format) {
        case 'tmx':
          writeChunks(
            writeTmx(alignment, {
              ...selection,
              creationDate: new Date(),
              creationToolVersion: PARALIGN_VERSION,
              ...(options.tmxSrcLang ? { srcLang: options.tmxSrcLang } : {}),
            }),
            options.output,
          );
          break;
        case 'tsv':
          writeChunks(writeTsv(alignment, selection), options.output);
          break;
        case 'links':
          writeChunks([formatLinks(alignment.sentences)], options.output);
          break;
        case 'json':
          writeChunks([`${JSON.stringify(toAlignmentJson(alignment, { report }), null, 2)}\n`], options.output);
          break;
      }
      progress.stop();
    });
  addBatchOptions(command);
}
