/**
 * `npm run bench:worker-reading`: what a worker's reading of a pair costs, for each corpora/ pair as text, DOCX and
 * PDF: reading and checking both files again (what it did before the upload's text was stored with the pair, and
 * still does for pairs stored before) against segmenting the text the upload stored. Median of 15 of each, in one
 * process, alternated.
 *
 *   npm run bench:worker-reading
 */
import { corporaCases, formFile, type Form } from '../harness/corpora-forms.js';
import { readDocumentPair, segmentCheckedPair } from '../src/pipeline/read-document-pair.js';
import { readLanguagePair } from '../src/pipeline/read-language-pair.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { median } from './median.js';

const ROUNDS = 15;

const timed = async (run: () => unknown): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

console.log(markdownHeader(['pair', 'form', 'read and check both files (ms)', 'segment the stored text (ms)']));
for (const form of ['text', 'docx', 'pdf'] as const satisfies readonly Form[]) {
  for (const name of corporaCases) {
    const fr = await formFile(name, 'fr', form);
    const en = await formFile(name, 'en', form);
    const { extracted } = await readLanguagePair([fr, en], 'fr');
    const again: number[] = [];
    const stored: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      again.push(await timed(() => readDocumentPair(fr, en)));
      stored.push(
        await timed(() =>
          segmentCheckedPair({ ...extracted.source, language: 'fr' }, { ...extracted.target, language: 'en' }),
        ),
      );
    }
    console.log(markdownRow([name, form, median(again).toFixed(1), median(stored).toFixed(1)]));
  }
}
