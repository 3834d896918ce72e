/**
 * `paralign qa`: the paragraph-parity report of two versions, or the parity matrix of three to six; exit 0 when parity
 * holds, 1 when it does not.
 */
import type { Command } from 'commander';
import { ErrorCode, InputError } from '../../core/errors.js';
import { formatParityMatrixText } from '../../core/qa/format-matrix-text.js';
import { formatParityReportText } from '../../core/qa/format-report-text.js';
import { alignDocumentPair } from '../../pipeline/align-document-pair.js';
import { alignDocumentVersions } from '../../pipeline/align-document-versions.js';
import { MAX_VERSIONS, MIN_VERSIONS } from '../../pipeline/version-count.js';
import { loadPair, loadVersions } from '../load-document.js';
import { writeChunks } from '../write-output.js';

interface QaOptions {
  format: string;
  sourceLang: string;
  targetLang: string;
  langs?: string;
  pivot?: string;
  output?: string;
}

function writeReport(text: string, output: string | undefined): void {
  writeChunks([text.endsWith('\n') ? text : `${text}\n`], output);
}

/** Registers the command. */
export function registerQaCommand(program: Command): void {
  program
    .command('qa')
    .description(
      'check paragraph parity: the same paragraphs, numbers and footnotes in every version (exit 1 when not); ' +
        'with three versions or more, which of them lacks what',
    )
    .argument('<files...>', `${MIN_VERSIONS} to ${MAX_VERSIONS} language versions (.docx, .pdf, .html, .md, .txt)`)
    .option('-f, --format <format>', 'json or text', 'text')
    .option('-o, --output <file>', 'write the report here instead of standard output')
    .option('--source-lang <code>', 'language of the source file: ar, en, es, fr, ru or zh', 'fr')
    .option('--target-lang <code>', 'language of the target file: ar, en, es, fr, ru or zh', 'en')
    .option('--langs <codes>', 'with three files or more: their languages in order (default: detected)')
    .option(
      '--pivot <code>',
      'with three files or more: the version the others are compared with (default: the original)',
    )
    .action(async (paths: string[], options: QaOptions) => {
      if (options.format !== 'json' && options.format !== 'text')
        throw new InputError(`--format must be json or text, not "${options.format}"`, ErrorCode.badOption);
      if (paths.length < MIN_VERSIONS || paths.length > MAX_VERSIONS) {
        throw new InputError(
          `give ${MIN_VERSIONS} to ${MAX_VERSIONS} files, the language versions of one document, not ${paths.length}`,
          ErrorCode.versionCount,
        );
      }
      if (paths.length === 2 && options.langs === undefined && options.pivot === undefined) {
        const [sourcePath, targetPath] = paths as [string, string];
        const pair = await loadPair(sourcePath, targetPath, { source: options.sourceLang, target: options.targetLang });
        const { report } = alignDocumentPair(pair);
        writeReport(
          options.format === 'json' ? JSON.stringify(report, null, 2) : formatParityReportText(report),
          options.output,
        );
        process.exitCode = report.parity ? 0 : 1;
        return;
      }
      const languages = options.langs?.split(',').map((code) => code.trim().toLowerCase()) ?? [];
      if (options.langs !== undefined && languages.length !== paths.length)
        throw new InputError(
          `--langs must name ${paths.length} languages, one a file, not "${options.langs}"`,
          ErrorCode.badOption,
        );
      const { matrix } = alignDocumentVersions(await loadVersions(paths, languages, options.pivot));
      writeReport(
        options.format === 'json' ? JSON.stringify(matrix, null, 2) : formatParityMatrixText(matrix),
        options.output,
      );
      process.exitCode = matrix.parity ? 0 : 1;
    });
}
