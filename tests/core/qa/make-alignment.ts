import type {
  Alignment,
  Block,
  BlockBead,
  BlockKind,
  Label,
  LabelStyle,
  ScoredBead,
  SegmentedDocument,
  Sentence,
} from '../../../src/core/model.js';

/** A block as a test writes it: kind, optional label, text; sentences split on ". ". */
export interface BlockSpec {
  kind: BlockKind;
  label?: { raw: string; style: LabelStyle; value: string };
  path?: string;
  text: string;
}

/** Numbered paragraph "7." with path "7". */
export function para(value: string, text: string, raw = `${value}.`): BlockSpec {
  return { kind: 'paragraph', label: { raw, style: 'arabic', value }, path: value, text };
}

/** Sub-paragraph "(a)" or "a)" under `parent`. */
export function sub(parent: string, raw: string, text: string): BlockSpec {
  const value = raw.replace(/[()]/gu, '');
  return { kind: 'subparagraph', label: { raw, style: 'lowerLetter', value }, path: `${parent}/${value}`, text };
}

/** Heading "II." with path "II". */
export function heading(value: string, text: string): BlockSpec {
  return { kind: 'heading', label: { raw: `${value}.`, style: 'upperRoman', value }, path: value, text };
}

/** Footnote with marker "*" or "1". */
export function note(marker: string, text: string): BlockSpec {
  return { kind: 'footnote', label: { raw: marker, style: 'footnote', value: marker }, path: `fn:${marker}`, text };
}

/** Unlabelled block. */
export function plain(text: string, kind: BlockKind = 'text'): BlockSpec {
  return { kind, text };
}

/** Builds a segmented document whose sentences are the block texts split after ". ". */
export function makeDocument(language: string, specs: BlockSpec[]): SegmentedDocument {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  specs.forEach((spec, index) => {
    const label: Label | null =
      spec.label === undefined ? null : { ...spec.label, key: `${spec.label.style}:${spec.label.value}` };
    const raw = label === null ? spec.text : `${label.raw} ${spec.text}`;
    blocks.push({
      index,
      kind: spec.kind,
      label,
      path: spec.path ?? null,
      text: spec.text,
      raw,
      range: { start: offset, end: offset + raw.length },
    });
    offset += raw.length + 2;
    let start = 0;
    for (const piece of spec.text.split(/(?<=\. )/u)) {
      sentences.push({
        index: sentences.length,
        block: index,
        raw: piece,
        text: piece.trim(),
        range: { start, end: start + piece.length },
      });
      start += piece.length;
    }
  });
  return {
    language,
    blocks,
    meta: {
      symbol: null,
      distribution: null,
      date: null,
      originalLanguage: null,
      session: null,
      agendaItem: null,
      title: null,
    },
    sentences,
  };
}

/** Options for {@link makeAlignment}: beads default to 1-1 in order (both sides must then have the same counts). */
export interface AlignmentSpec {
  blocks?: Array<[number[], number[]]>;
  sentences?: Array<[number[], number[], number?]>;
}

/** Aligns two documents with the given beads, or 1-1 in order; sentence confidence 0.9 unless given. */
export function makeAlignment(
  source: SegmentedDocument,
  target: SegmentedDocument,
  spec: AlignmentSpec = {},
): Alignment {
  const blockPairs = spec.blocks ?? oneToOne(source.blocks.length, target.blocks.length);
  const sentencePairs = spec.sentences ?? oneToOne(source.sentences.length, target.sentences.length);
  const blocks: BlockBead[] = blockPairs.map(([s, t]) => ({ source: s, target: t, confidence: 0.95, method: 'label' }));
  const sentences: ScoredBead[] = sentencePairs.map(([s, t, confidence]) => ({
    source: s,
    target: t,
    confidence: confidence ?? 0.9,
  }));
  return { source, target, blocks, sentences };
}

function oneToOne(sourceCount: number, targetCount: number): Array<[number[], number[]]> {
  if (sourceCount !== targetCount) {
    throw new Error(`1-1 beads need equal counts, got ${sourceCount} and ${targetCount}`);
  }
  return Array.from({ length: sourceCount }, (_, index): [number[], number[]] => [[index], [index]]);
}
