/**
 * Learning the store lexicon off the alignment path: a worker that has saved a pair asks for the lexicon of the
 * sample the store now offers when no worker has learned it yet; one learning job per sample learns it and stores it
 * for every worker, on any machine. Alignments use the newest lexicon learned so far and never wait for one.
 */
import { learnStoreLexicon } from '../core/align/store-lexicon.js';
import type { LanguageCode } from '../core/model.js';
import type { Config } from '../config.js';
import { serializeStoreLexicon } from '../pipeline/store-lexicon-json.js';
import {
  enqueueLexiconLearning,
  type LearnLexiconJobResult,
  type LexiconQueue,
} from '../queue/enqueue-lexicon-learning.js';
import type { Store, TrainingSampleRequest } from '../storage/store.js';

/** A direction of translation: the sample's source texts are in `sourceLanguage`. */
export interface LexiconDirection {
  sourceLanguage: LanguageCode;
  targetLanguage: LanguageCode;
}

/** The store sample that trains `direction`'s lexicon under the configuration's settings. */
export function trainingRequest(
  config: Pick<Config, 'lexiconUnits' | 'lexiconMinConfidence'>,
  direction: LexiconDirection,
  excludePairId?: string,
): TrainingSampleRequest {
  return {
    ...direction,
    minConfidence: config.lexiconMinConfidence,
    limit: config.lexiconUnits,
    ...(excludePairId === undefined ? {} : { excludePairId }),
    // The sample moves on every `lexiconUnits` new segments, not with every pair: its lexicon is learned once.
    stableEvery: Math.max(1, config.lexiconUnits),
  };
}

/**
 * Learns the lexicon of the sample the store offers now and stores it, unless a lexicon of that same sample is the
 * newest stored already (another worker learned it).
 */
export async function learnNewestStoreLexicon(
  store: Store,
  config: Pick<Config, 'lexiconUnits' | 'lexiconMinConfidence'>,
  direction: LexiconDirection,
): Promise<LearnLexiconJobResult> {
  const request = trainingRequest(config, direction);
  // The bound first: segments saved meanwhile can only make the sample newer than its bound says, never older.
  const sampleBound = await store.trainingSampleBound(request);
  const sample = await store.sampleTrainingPairs(request);
  const newest = await store.getNewestStoreLexicon(direction.sourceLanguage, direction.targetLanguage);
  if (newest?.version === sample.version) return { version: sample.version, learned: false, stored: false };
  const lexiconJson = serializeStoreLexicon(learnStoreLexicon(sample.pairs, sample.approved));
  const stored = await store.saveStoreLexicon({ ...direction, sampleBound, version: sample.version, lexiconJson });
  return { version: sample.version, learned: true, stored };
}

/**
 * Asks for the learning of the sample the store offers now when the newest stored lexicon (of bound `newestBound`,
 * 0 for none) was learned from an older one; answers whether it asked. Cheap: two indexed reads and a queue add.
 */
export async function requestLexiconLearning(
  store: Store,
  queue: LexiconQueue,
  config: Pick<Config, 'lexiconUnits' | 'lexiconMinConfidence' | 'lexiconMinIntervalMs'>,
  direction: LexiconDirection,
): Promise<boolean> {
  if (config.lexiconUnits === 0) return false;
  const bound = await sampleToLearn(store, config, direction);
  if (bound === null) return false;
  await enqueueLexiconLearning(queue, { ...direction, sampleBound: bound });
  return true;
}

/** The bound of the sample the store offers now if it is worth learning ({@link sampleWorthLearning}), else null. */
export async function sampleToLearn(
  store: Store,
  config: Pick<Config, 'lexiconUnits' | 'lexiconMinConfidence' | 'lexiconMinIntervalMs'>,
  direction: LexiconDirection,
): Promise<number | null> {
  const bound = await store.trainingSampleBound(trainingRequest(config, direction));
  const newest = await store.getNewestStoreLexicon(direction.sourceLanguage, direction.targetLanguage);
  const pace = {
    sinceNewestMs: newest === null ? Infinity : Date.now() - newest.learnedAt.getTime(),
    minIntervalMs: config.lexiconMinIntervalMs,
  };
  return sampleWorthLearning(newest?.sampleBound ?? 0, bound, config.lexiconUnits, pace) ? bound : null;
}

/** How long ago the newest lexicon was learned, and the least time between two learnings, in ms. */
export interface LearningPace {
  sinceNewestMs: number;
  minIntervalMs: number;
}

/**
 * Whether the sample up to `bound` should be learned when the newest lexicon was learned up to `newestBound` (0 for
 * none). A young store's sample moves with every pair, and it would learn after each one: it is learned again only
 * when the store has doubled since, a handful of times in all, since a few more pairs teach a lexicon of a few
 * thousand segments little. Once the store has passed `lexiconUnits` segments the sample moves in steps of that many
 * (see trainingRequest): a step is learned unless the newest lexicon is younger than `pace.minIntervalMs`. Each
 * learning reads and tokenizes the whole sample again, and under a steady stream of pairs a step came every dozen
 * pairs, a tenth of the workers' time; a busy store's lexicon now lags its newest segments by at most that interval.
 */
export function sampleWorthLearning(
  newestBound: number,
  bound: number,
  lexiconUnits: number,
  pace: LearningPace = { sinceNewestMs: Infinity, minIntervalMs: 0 },
): boolean {
  if (bound <= newestBound) return false;
  if (newestBound === 0) return true;
  if (bound < lexiconUnits) return bound >= 2 * newestBound;
  return pace.sinceNewestMs >= pace.minIntervalMs;
}
