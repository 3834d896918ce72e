/** `npm run bench:shifts`: confident beads on the renumbered variants of the corpora/ pairs (issue 14). */
import { alignDocuments } from '../src/core/align/align-documents.js';
import { loadAllVariants, scoreVariant } from '../harness/score-numbering-variants.js';

const variants = await loadAllVariants();
let confident = 0;
let correct = 0;
let wrong = 0;
for (const variant of variants) {
  const score = scoreVariant(variant, alignDocuments(variant.source, variant.target));
  confident += score.confident;
  correct += score.correct;
  wrong += score.wrongParagraphs.length;
  if (process.argv.includes('--verbose'))
    console.log(`${variant.name}: ${score.correct}/${score.confident}, ${score.wrongParagraphs.length} wrong`);
}
console.log(
  `${variants.length} variants: ${confident} beads at confidence ≥ 0.9, ${correct} correct ` +
    `(${(correct / confident).toFixed(3)}), ${wrong} pairing sentences of different paragraphs`,
);
