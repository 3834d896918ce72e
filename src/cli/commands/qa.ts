/** `paralign qa`: the paragraph-parity report; exit 0 when parity holds, 1 when it does not. */
import type { Command } from 'commander';
import { ErrorCode, InputError } from '../../core/errors.js';
import { formatParityReportText } from '../../core/qa/format-report-text.js';
import { alignDocumentPair } from '../../pipeline/align-document-pair.js';
import { loadPair } from '../load-document.js';
import { writeChunks } from '../write-output.js';

interface QaOptions {
  format: string;
  sourceLang: string;
  targetLang: string;
  output?: string;
}

/** Registers the command. */
export function registerQaCommand(program: Command): void {
  program
    .command('qa')
    .description('check paragraph parity: the same paragraphs, numbers and footnotes on both sides (exit 1 when not)')
    .argument('<source>', 'source-language file (.docx, .pdf, .html, .md, .txt)')
    .argument('<target>', 'target-language file')
    .option('-f, --format <format>', 'json or text', 'text')
    .option('-o, --output <file>', 'write the report here instead of standard output')
    .option('--source-lang <code>', 'language of the source file: ar, en, es, fr, ru or zh', 'fr')
    .option('--target-lang <code>', 'language of the target file: ar, en, es, fr, ru or zh', 'en')
    .action(async (sourcePath: string, targetPath: string, options: QaOptions) => {
      if (options.format !== 'json' && options.format !== 'text')
        throw new InputError(`--format must be json or text, not "${options.format}"`, ErrorCode.badOption);
      const pair = await loadPair(sourcePath, targetPath, {
        source: options.sourceLang,
        target: options.targetLang,
      });
      const { report } = alignDocumentPair(pair);
      const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatParityReportText(report);
      writeChunks([text.endsWith('\n') ? text : `${text}\n`], options.output);
      process.exitCode = report.parity ? 0 : 1;
    });
}
