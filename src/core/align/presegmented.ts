/**
 * The field's comparison format: one sentence a line, a blank line between paragraphs (hunalign, vecalign).
 */

/** Sentences of a presegmented text and the indices of those that start a paragraph. */
export interface PresegmentedText {
  sentences: string[];
  /** Sentence indices that follow a blank line (the first sentence is not listed). */
  paragraphStarts: number[];
}

/** Reads one-sentence-a-line text; blank lines mark paragraph boundaries and are not sentences. */
export function readPresegmented(text: string): PresegmentedText {
  const sentences: string[] = [];
  const paragraphStarts: number[] = [];
  let afterBlank = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      afterBlank = sentences.length > 0;
      continue;
    }
    if (afterBlank) paragraphStarts.push(sentences.length);
    afterBlank = false;
    sentences.push(line.trim());
  }
  // Paragraph marks only help when the text has them; a start at 0 makes the first beads agree.
  return { sentences, paragraphStarts: paragraphStarts.length > 0 ? [0, ...paragraphStarts] : [] };
}
