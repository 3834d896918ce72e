/**
 * Cross-validation of the scoring weights that were chosen by sweeps on the development sets (TUNING.md): each
 * swept weight is tuned again on one set alone and the result is measured on the other set, so the table shows how
 * much of a development figure comes from fitting that very set. Text+Berg (German-French reports) and the novels
 * (English-French fiction) share no text, genre or language pair, which makes each the other's held-out set.
 */
import { DEFAULT_WEIGHTS, type ScoringWeights } from '../src/core/align/costs.js';
import { alignSentences } from '../src/core/align/sentences.js';
import { scoreAlignments } from '../src/core/eval/score-alignment.js';
import type { Bead, ScoredBead } from '../src/core/model.js';
import type { DevSet } from './dev-sets.js';
import { markdownHeader, markdownRow } from './markdown-table.js';

type TunedWeight = Exclude<keyof ScoringWeights, 'logPrior'>;

/**
 * The weights TUNING.md reports sweeps for, each with the values tried: the house value and its neighbours on the
 * same scale as the sweeps. One coordinate-ascent pass in this order (the order the sweeps were made in).
 */
const WEIGHT_GRID: ReadonlyArray<readonly [TunedWeight, readonly number[]]> = [
  ['lengthVariance', [4, 6.8, 10]],
  ['lexical', [4, 6, 8]],
  ['lexicalCenter', [0.3, 0.4, 0.5]],
  ['paragraph', [0, 1, 2]],
  ['punctuation', [0, 1, 2]],
  ['numberLeak', [0, 2, 4, 6]],
  ['ending', [0, 0.5, 0.75, 1]],
];

/** Strict F1 and the share of correct beads at confidence ≥ 0.9 of one set aligned with `weights`. */
interface SetScore {
  f1: number;
  confident: number;
  confidentCorrect: number;
}

function scoreSet(set: DevSet, weights: ScoringWeights): SetScore {
  let confident = 0;
  let confidentCorrect = 0;
  const pairs = set.documents.map((d) => {
    const test = alignSentences({
      source: d.source,
      target: d.target,
      sourceParagraphStarts: d.sourceParagraphStarts,
      targetParagraphStarts: d.targetParagraphStarts,
      weights,
    });
    const counts = countConfident(d.gold, test);
    confident += counts.confident;
    confidentCorrect += counts.correct;
    return { gold: d.gold, test };
  });
  return { f1: scoreAlignments(pairs).strict.f1, confident, confidentCorrect };
}

function countConfident(gold: readonly Bead[], test: readonly ScoredBead[]): { confident: number; correct: number } {
  const key = (b: Bead): string => `${b.source.join(',')}:${b.target.join(',')}`;
  const goldKeys = new Set(gold.map(key));
  const confident = test.filter((b) => b.confidence >= 0.9);
  return { confident: confident.length, correct: confident.filter((b) => goldKeys.has(key(b))).length };
}

/** The weights one coordinate-ascent pass over {@link WEIGHT_GRID} reaches on `set`, from the house weights. */
export function tuneWeightsOn(set: DevSet): ScoringWeights {
  let best = DEFAULT_WEIGHTS;
  let bestF1 = scoreSet(set, best).f1;
  for (const [name, values] of WEIGHT_GRID) {
    for (const value of values) {
      if (value === best[name]) continue;
      const candidate = { ...best, [name]: value };
      const f1 = scoreSet(set, candidate).f1;
      if (f1 > bestF1) [best, bestF1] = [candidate, f1];
    }
  }
  return best;
}

/** What moved from the house weights, e.g. "lexical 8, ending 0.5", or "none". */
function describeChanges(weights: ScoringWeights): string {
  const moved = WEIGHT_GRID.filter(([name]) => weights[name] !== DEFAULT_WEIGHTS[name]).map(
    ([name]) => `${name} ${weights[name]}`,
  );
  return moved.length > 0 ? moved.join(', ') : 'none';
}

/** A development set, the set its weights are tuned on when it is held out, and a label for both. */
export interface CrossValidationCase {
  set: DevSet;
  tunedOn: DevSet;
}

/**
 * The cross-validation table (Markdown lines): per set, strict F1 with the house weights, with weights tuned on the
 * set itself (the optimistic in-sample figure) and with weights tuned on the other set (the held-out figure), and
 * the accuracy of confidence ≥ 0.9 under the house and the held-out weights.
 */
export function crossValidationTable(cases: readonly CrossValidationCase[]): string[] {
  const tuned = new Map<DevSet, ScoringWeights>();
  const tunedFor = (set: DevSet): ScoringWeights => {
    const known = tuned.get(set);
    if (known) return known;
    const weights = tuneWeightsOn(set);
    tuned.set(set, weights);
    return weights;
  };
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    markdownHeader([
      'set',
      'house weights (swept on all dev sets)',
      'house: confidence ≥ 0.9 correct',
      'tuned on this set',
      'tuned on',
      'held out: tuned on the other set',
      'held out minus house',
      'held out: confidence ≥ 0.9 correct',
      'weights moved by the other set',
    ]),
  ];
  for (const { set, tunedOn } of cases) {
    const house = scoreSet(set, DEFAULT_WEIGHTS);
    const inSample = scoreSet(set, tunedFor(set));
    const otherWeights = tunedFor(tunedOn);
    const heldOut = scoreSet(set, otherWeights);
    const share = (s: SetScore): string =>
      `${s.confidentCorrect}/${s.confident} (${s.confident ? f(s.confidentCorrect / s.confident) : '-'})`;
    lines.push(
      markdownRow([
        set.name,
        f(house.f1),
        share(house),
        f(inSample.f1),
        tunedOn.name,
        `**${f(heldOut.f1)}**`,
        (heldOut.f1 - house.f1 >= 0 ? '+' : '') + f(heldOut.f1 - house.f1),
        share(heldOut),
        describeChanges(otherWeights),
      ]),
    );
  }
  return lines;
}
