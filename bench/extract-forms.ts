/**
 * `npm run bench:forms`: each corpora/ pair as text, as DOCX (rendered with Word numbering and footnotes) and
 * as PDF (LibreOffice's rendering of that DOCX, committed under harness/forms): label paths recovered
 * against the text form, and how many sentence beads of the text form's alignment the other form reproduces.
 */
import { parseLinks } from '../src/core/export/links.js';
import { alignForm, corporaCases, labelPaths, type Form } from '../harness/corpora-forms.js';
import { markdownHeader, markdownRow } from './markdown-table.js';

type Aligned = Awaited<ReturnType<typeof alignForm>>;

// A bead by its texts, not its indices: one extra sentence early on must not make every later bead differ.
function beadTexts(aligned: Aligned): string[] {
  return parseLinks(aligned.links).map((b) => {
    const source = b.source.map((i) => aligned.fr.sentences[i]?.text).join(' ');
    const target = b.target.map((j) => aligned.en.sentences[j]?.text).join(' ');
    return `${source}\u0001${target}`;
  });
}

// Labels of `found` that match `expected` position by position (both in document order).
function matchingLabels(expected: readonly string[], found: readonly string[]): number {
  return expected.filter((label, k) => found[k] === label).length;
}

console.log(
  markdownHeader([
    'pair',
    'form',
    'labels recovered (fr)',
    'labels recovered (en)',
    'sentences fr / en (text form)',
    'beads identical to the text form',
  ]),
);
for (const name of corporaCases) {
  const text = await alignForm(name, 'text');
  const textBeads = new Set(beadTexts(text));
  for (const form of ['docx', 'pdf'] as const satisfies readonly Form[]) {
    const other = await alignForm(name, form);
    const fr = labelPaths(text.fr);
    const en = labelPaths(text.en);
    const same = beadTexts(other).filter((b) => textBeads.has(b)).length;
    const sentences = `${other.fr.sentences.length} / ${other.en.sentences.length}`;
    const textSentences = `${text.fr.sentences.length} / ${text.en.sentences.length}`;
    console.log(
      markdownRow([
        name,
        form,
        `${matchingLabels(fr, labelPaths(other.fr))}/${fr.length}`,
        `${matchingLabels(en, labelPaths(other.en))}/${en.length}`,
        `${sentences} (${textSentences})`,
        `${same}/${textBeads.size}`,
      ]),
    );
  }
}
