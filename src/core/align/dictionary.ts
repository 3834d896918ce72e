/**
 * A user's bilingual dictionary as alignment evidence. Accepted forms, one entry a line: TSV
 * `source<TAB>target`, or hunalign's `target @ source`. Multi-word entries add each word pair.
 */
import { InputError } from '../errors.js';
import { tokenize, type Lexicon } from './features.js';

/** A dictionary line in neither form; `line` (1-based) lets each interface name it in its own language. */
export class DictionaryLineError extends InputError {
  constructor(readonly line: number) {
    super(`dictionary line ${line}: expected "source<TAB>target" or "target @ source"`);
    this.name = 'DictionaryLineError';
  }
}

/** Parses a dictionary into folded target word → folded source words; throws {@link DictionaryLineError}. */
export function parseDictionary(text: string): Lexicon {
  const lexicon = new Map<string, string[]>();
  const add = (source: string, target: string): void => {
    const sourceWords = tokenize(source);
    const targetWords = tokenize(target);
    for (const t of targetWords) {
      const list = lexicon.get(t) ?? [];
      for (const s of sourceWords) if (s !== t && !list.includes(s)) list.push(s);
      if (list.length > 0) lexicon.set(t, list);
    }
  };
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (line.includes('\t')) {
      const [source, target] = line.split('\t');
      if (!source?.trim() || !target?.trim()) throw new DictionaryLineError(index + 1);
      add(source, target);
    } else if (line.includes(' @ ')) {
      const [target, source] = line.split(' @ ');
      if (!source?.trim() || !target?.trim()) throw new DictionaryLineError(index + 1);
      add(source, target);
    } else {
      throw new DictionaryLineError(index + 1);
    }
  });
  return lexicon;
}
