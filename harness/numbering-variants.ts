/**
 * Renumbered variants of the corpora/ pairs (issue 14): one numbered paragraph, or one "(a)" item, dropped from
 * one side and the later ones of its sequence renumbered, as Word does; with the gold beads carried over, so
 * that an alignment of the variant can be scored. Used by the test of shifted numbering and by
 * `npm run bench:shifts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bead, Block, SegmentedDocument } from '../src/core/model.js';
import { segmentText } from '../src/pipeline/segment-file.js';
import type { CorpusCase } from './corpora.js';

/** Which list a variant renumbers. */
export type VariantKind = 'paragraph' | 'letter';

/** One renumbered variant of a corpus pair. */
export interface NumberingVariant {
  /** "corpus/side/kind/path", e.g. "missing-split-merge/source/paragraph/8". */
  name: string;
  corpus: string;
  /** The side a block was dropped from. */
  side: 'source' | 'target';
  kind: VariantKind;
  /** Label path of the dropped block in the original document. */
  droppedPath: string;
  /** The path of the first renumbered block, in the original document (what the other side still calls it). */
  shiftedFrom: string;
  source: SegmentedDocument;
  target: SegmentedDocument;
  /** Gold beads over the variant's sentence indices; -1 for a gold sentence the splitter does not reproduce. */
  gold: Bead[];
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

function formatOf(file: string): 'markdown' | 'text' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
}

function load(text: string, language: string, format: 'markdown' | 'text'): SegmentedDocument {
  return segmentText(text, { language, format });
}

// Gold sentence → our sentence index by text, in order (as core/eval/corpus-gold.ts does).
function mapGold(gold: readonly string[], document: SegmentedDocument): number[] {
  const ours = document.sentences.map((s) => normalise(s.text));
  let cursor = 0;
  return gold.map((text) => {
    for (let k = cursor; k < Math.min(ours.length, cursor + 8); k++) {
      if (ours[k] === normalise(text)) {
        cursor = k + 1;
        return k;
      }
    }
    return -1;
  });
}

/** The gold beads of a corpus case over its own sentence indices. */
export function goldBeadsOf(corpus: CorpusCase): Bead[] {
  const sourceMap = mapGold(
    corpus.gold.sentences.flatMap((b) => b.fr),
    corpus.source,
  );
  const targetMap = mapGold(
    corpus.gold.sentences.flatMap((b) => b.en),
    corpus.target,
  );
  let s = 0;
  let t = 0;
  return corpus.gold.sentences.map((bead) => ({
    source: bead.fr.map(() => sourceMap[s++] ?? -1),
    target: bead.en.map(() => targetMap[t++] ?? -1),
  }));
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function previousValue(kind: VariantKind, value: string): string | null {
  if (kind === 'paragraph') return /^\d+$/.test(value) && Number(value) > 1 ? String(Number(value) - 1) : null;
  const k = LETTERS.indexOf(value);
  return k > 0 ? (LETTERS[k - 1] as string) : null;
}

function styleOf(kind: VariantKind): string {
  return kind === 'paragraph' ? 'arabic' : 'lowerLetter';
}

/** The blocks of `kind` that have a later sibling in their sequence: dropping one of them renumbers the rest. */
function droppable(document: SegmentedDocument, kind: VariantKind): Block[] {
  const members = document.blocks.filter(
    (b) => b.label?.style === styleOf(kind) && b.path !== null && (kind === 'letter' || !b.path.includes('/')),
  );
  return members.filter((block) =>
    members.some((other) => other.index > block.index && parentOf(other.path ?? '') === parentOf(block.path ?? '')),
  );
}

/** The text with `dropped` and its sub-blocks removed and the later siblings renumbered down by one. */
function dropAndRenumber(text: string, document: SegmentedDocument, dropped: Block, kind: VariantKind): string {
  const path = dropped.path as string;
  const parent = parentOf(path);
  const end =
    document.blocks.find((b) => b.index > dropped.index && !(b.path ?? '').startsWith(`${path}/`))?.range.start ??
    text.length;
  const edits: { start: number; end: number; text: string }[] = [{ start: dropped.range.start, end, text: '' }];
  for (const block of document.blocks) {
    if (block.index <= dropped.index || block.label?.style !== styleOf(kind) || block.path === null) continue;
    if (parentOf(block.path) !== parent || (kind === 'paragraph' && block.path.includes('/'))) continue;
    const label = block.label;
    const value = previousValue(kind, label.value);
    if (value === null) continue;
    const at = block.raw.indexOf(label.raw);
    if (at < 0) continue;
    const renumbered = label.raw.replace(new RegExp(`(?<![\\p{L}\\p{N}])${label.value}(?![\\p{L}\\p{N}])`, 'u'), value);
    const start = block.range.start + at;
    edits.push({ start, end: start + label.raw.length, text: renumbered });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

// Sentence index of the original document → index in the variant, or -1 for a dropped sentence.
function carryOver(original: SegmentedDocument, variant: SegmentedDocument, dropped: Set<number>): Int32Array | null {
  const map = new Int32Array(original.sentences.length).fill(-1);
  let k = 0;
  for (const sentence of original.sentences) {
    if (dropped.has(sentence.block)) continue;
    const other = variant.sentences[k];
    if (other === undefined || normalise(other.text) !== normalise(sentence.text)) return null;
    map[sentence.index] = k;
    k += 1;
  }
  return k === variant.sentences.length ? map : null;
}

/**
 * Every variant of one corpus case: for each side and each droppable numbered paragraph or lettered item, the
 * document without it and renumbered. Variants whose sentences the splitter no longer reproduces are left out.
 */
export function buildNumberingVariants(corpus: CorpusCase): NumberingVariant[] {
  const gold = goldBeadsOf(corpus);
  const variants: NumberingVariant[] = [];
  for (const side of ['source', 'target'] as const) {
    const file = side === 'source' ? corpus.gold.source : corpus.gold.target;
    const language = side === 'source' ? 'fr' : 'en';
    const format = formatOf(file);
    const text = readFileSync(join(corpus.dir, file), 'utf8');
    const original = side === 'source' ? corpus.source : corpus.target;
    for (const kind of ['paragraph', 'letter'] as const) {
      for (const dropped of droppable(original, kind)) {
        const path = dropped.path as string;
        const droppedBlocks = new Set(
          original.blocks.filter((b) => b.path === path || (b.path ?? '').startsWith(`${path}/`)).map((b) => b.index),
        );
        const changed = load(dropAndRenumber(text, original, dropped, kind), language, format);
        const map = carryOver(original, changed, droppedBlocks);
        if (map === null) continue;
        const next = original.blocks.find(
          (b) =>
            b.index > dropped.index &&
            b.label?.style === dropped.label?.style &&
            b.path !== null &&
            parentOf(b.path) === parentOf(path),
        );
        const remap = (indices: readonly number[]): number[] =>
          indices.flatMap((i) => (i < 0 ? [-1] : (map[i] as number) < 0 ? [] : [map[i] as number]));
        const variantGold = gold
          .map((bead) =>
            side === 'source'
              ? { source: remap(bead.source), target: bead.target }
              : { source: bead.source, target: remap(bead.target) },
          )
          .filter((bead) => bead.source.length + bead.target.length > 0);
        variants.push({
          name: `${corpus.name}/${side}/${kind}/${path}`,
          corpus: corpus.name,
          side,
          kind,
          droppedPath: path,
          shiftedFrom: next?.path ?? path,
          source: side === 'source' ? changed : corpus.source,
          target: side === 'target' ? changed : corpus.target,
          gold: variantGold,
        });
      }
    }
  }
  return variants;
}
