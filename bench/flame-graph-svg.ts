/**
 * A flame graph of a call tree as one standalone SVG: the root at the bottom, each function above its caller, as wide
 * as its share of the sampled time (callees included); hovering a frame shows its name, place and time. No script, no
 * I/O: a string out, which a browser or a README shows as it is.
 */
import { escapeXmlText } from '../src/core/export/xml-text.js';
import type { CallTreeNode } from './cpu-profile.js';

/** How to draw a flame graph. */
export interface FlameGraphOptions {
  /** The heading: what was profiled. */
  title: string;
  /** Width of the whole picture, in pixels. */
  width?: number;
  /** A frame under this share of all sampled time (0–1) is left out, with everything it called. */
  minShare?: number;
  /** How a frame's URL is shown in its tooltip and the legend (a path relative to the repository, say). */
  displayUrl?: (url: string) => string;
}

/** One frame as laid out: its row above the root and its horizontal span, both as shares of the sampled time. */
export interface FlameFrame {
  node: CallTreeNode;
  /** 0 for the root, 1 for what it called, … */
  depth: number;
  /** Share (0–1) of all sampled time left of this frame on its row. */
  start: number;
  /** Share (0–1) of all sampled time spent in this frame and its callees. */
  share: number;
}

const FRAME_HEIGHT = 16;
const FONT_SIZE = 11;
// Monospace glyphs advance 0.6 em (DejaVu Sans Mono, Liberation Mono, Menlo): how many characters a frame can hold.
const CHAR_WIDTH = FONT_SIZE * 0.6;
const MARGIN = 10;
// Below the heading's two lines: where the legend's first row starts.
const LEGEND_TOP = 52;
const LEGEND_FILES = 12;

/**
 * The frames to draw, callers before callees, each row's frames left to right from the widest (ties by name), with the
 * frames narrower than `minShare` of the whole left out together with their callees.
 */
export function layoutFlameGraph(root: CallTreeNode, minShare = 0.001): FlameFrame[] {
  const total = root.totalMicros;
  if (total <= 0) return [];
  const frames: FlameFrame[] = [];
  const place = (node: CallTreeNode, depth: number, start: number): void => {
    const share = node.totalMicros / total;
    if (share < minShare) return;
    frames.push({ node, depth, start, share });
    let childStart = start;
    for (const child of [...node.children].sort(widestFirst)) {
      place(child, depth + 1, childStart);
      childStart += child.totalMicros / total;
    }
  };
  place(root, 0, 0);
  return frames;
}

function widestFirst(a: CallTreeNode, b: CallTreeNode): number {
  return b.totalMicros - a.totalMicros || a.frame.functionName.localeCompare(b.frame.functionName);
}

/** The flame graph of a call tree as a standalone SVG document. */
export function renderFlameGraphSvg(root: CallTreeNode, options: FlameGraphOptions): string {
  const {
    title,
    width = 1200,
    minShare = 0.001,
    displayUrl = (url: string) => url.replace(/^file:\/\//, ''),
  } = options;
  const total = root.totalMicros;
  const frames = layoutFlameGraph(root, minShare);
  const chartWidth = width - 2 * MARGIN;
  const legend = legendItems(root, displayUrl, chartWidth);
  const chartTop = LEGEND_TOP + ((legend.at(-1)?.row ?? -1) + 1) * FRAME_HEIGHT + 6;
  const depth = Math.max(0, ...frames.map((frame) => frame.depth)) + 1;
  const height = chartTop + depth * FRAME_HEIGHT + MARGIN;
  const frameFiles = frames.map((frame) => displayUrl(frame.node.frame.url));
  const colours = fileColours([...frameFiles, ...legend.map((item) => item.file)]);
  const fileColour = (file: string): string => colours.get(file) ?? '#d4d4d4';
  const subtitle =
    `${formatMs(total)} ms sampled. Root at the bottom; a frame's width is its share of the sampled time, callees ` +
    `included; frames under ${(100 * minShare).toFixed(1)}% are left out. Hover a frame for its time.`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="monospace" font-size="${FONT_SIZE}">`,
    '<style>g.f:hover rect { stroke: #000; stroke-width: 1; }</style>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${MARGIN}" y="22" font-size="15" font-weight="bold">${escapeXmlText(title)}</text>`,
    `<text x="${MARGIN}" y="40">${escapeXmlText(subtitle)}</text>`,
    ...legend.map(({ file, share, x, row }) => {
      const y = LEGEND_TOP + row * FRAME_HEIGHT;
      return (
        `<rect x="${x}" y="${y}" width="10" height="10" fill="${fileColour(file)}"/>` +
        `<text x="${x + 14}" y="${y + 9}">${escapeXmlText(`${file} ${(100 * share).toFixed(1)}%`)}</text>`
      );
    }),
    ...frames.map((frame, k) => {
      const x = MARGIN + frame.start * chartWidth;
      const w = frame.share * chartWidth;
      const y = chartTop + (depth - 1 - frame.depth) * FRAME_HEIGHT;
      const name = frame.node.frame.functionName || '(anonymous)';
      const file = frameFiles[k] ?? '';
      const place = file ? ` (${file}:${frame.node.frame.lineNumber + 1})` : '';
      const tooltip = `${name}${place} — ${formatMs(frame.node.totalMicros)} ms, ${(100 * frame.share).toFixed(1)}%`;
      const label = fitLabel(name, w);
      return (
        `<g class="f"><title>${escapeXmlText(tooltip)}</title>` +
        `<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${FRAME_HEIGHT - 1}" fill="${fileColour(file)}"/>` +
        (label ? `<text x="${round(x + 3)}" y="${y + 11.5}">${escapeXmlText(label)}</text>` : '') +
        '</g>'
      );
    }),
    '</svg>',
    '',
  ];
  return lines.join('\n');
}

/** The frame's name cut to the characters a frame `widthPx` wide holds, with "…" where cut; empty under 3. */
export function fitLabel(name: string, widthPx: number): string {
  const fits = Math.floor((widthPx - 6) / CHAR_WIDTH);
  if (fits < 3) return '';
  const characters = Array.from(name); // whole code points: a cut never splits a surrogate pair
  return characters.length <= fits ? name : `${characters.slice(0, fits - 1).join('')}…`;
}

// Eighteen hues 20° apart, lightness alternating, all light enough for black text.
const PALETTE = Array.from({ length: 18 }, (_, k) => `hsl(${20 * k},70%,${k % 2 === 0 ? 74 : 64}%)`);

/**
 * The fill of each file's frames: grey for V8's own entries (no file), pale for Node's and packages', and for the
 * project's files a palette colour picked by a hash of the path, so a file keeps its colour from one graph to the
 * next; a file whose colour another already holds takes the next free one (files in name order), so that up to 18
 * files never share one.
 */
export function fileColours(files: Iterable<string>): Map<string, string> {
  const colours = new Map<string, string>();
  const taken = new Set<number>();
  for (const file of [...new Set(files)].sort()) {
    const hash = fnv1a(file);
    if (!file) colours.set(file, '#d4d4d4');
    else if (file.startsWith('node:') || file.includes('node_modules/'))
      colours.set(file, `hsl(${hash % 360},15%,80%)`);
    else {
      let slot = hash % PALETTE.length;
      for (let tries = 0; taken.has(slot) && tries < PALETTE.length; tries++) slot = (slot + 1) % PALETTE.length;
      taken.add(slot);
      colours.set(file, PALETTE[slot] ?? '#d4d4d4');
    }
  }
  return colours;
}

// FNV-1a, 32 bits: stable across runs and machines, unlike anything seeded.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return hash;
}

interface LegendItem {
  file: string;
  share: number;
  x: number;
  row: number;
}

// The files with the most self time, laid out in rows like words, so a colour in the graph can be told to its file.
function legendItems(root: CallTreeNode, displayUrl: (url: string) => string, chartWidth: number): LegendItem[] {
  const selfByFile = new Map<string, number>();
  const visit = (node: CallTreeNode): void => {
    const file = displayUrl(node.frame.url);
    if (file) selfByFile.set(file, (selfByFile.get(file) ?? 0) + node.selfMicros);
    node.children.forEach(visit);
  };
  visit(root);
  const top = [...selfByFile].sort((a, b) => b[1] - a[1]).slice(0, LEGEND_FILES);
  const items: LegendItem[] = [];
  let x = MARGIN;
  let row = 0;
  for (const [file, micros] of top) {
    const share = micros / Math.max(root.totalMicros, 1);
    const itemWidth = 14 + (file.length + 7) * CHAR_WIDTH + 12;
    if (x > MARGIN && x + itemWidth > MARGIN + chartWidth) {
      x = MARGIN;
      row++;
    }
    items.push({ file, share, x: round(x), row });
    x += itemWidth;
  }
  return items;
}

function formatMs(micros: number): string {
  return (micros / 1000).toFixed(micros < 10_000 ? 1 : 0);
}

function round(px: number): number {
  return Math.round(px * 10) / 10;
}
