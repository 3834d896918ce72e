/** `paralign eval`: strict, lax and link precision/recall/F1 of a test alignment against a gold one. */
import type { Command } from 'commander';
import { scoreAlignments, type AlignmentScores } from '../../core/eval/score-alignment.js';
import { parseLinks } from '../../core/export/links.js';
import { readTextFile } from '../load-document.js';

/** A fixed-width table of the three measures. */
export function formatScores(scores: AlignmentScores): string {
  const cell = (value: number): string => value.toFixed(3).padStart(10);
  const row = (name: string, m: { precision: number; recall: number; f1: number }): string =>
    `${name.padEnd(8)}${cell(m.precision)}${cell(m.recall)}${cell(m.f1)}`;
  return [
    `${'measure'.padEnd(8)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}`,
    row('strict', scores.strict),
    row('lax', scores.lax),
    row('link', scores.link),
    '',
  ].join('\n');
}

/** Registers the command. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('score a test alignment against a gold one (links format, one bead a line: [0, 1]:[0])')
    .argument('<gold>', 'gold links file')
    .argument('<test>', 'test links file')
    .option('--json', 'print the scores as JSON')
    .action((goldPath: string, testPath: string, options: { json?: boolean }) => {
      const gold = parseLinks(readTextFile(goldPath));
      const test = parseLinks(readTextFile(testPath));
      const scores = scoreAlignments([{ gold, test }]);
      process.stdout.write(options.json ? `${JSON.stringify(scores, null, 2)}\n` : formatScores(scores));
    });
}
