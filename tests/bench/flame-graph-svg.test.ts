import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildCallTree, type CpuProfile } from '../../bench/cpu-profile.js';
import { fileColours, fitLabel, renderFlameGraphSvg } from '../../bench/flame-graph-svg.js';

const WEIRD = 'get "x" <T> & y';

// (root) → main → alignByDp 1,200 samples, costOf 600, WEIRD 195, small 3 (0.15%), tiny 1 (0.05%); main itself 1.
const counts: [id: number, samples: number][] = [
  [2, 1],
  [3, 1200],
  [4, 600],
  [5, 195],
  [6, 3],
  [7, 1],
];
const frame = (functionName: string, file: string, lineNumber = 0) => ({
  functionName,
  url: `file:///repo/${file}`,
  lineNumber,
});
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
    { id: 2, callFrame: frame('main', 'src/main.ts'), children: [3, 4, 5, 6, 7] },
    { id: 3, callFrame: frame('alignByDp', 'src/core/align/dp.ts', 9) },
    { id: 4, callFrame: frame('costOf', 'src/core/align/costs.ts', 41) },
    { id: 5, callFrame: frame(WEIRD, 'src/a&b.ts') },
    { id: 6, callFrame: frame('small', 'src/main.ts', 3) },
    { id: 7, callFrame: frame('tiny', 'src/main.ts', 7) },
  ],
  startTime: 0,
  endTime: 2_000_000,
  samples: counts.flatMap(([id, samples]) => Array.from({ length: samples }, () => id)),
  timeDeltas: counts.flatMap(([, samples]) => Array.from({ length: samples }, () => 1000)),
};

interface Frame {
  title: string;
  rect: { x: string; y: string; width: string; fill: string };
  text?: string;
}

const width = 1200;
const chartWidth = width - 20; // 10-pixel margins
const svg = renderFlameGraphSvg(buildCallTree(profile), {
  title: `profile of ${WEIRD}`,
  width,
  displayUrl: (url) => url.replace('file:///repo/', ''),
});
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'g',
}).parse(svg) as { svg: { g: Frame[]; text: { '#text': string }[] } };
const frames = parsed.svg.g;
const frameNamed = (name: string): Frame | undefined => frames.find((f) => f.title.startsWith(`${name} `));
const widthOf = (name: string): number => Number(frameNamed(name)?.rect.width);

describe('renderFlameGraphSvg', () => {
  it('writes well-formed XML', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('makes each frame as wide as its share of the samples', () => {
    expect(widthOf('(root)')).toBeCloseTo(chartWidth, 1);
    expect(widthOf('main')).toBeCloseTo(chartWidth, 1);
    expect(widthOf('alignByDp')).toBeCloseTo(chartWidth * 0.6, 1);
    expect(widthOf('costOf')).toBeCloseTo(chartWidth * 0.3, 1);
    expect(widthOf('small')).toBeCloseTo(chartWidth * 0.0015, 1);
  });

  it('puts callees side by side, widest first, above their caller (root at the bottom)', () => {
    const x = (name: string): number => Number(frameNamed(name)?.rect.x);
    const y = (name: string): number => Number(frameNamed(name)?.rect.y);
    expect(x('costOf')).toBeCloseTo(x('alignByDp') + widthOf('alignByDp'), 1);
    expect(y('(root)')).toBeGreaterThan(y('main'));
    expect(y('main')).toBeGreaterThan(y('alignByDp'));
    expect(y('costOf')).toBe(y('alignByDp'));
  });

  it('escapes names and titles, which read back as they were', () => {
    expect(svg).not.toContain('<T>');
    expect(svg).toContain('get "x" &lt;T&gt; &amp; y (src/a&amp;b.ts:1)');
    expect(frameNamed(WEIRD)?.title).toBe(`${WEIRD} (src/a&b.ts:1) — 195 ms, 9.8%`);
    expect(parsed.svg.text[0]?.['#text']).toBe(`profile of ${WEIRD}`);
  });

  it('titles a frame with its name, place, time and share', () => {
    expect(frameNamed('alignByDp')?.title).toBe('alignByDp (src/core/align/dp.ts:10) — 1200 ms, 60.0%');
    expect(frameNamed('(root)')?.title).toBe('(root) — 2000 ms, 100.0%');
  });

  it('leaves out frames under 0.1% of the samples', () => {
    expect(frameNamed('tiny')).toBeUndefined();
    expect(frameNamed('small')).toBeDefined();
    expect(frames).toHaveLength(6);
  });

  it('labels a frame only with what fits inside it', () => {
    for (const { rect, text } of frames) {
      if (text !== undefined) expect(Array.from(String(text)).length * 6.6 + 6).toBeLessThanOrEqual(Number(rect.width));
    }
    expect(frameNamed('small')?.text).toBeUndefined();
  });

  it('colours frames by file', () => {
    expect(frameNamed('small')?.rect.fill).toBe(frameNamed('main')?.rect.fill);
    expect(frameNamed('costOf')?.rect.fill).not.toBe(frameNamed('alignByDp')?.rect.fill);
  });
});

describe('fitLabel', () => {
  it.each([
    ['alignByDp', 100, 'alignByDp'],
    ['alignByDp', 40, 'alig…'],
    ['alignByDp', 20, ''],
    ['\u{1D453}\u{1D454}\u{1D455}\u{1D456}\u{1D457}\u{1D458}', 40, '\u{1D453}\u{1D454}\u{1D455}\u{1D456}…'],
  ])('fits %s into %i pixels as %s', (name, widthPx, label) => {
    expect(fitLabel(name, widthPx)).toBe(label);
  });
});

describe('fileColours', () => {
  it('gives up to 18 of the project files 18 different colours, the same on every call', () => {
    const files = Array.from({ length: 18 }, (_, k) => `src/core/align/file-${k}.ts`);
    const colours = fileColours(files);
    expect(new Set(colours.values()).size).toBe(18);
    expect(fileColours(files)).toEqual(colours);
  });

  it('greys V8 entries without a file', () => {
    expect(fileColours(['']).get('')).toBe('#d4d4d4');
  });
});
