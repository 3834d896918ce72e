/**
 * The newest store lexicon learned for a direction, as an alignment uses it: read from the store on each job (one
 * small indexed read), parsed only when it changed, so a process shares one parsed copy among its jobs.
 */
import type { StoreLexicon } from '../core/align/store-lexicon.js';
import { parseStoreLexicon } from '../pipeline/store-lexicon-json.js';
import type { Store } from '../storage/store.js';
import type { LexiconDirection } from './store-lexicon-learning.js';

/** The version of the sample that trained the lexicon an alignment uses when no lexicon was learned yet. */
export const NO_STORE_LEXICON = 'none';

/** A lexicon ready for the aligner and the name of the sample it was learned from. */
export interface UsableStoreLexicon {
  /** TrainingSample.version of its sample ({@link NO_STORE_LEXICON} when none was learned yet). */
  version: string;
  /** The lexicon; null when none was learned yet or its sample was too small. */
  storeLexicon: StoreLexicon | null;
}

/** Reads the newest learned lexicon of each direction, keeping the last parsed one per direction. */
export class StoreLexiconReader {
  readonly #store: Store;
  readonly #parsed = new Map<string, UsableStoreLexicon>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The newest lexicon learned for `direction`, never waiting for one to be learned. */
  async newest(direction: LexiconDirection): Promise<UsableStoreLexicon> {
    const key = `${direction.sourceLanguage}>${direction.targetLanguage}`;
    const { sourceLanguage, targetLanguage } = direction;
    const stored = await this.#store.getNewestStoreLexicon(sourceLanguage, targetLanguage);
    if (stored === null) return { version: NO_STORE_LEXICON, storeLexicon: null };
    const held = this.#parsed.get(key);
    if (held?.version === stored.version) return held;
    // A newer one may have been stored between the two reads: whichever comes back is the newest then.
    const full = await this.#store.getNewestStoreLexicon(sourceLanguage, targetLanguage, true);
    if (full === null) return { version: NO_STORE_LEXICON, storeLexicon: null };
    const usable = { version: full.version, storeLexicon: parseStoreLexicon(full.lexiconJson ?? null) };
    this.#parsed.set(key, usable);
    return usable;
  }
}
