/**
 * Deduplicates the whole-store TMX: units with the same two languages and the same two texts are one unit, the most
 * confident of them (the most recent among equals), carrying how many it stands for. Two passes over the store's
 * stream: the first keeps a 16-byte digest per distinct unit (about 100 bytes each in memory, some 100 MB for a
 * million distinct units), the second writes each distinct unit where its chosen copy comes.
 */
import { createHash } from 'node:crypto';
import type { StoredUnit } from '../storage/store.js';

/** A unit and the number of identical units it stands for, itself included. */
export type DedupedUnit = StoredUnit & { duplicates: number };

interface Best {
  /** `seq` of the copy kept. */
  seq: number;
  /** Its confidence. */
  confidence: number;
  /** Identical units seen. */
  count: number;
}

/** Streams one unit per distinct (languages, texts), reading the units twice through `read`. */
export async function* dedupeMemoryUnits(read: () => AsyncIterable<StoredUnit>): AsyncGenerator<DedupedUnit> {
  const best = new Map<string, Best>();
  for await (const unit of read()) {
    const key = unitKey(unit);
    const seen = best.get(key);
    if (seen === undefined) {
      best.set(key, { seq: unit.seq, confidence: unit.confidence, count: 1 });
      continue;
    }
    seen.count += 1;
    // Units stream in increasing seq: a later copy wins at equal confidence, being the more recent.
    if (unit.confidence >= seen.confidence) {
      seen.seq = unit.seq;
      seen.confidence = unit.confidence;
    }
  }
  for await (const unit of read()) {
    const chosen = best.get(unitKey(unit));
    if (chosen !== undefined && chosen.seq === unit.seq) yield { ...unit, duplicates: chosen.count };
  }
}

function unitKey(unit: StoredUnit): string {
  // NUL cannot occur in stored text (XML 1.0 forbids it and the API refuses it), so the fields cannot run together.
  return createHash('sha256')
    .update(`${unit.sourceLanguage}\0${unit.targetLanguage}\0${unit.sourceText}\0${unit.targetText}`)
    .digest('base64')
    .slice(0, 22);
}
