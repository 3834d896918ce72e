/** edit: new text for one side of a bead; the sentences' own text is kept beside it. */
import { originalSideText } from './bead-side-text.js';
import type { EditContext } from './edit-context.js';
import { EditError, EditReason } from './edit-error.js';
import { findBead } from './find-bead.js';
import type { BeadSide, ReviewBead } from './review-model.js';

/** Longest edited text, in UTF-16 code units: a long paragraph, far beyond any sentence. */
export const MAX_EDIT_LENGTH = 20_000;

// Tab, line feed and carriage return are the only controls a segment may hold; DEL and the non-characters
// U+FFFE/U+FFFF go too. XML 1.0 §2.2 forbids most of them, so the exports would have to replace them.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

function holdsControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f || code === 0xfffe || code === 0xffff)
      return true;
  }
  return false;
}

/**
 * `beads` with `side` of bead `index` reading `text` (trimmed); a text equal to the sentences' own clears the edit.
 * The status is kept: fixing a typo does not change whether the sentences match. An {@link EditError} for a side
 * with no sentence, or a text that is empty, longer than {@link MAX_EDIT_LENGTH} or holds control characters.
 */
export function editBeadText(
  beads: readonly ReviewBead[],
  index: number,
  side: BeadSide,
  text: string,
  context: EditContext,
): ReviewBead[] {
  const bead = findBead(beads, index);
  if (bead[side].length === 0) {
    throw new EditError(EditReason.emptySide, `bead ${index} has no ${side} sentence whose text could be edited`, {
      bead: index,
      side,
    });
  }
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_EDIT_LENGTH || holdsControlCharacter(trimmed)) {
    throw new EditError(
      EditReason.badText,
      `the text is empty, longer than ${MAX_EDIT_LENGTH} characters or holds control characters`,
      { bead: index, side, max: MAX_EDIT_LENGTH },
    );
  }
  const edit = trimmed === originalSideText(bead, side, context[side]) ? null : trimmed;
  const edited: ReviewBead = {
    ...bead,
    ...(side === 'source' ? { sourceText: edit } : { targetText: edit }),
    changedIn: context.version,
  };
  return [...beads.slice(0, index), edited, ...beads.slice(index + 1)];
}
