/**
 * The ONE contract suite every Store backend must pass; each backend's *.int.test.ts calls it with a factory.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alignment, LanguageCode } from '../../src/core/model.js';
import { buildParityReport, type ParityReport } from '../../src/core/qa/parity-report.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import {
  PairStatus,
  SEARCH_COUNT_LIMIT,
  type CreatePairInput,
  type DocumentFilter,
  type Store,
  type StoredUnit,
} from '../../src/storage/store.js';
import { StoreError, StoreErrorCode } from '../../src/storage/store-error.js';
import { applyEdits } from '../../src/core/review/apply-edits.js';
import type { EditOp, ReviewBead } from '../../src/core/review/review-model.js';
import { syntheticAlignment as syntheticAlignmentOf, type SyntheticShape } from '../../harness/synthetic-alignment.js';
import { pseudoRandom } from '../../harness/pseudo-random.js';

/** A fresh, migrated store and how to dispose of it (close and delete its file or schema). */
export interface StoreHandle {
  store: Store;
  dispose(): Promise<void>;
}

/** Opens a fresh, migrated store whose clock is `now`. */
export type StoreFactory = (options: { now: () => Date }) => Promise<StoreHandle>;

const corpusRoot = new URL('../../corpora/', import.meta.url);

interface CorpusPair {
  name: string;
  fr: Uint8Array;
  en: Uint8Array;
  alignment: Alignment;
  report: ParityReport;
}

async function loadCorpusPair(name: string, extension: 'md' | 'txt'): Promise<CorpusPair> {
  const read = (language: string): Buffer => readFileSync(new URL(`${name}/${language}.${extension}`, corpusRoot));
  const fr = read('fr');
  const en = read('en');
  const documents = await readDocumentPair(
    { bytes: fr, name: `fr.${extension}`, language: 'fr' },
    { bytes: en, name: `en.${extension}`, language: 'en' },
  );
  return { name, fr, en, ...alignDocumentPair(documents) };
}

// Read and aligned once for the whole suite: the pipeline is deterministic.
const note = await loadCorpusPair('un-note-ctoc-cop-2018', 'md');
const resolution = await loadCorpusPair('resolution-preamble', 'md');

function pairInput(pair: CorpusPair, extra: Partial<CreatePairInput> = {}): CreatePairInput {
  return {
    source: { name: `${pair.name}-fr.md`, bytes: pair.fr },
    target: { name: `${pair.name}-en.md`, bytes: pair.en },
    sourceLanguage: 'fr',
    targetLanguage: 'en',
    ...extra,
  };
}

function twoSided(alignment: Alignment): number {
  return alignment.sentences.filter((bead) => bead.source.length > 0 && bead.target.length > 0).length;
}

async function collect(units: AsyncIterable<StoredUnit>): Promise<StoredUnit[]> {
  const all: StoredUnit[] = [];
  for await (const unit of units) all.push(unit);
  return all;
}

/** ~300-character sentences whose texts say their language, tag and index ("fr A sentence 6 ééé…."). */
const CONTRACT_SHAPE: SyntheticShape = {
  sentenceText: (language, tag, index) =>
    `${language} ${tag} sentence ${index} `.padEnd(300, language === 'fr' ? 'é' : 'e') + '.',
  confidence: () => 0.9,
  symbol: (tag) => `SYN/${tag}`,
};

/** A synthetic alignment of `size` 1-1 sentence beads, ten sentences a block. */
function syntheticAlignment(size: number, tag: string): Alignment {
  return syntheticAlignmentOf(size, tag, CONTRACT_SHAPE);
}

/** Sentence beads as `[source indices, target indices, confidence]`. */
type BeadSpec = [number[], number[], number];

/**
 * A synthetic alignment of `sentences` sentences a side whose sentence beads are `beads`; `reversed` stores it as
 * English → French (the sentences keep their "fr"/"en" texts, so the texts tell which side is which).
 */
function alignmentOfBeads(tag: string, sentences: number, beads: BeadSpec[], reversed = false): Alignment {
  const base = syntheticAlignment(sentences, tag);
  const sides = reversed
    ? { source: { ...base.target, language: 'en' }, target: { ...base.source, language: 'fr' } }
    : base;
  return {
    ...base,
    ...sides,
    sentences: beads.map(([source, target, confidence]) => ({ source, target, confidence })),
  };
}

/** "fr A 6" for the synthetic sentence "fr A sentence 6 ééé…." (language, tag, index). */
function short(text: string): string {
  const match = /^(\w+) (\w+) sentence (\d+) /.exec(text);
  return match === null ? text : `${match[1]} ${match[2]} ${match[3]}`;
}

function exposeGc(): () => void {
  // vitest does not start node with --expose-gc; the flag set at run time shows `gc` in a new context.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Registers the contract suite for one backend. */
export function describeStoreContract(backend: string, factory: StoreFactory): void {
  describe(`Store contract: ${backend}`, () => {
    let clock = new Date('2024-01-01T00:00:00.000Z');
    const handles: StoreHandle[] = [];
    const open = async (): Promise<Store> => {
      clock = new Date('2024-01-01T00:00:00.000Z');
      const handle = await factory({ now: () => clock });
      handles.push(handle);
      return handle.store;
    };
    afterEach(async () => {
      for (const handle of handles.splice(0)) await handle.dispose();
    });

    it('migrates idempotently and answers ping', async () => {
      const store = await open();
      await store.migrate();
      await expect(store.ping()).resolves.toBeUndefined();
      // Writable, and the probe writes nothing.
      await expect(store.checkWritable()).resolves.toBeUndefined();
      expect((await store.listPairs({}, { limit: 1, offset: 0 })).total).toBe(0);
    });

    it('stores a pair with its files byte for byte and dedupes the same files', async () => {
      const store = await open();
      const binary = new Uint8Array([0xff, 0x00, 0xfe, 0x80]);
      const first = await store.createPair({
        ...pairInput(note, { collection: 'CTOC' }),
        source: { name: 'Réunion été.docx', bytes: binary },
      });
      expect(first.created).toBe(true);
      expect(first.pair).toMatchObject({
        status: PairStatus.queued,
        progress: 0,
        collection: 'CTOC',
        symbol: null,
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        sourceFileName: 'Réunion été.docx',
        sourceBytes: 4,
        counts: null,
        parity: null,
        failureReason: null,
      });
      expect(first.pair.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const files = await store.getPairFiles(first.pair.id);
      expect(Buffer.from(files?.source.bytes ?? [])).toEqual(Buffer.from(binary));
      expect(Buffer.from(files?.target.bytes ?? []).equals(Buffer.from(note.en))).toBe(true);
      expect(files?.target.name).toBe('un-note-ctoc-cop-2018-en.md');

      const again = await store.createPair({
        ...pairInput(note, { collection: 'other', id: 'ignored-id' }),
        source: { name: 'renamed.docx', bytes: binary },
        // Language tags compare case-insensitively.
        sourceLanguage: 'FR',
      });
      expect(again.created).toBe(false);
      expect(again.pair.id).toBe(first.pair.id);
      expect(again.pair.collection).toBe('CTOC');

      const swapped = await store.createPair({
        ...pairInput(note),
        source: { name: 'x', bytes: binary },
        sourceLanguage: 'en',
        targetLanguage: 'fr',
      });
      expect(swapped.created).toBe(true);
      expect((await store.listPairs({}, { limit: 10, offset: 0 })).total).toBe(2);
    });

    it('groups the pairs of a document of several versions under one id, the same for the same versions', async () => {
      const store = await open();
      const ru = await store.createPair({ ...pairInput(note), sourceLanguage: 'ru', targetLanguage: 'en' });
      const es = await store.createPair({ ...pairInput(resolution), sourceLanguage: 'es', targetLanguage: 'en' });
      const input = {
        pivotLanguage: 'en',
        collection: 'CTOC',
        symbol: 'CTOC/COP/2018/1',
        versions: [
          { language: 'ru', fileName: 'доклад.ru.docx', pairId: ru.pair.id },
          { language: 'en', fileName: 'report.en.docx', pairId: null },
          { language: 'es', fileName: 'informe.es.docx', pairId: es.pair.id },
        ],
      };
      const first = await store.createDocument(input);
      expect(first.created).toBe(true);
      expect(first.document).toMatchObject({ pivotLanguage: 'en', collection: 'CTOC', symbol: 'CTOC/COP/2018/1' });
      expect(first.document.versions.map((v) => [v.language, v.fileName, v.pairId])).toEqual([
        ['en', 'report.en.docx', null],
        ['es', 'informe.es.docx', es.pair.id],
        ['ru', 'доклад.ru.docx', ru.pair.id],
      ]);
      expect(await store.getDocument(first.document.id)).toEqual(first.document);
      expect(await store.getDocumentOfPair(es.pair.id)).toEqual(first.document);
      const alone = await store.createPair(pairInput(note));
      expect(await store.getDocumentOfPair(alone.pair.id)).toBeNull();
      const again = await store.createDocument({ ...input, collection: null });
      expect(again).toEqual({ document: first.document, created: false });
      // A version goes with its pair.
      await store.deletePair(ru.pair.id);
      expect((await store.getDocument(first.document.id))?.versions.map((v) => v.language)).toEqual(['en', 'es']);
      expect(await store.getDocument('no-such-document')).toBeNull();
      await expect(
        store.createDocument({
          ...input,
          versions: [...input.versions, { language: 'es', fileName: 'x', pairId: null }],
        }),
      ).rejects.toMatchObject({ code: StoreErrorCode.badArgument });
      await expect(store.createDocument({ ...input, pivotLanguage: 'fr' })).rejects.toBeInstanceOf(StoreError);
    });

    it('lists documents by the languages they hold, collection, symbol, date and scope, oldest first', async () => {
      const store = await open();
      const documentOf = async (
        day: number,
        languages: readonly LanguageCode[],
        collection: string | null,
        symbol: string | null,
      ): Promise<string> => {
        clock = new Date(Date.UTC(2024, 0, 1 + day));
        const versions = [{ language: 'en', fileName: 'en.txt', pairId: null as string | null }];
        for (const language of languages) {
          const { pair } = await store.createPair({
            ...pairInput(note),
            source: { name: `${language}.txt`, bytes: new Uint8Array(Buffer.from(`${day} ${language}`)) },
            sourceLanguage: language,
            targetLanguage: 'en',
          });
          versions.push({ language, fileName: `${language}.txt`, pairId: pair.id });
        }
        return (await store.createDocument({ pivotLanguage: 'en', collection, symbol, versions })).document.id;
      };
      const frEs = await documentOf(0, ['fr', 'es'], 'CTOC', 'CTOC/COP/2018/1');
      const frRu = await documentOf(1, ['fr', 'ru'], 'UNODC', 'E/CN.7/2024/1');
      const es = await documentOf(2, ['es'], null, null);
      const ids = async (filter: DocumentFilter, page = { limit: 10, offset: 0 }): Promise<string[]> =>
        (await store.listDocuments(filter, page)).items.map((document) => document.id);
      expect(await ids({})).toEqual([frEs, frRu, es]);
      expect(await ids({ languages: ['fr', 'es'] })).toEqual([frEs]);
      expect(await ids({ languages: ['ES', 'en'] })).toEqual([frEs, es]);
      expect(await ids({ languages: ['zh'] })).toEqual([]);
      expect(await ids({ collection: 'CTOC' })).toEqual([frEs]);
      expect(await ids({ symbolPrefix: 'E/CN.7/' })).toEqual([frRu]);
      expect(await ids({ symbolPrefix: 'e/cn.7/' })).toEqual([]);
      expect(await ids({ from: new Date(Date.UTC(2024, 0, 2)) })).toEqual([frRu, es]);
      expect(await ids({ to: new Date(Date.UTC(2024, 0, 2)) })).toEqual([frEs]);
      expect(await ids({ collections: ['UNODC', 'other'] })).toEqual([frRu]);
      expect(await ids({ collections: [] })).toEqual([]);
      const page = await store.listDocuments({}, { limit: 2, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items.map((document) => document.id)).toEqual([frRu, es]);
      expect(page.items[0]?.versions.map((version) => version.language)).toEqual(['en', 'fr', 'ru']);
    });

    it('stores a dictionary with the files, and a different dictionary makes a different pair', async () => {
      const store = await open();
      const dictionary = {
        name: 'Termes été.tsv',
        bytes: new Uint8Array(Buffer.from('\ufeffconférence\tconference\n')),
      };
      const plain = await store.createPair(pairInput(note));
      const withDictionary = await store.createPair(pairInput(note, { dictionary }));
      expect(withDictionary.created).toBe(true);
      expect(withDictionary.pair.id).not.toBe(plain.pair.id);
      expect(withDictionary.pair.contentHash).not.toBe(plain.pair.contentHash);
      expect(plain.pair.hasDictionary).toBe(false);
      expect(withDictionary.pair.hasDictionary).toBe(true);
      expect((await store.getPair(withDictionary.pair.id))?.hasDictionary).toBe(true);
      const listed = await store.listPairs({}, { limit: 10, offset: 0 });
      expect(listed.items.map((pair) => pair.hasDictionary).sort()).toEqual([false, true]);

      const files = await store.getPairFiles(withDictionary.pair.id);
      expect(files?.dictionary?.name).toBe('Termes été.tsv');
      expect(Buffer.from(files?.dictionary?.bytes ?? []).equals(Buffer.from(dictionary.bytes))).toBe(true);
      expect(Buffer.from(files?.source.bytes ?? []).equals(Buffer.from(note.fr))).toBe(true);
      expect((await store.getPairFiles(plain.pair.id))?.dictionary).toBeUndefined();

      const sameDictionary = await store.createPair(
        pairInput(note, { dictionary: { name: 'renamed.txt', bytes: dictionary.bytes } }),
      );
      expect(sameDictionary).toMatchObject({ created: false, pair: { id: withDictionary.pair.id } });
      const otherDictionary = await store.createPair(
        pairInput(note, {
          dictionary: { name: dictionary.name, bytes: new Uint8Array(Buffer.from('conférence\tmeeting\n')) },
        }),
      );
      expect(otherDictionary.created).toBe(true);
      expect(new Set([plain, withDictionary, otherDictionary].map(({ pair }) => pair.contentHash)).size).toBe(3);
      const noDictionaryAgain = await store.createPair(pairInput(note));
      expect(noDictionaryAgain).toMatchObject({ created: false, pair: { id: plain.pair.id, hasDictionary: false } });
      expect(await store.deletePair(withDictionary.pair.id)).toBe(true);
      expect(await store.getPairFiles(withDictionary.pair.id)).toBeNull();
    });

    it('keeps the text read from each file beside it, and none for a pair stored without it', async () => {
      const store = await open();
      const extracted = {
        source: { text: '# Note\n\n1. Réunion été — 第一条.\n', format: 'markdown' as const },
        target: { text: '1. Summer meeting.\n', format: 'text' as const },
      };
      const withText = await store.createPair({ ...pairInput(note), extracted });
      expect((await store.getPairFiles(withText.pair.id))?.extracted).toEqual(extracted);
      // Derived from the bytes, so not part of the pair's identity: the same files without it are the same pair.
      const again = await store.createPair(pairInput(note));
      expect(again).toMatchObject({ created: false, pair: { id: withText.pair.id } });
      const other = await store.createPair({
        ...pairInput(note),
        source: { name: 'other.md', bytes: new Uint8Array(Buffer.from('1. Autre texte.\n')) },
      });
      expect(other.created).toBe(true);
      expect((await store.getPairFiles(other.pair.id))?.extracted).toBeUndefined();
    });

    it('hashes a pair without a dictionary as before dictionaries, so old pairs still deduplicate', async () => {
      const store = await open();
      const { pair } = await store.createPair({
        source: { name: 'fr.txt', bytes: new Uint8Array(Buffer.from('1. Le texte.\n')) },
        target: { name: 'en.txt', bytes: new Uint8Array(Buffer.from('1. The text.\n')) },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      // SHA-256 of the four length-prefixed parts (languages, then files), as stored before migration 003.
      expect(pair.contentHash).toBe('b8ad7aaae4c9a6724ef7bfd7971770a1135c69d6ab337ec2c6c97ea9b963fe90');
    });

    it('keeps a caller-chosen id and refuses it for other files', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note, { id: 'job-42' }));
      expect(pair.id).toBe('job-42');
      const error = await store.createPair(pairInput(resolution, { id: 'job-42' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe(StoreErrorCode.conflict);
      expect(await store.getPair('no-such-pair')).toBeNull();
      expect(await store.getPairFiles('no-such-pair')).toBeNull();
    });

    it('moves through status transitions with progress and a failure reason', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      clock = new Date('2024-01-01T00:05:00.000Z');
      expect(await store.updateStatus(pair.id, PairStatus.parsing, 10.4)).toMatchObject({
        status: 'parsing',
        progress: 10,
      });
      expect(await store.updateStatus(pair.id, PairStatus.aligning, 55.5)).toMatchObject({
        status: 'aligning',
        progress: 56,
      });
      const failed = await store.updateStatus(pair.id, PairStatus.failed, 56, 'The French file is empty.');
      expect(failed).toMatchObject({ status: 'failed', failureReason: 'The French file is empty.' });
      expect(failed?.updatedAt.toISOString()).toBe('2024-01-01T00:05:00.000Z');
      expect(failed?.createdAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
      // A retried job goes back to work; the old reason must not linger.
      expect(await store.updateStatus(pair.id, PairStatus.parsing, 0)).toMatchObject({
        status: 'parsing',
        failureReason: null,
      });
      expect(await store.updateStatus('no-such-pair', PairStatus.parsing, 0)).toBeNull();
      await expect(store.updateStatus(pair.id, PairStatus.parsing, 101)).rejects.toThrow(StoreError);
      await expect(store.updateStatus(pair.id, 'paused' as PairStatus, 1)).rejects.toThrow(StoreError);
    });

    it('saves an alignment of a corpus pair with its report and marks the pair done', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      await store.saveAlignment(pair.id, note.alignment, note.report);
      const saved = await store.getPair(pair.id);
      expect(saved).toMatchObject({
        status: 'done',
        progress: 100,
        parity: note.report.parity,
        symbol: note.alignment.source.meta.symbol ?? note.alignment.target.meta.symbol,
        counts: {
          sourceBlocks: note.alignment.source.blocks.length,
          targetBlocks: note.alignment.target.blocks.length,
          sourceSentences: note.alignment.source.sentences.length,
          targetSentences: note.alignment.target.sentences.length,
          blockBeads: note.alignment.blocks.length,
          sentenceBeads: note.alignment.sentences.length,
        },
      });
      expect(await store.getReport(pair.id)).toEqual(note.report);
      expect(await store.loadAlignment(pair.id)).toEqual(note.alignment);

      // Paging through the block beads meets every block bead and every sentence bead exactly once, in order.
      const blockIndices: number[] = [];
      const segmentIndices: number[] = [];
      for (let offset = 0; ; offset += 3) {
        const page = await store.getAlignment(pair.id, { limit: 3, offset });
        expect(page?.total).toBe(note.alignment.blocks.length);
        if (page === null || page.items.length === 0) break;
        for (const bead of page.items) {
          blockIndices.push(bead.index);
          expect(bead.confidence).toBe(note.alignment.blocks[bead.index]?.confidence);
          for (const segment of bead.segments) {
            segmentIndices.push(segment.index);
            expect(segment.blockBead).toBe(bead.index);
            expect(segment.sourceSentences).toEqual(note.alignment.sentences[segment.index]?.source);
          }
        }
      }
      expect(blockIndices).toEqual(note.alignment.blocks.map((_, i) => i));
      expect(segmentIndices).toEqual(note.alignment.sentences.map((_, i) => i));
      const firstPage = await store.getAlignment(pair.id, { limit: 100, offset: 0 });
      const firstSegment = firstPage?.items
        .flatMap((bead) => bead.segments)
        .find((s) => s.sourceText !== '' && s.targetText !== '');
      const firstBead = note.alignment.sentences[firstSegment?.index ?? -1];
      expect(firstSegment?.sourceText).toBe(
        firstBead?.source.map((i) => note.alignment.source.sentences[i]?.text).join(' '),
      );
    });

    it('answers null or not-found for a pair that has no alignment', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      expect(await store.getAlignment(pair.id, { limit: 10, offset: 0 })).toBeNull();
      expect(await store.getReport(pair.id)).toBeNull();
      expect(await store.loadAlignment(pair.id)).toBeNull();
      const error = await store.saveAlignment('no-such-pair', note.alignment, note.report).catch((e: unknown) => e);
      expect((error as StoreError).code).toBe(StoreErrorCode.notFound);
      await expect(store.getAlignment(pair.id, { limit: 0, offset: 0 })).rejects.toThrow(StoreError);
    });

    it('replaces, never duplicates, when a job saves again', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      await store.saveAlignment(pair.id, note.alignment, note.report);
      await store.saveAlignment(pair.id, note.alignment, note.report);
      const units = await collect(store.streamUnits({ pairId: pair.id }));
      expect(units).toHaveLength(twoSided(note.alignment));
      expect(new Set(units.map((u) => u.index)).size).toBe(units.length);
      // A different result for the same pair replaces the first entirely.
      const small = syntheticAlignment(5, 'retry');
      await store.saveAlignment(pair.id, small, buildParityReport(small));
      expect(await collect(store.streamUnits({ pairId: pair.id }))).toHaveLength(5);
      expect((await store.getAlignment(pair.id, { limit: 100, offset: 0 }))?.total).toBe(1);
      // The pair had no symbol: the documents' one fills it.
      expect((await store.getPair(pair.id))?.symbol).toBe('SYN/retry');
    });

    // Each save builds its rows before its transaction, for the version it expects: the one that loses the race
    // for the pair must build them again for the version it gets.
    it('keeps the second of two racing saves whole, under the version it got', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      const small = syntheticAlignment(5, 'race');
      await Promise.all([
        store.saveAlignment(pair.id, note.alignment, note.report),
        store.saveAlignment(pair.id, small, buildParityReport(small)),
      ]);
      expect((await store.listAlignmentVersions(pair.id)).map((summary) => summary.version)).toEqual([2]);
      const page = await store.getAlignment(pair.id, { limit: 1000, offset: 0 });
      expect(page?.version).toBe(2);
      const units = await collect(store.streamUnits({ pairId: pair.id }));
      const stored = (await store.loadAlignment(pair.id))?.sentences.length;
      // Whichever save came second stands, whole: its units, its beads, its alignment.
      expect([5, twoSided(note.alignment)]).toContain(units.length);
      expect(page?.items.length).toBe(units.length === 5 ? small.blocks.length : note.alignment.blocks.length);
      expect(stored).toBe(units.length === 5 ? small.sentences.length : note.alignment.sentences.length);
    });

    // SQLite writes rows in statements of 128, 64 ... 1 rows: every count must come out whole and in order.
    it.each([1, 127, 128, 129, 391])('stores all %i sentence beads of a save, in order', async (size) => {
      const store = await open();
      const tag = `count${size}`;
      const alignment = syntheticAlignment(size, tag);
      const { pair } = await store.createPair({
        source: { name: 'fr', bytes: Buffer.from(`${tag} fr`) },
        target: { name: 'en', bytes: Buffer.from(`${tag} en`) },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
      const units = await collect(store.streamUnits({ pairId: pair.id }));
      expect(units.map((unit) => [unit.index, short(unit.sourceText), short(unit.targetText)])).toEqual(
        Array.from({ length: size }, (_, index) => [index, `fr ${tag} ${index}`, `en ${tag} ${index}`]),
      );
      const page = await store.getAlignment(pair.id, { limit: 1000, offset: 0 });
      expect(page?.items.map((bead) => bead.index)).toEqual(alignment.blocks.map((_, index) => index));
    });

    it('writes nothing when a save fails midway', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      // The last segment breaks the confidence CHECK after the blocks and most segments were inserted.
      const broken = syntheticAlignment(1200, 'broken');
      const last = broken.sentences.at(-1);
      if (last === undefined) throw new Error('the synthetic alignment has sentences');
      last.confidence = 2;
      await expect(store.saveAlignment(pair.id, broken, buildParityReport(broken))).rejects.toThrow();
      expect(await store.getPair(pair.id)).toMatchObject({ status: 'queued', counts: null, symbol: null });
      expect(await store.getAlignment(pair.id, { limit: 10, offset: 0 })).toBeNull();
      expect(await collect(store.streamUnits({ pairId: pair.id }))).toHaveLength(0);

      // A failing retry leaves the earlier result whole.
      await store.saveAlignment(pair.id, note.alignment, note.report);
      await expect(store.saveAlignment(pair.id, broken, buildParityReport(broken))).rejects.toThrow();
      expect(await collect(store.streamUnits({ pairId: pair.id }))).toHaveLength(twoSided(note.alignment));
      expect(await store.getReport(pair.id)).toEqual(note.report);
      expect((await store.getPair(pair.id))?.counts?.sentenceBeads).toBe(note.alignment.sentences.length);
    });

    it('lists pairs newest first, filtered and paginated', async () => {
      const store = await open();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        clock = new Date(Date.UTC(2024, 0, 1 + i));
        const alignment = syntheticAlignment(3, `list${i}`);
        const { pair } = await store.createPair({
          source: { name: `${i}.fr.txt`, bytes: Buffer.from(`fr ${i}`) },
          target: { name: `${i}.en.txt`, bytes: Buffer.from(`en ${i}`) },
          sourceLanguage: 'fr',
          targetLanguage: 'en',
          collection: i % 2 === 0 ? 'even' : 'odd',
          symbol: `A/RES/${i}`,
        });
        ids.push(pair.id);
        if (i < 3) await store.saveAlignment(pair.id, alignment, { ...buildParityReport(alignment), parity: i !== 1 });
      }
      const all = await store.listPairs({}, { limit: 2, offset: 0 });
      expect(all.total).toBe(5);
      expect(all.items.map((p) => p.id)).toEqual([ids[4], ids[3]]);
      expect((await store.listPairs({}, { limit: 2, offset: 4 })).items.map((p) => p.id)).toEqual([ids[0]]);
      expect((await store.listPairs({ collection: 'even' }, { limit: 10, offset: 0 })).items.map((p) => p.id)).toEqual([
        ids[4],
        ids[2],
        ids[0],
      ]);
      expect((await store.listPairs({ symbol: 'A/RES/3' }, { limit: 10, offset: 0 })).items.map((p) => p.id)).toEqual([
        ids[3],
      ]);
      // The uploader's symbol wins over the one the documents state.
      expect((await store.listPairs({ symbol: 'A/RES/0' }, { limit: 10, offset: 0 })).items.map((p) => p.id)).toEqual([
        ids[0],
      ]);
      expect((await store.listPairs({ status: 'done' }, { limit: 10, offset: 0 })).total).toBe(3);
      expect((await store.listPairs({ status: 'queued' }, { limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.listPairs({ parity: false }, { limit: 10, offset: 0 })).items.map((p) => p.id)).toEqual([
        ids[1],
      ]);
      expect((await store.listPairs({ parity: true, collection: 'even' }, { limit: 10, offset: 0 })).total).toBe(2);
      await expect(store.listPairs({}, { limit: 1, offset: -1 })).rejects.toThrow(StoreError);
      const scoped = await store.listPairs({ collections: ['odd', 'none'] }, { limit: 10, offset: 0 });
      expect(scoped.items.map((p) => p.id)).toEqual([ids[3], ids[1]]);
      expect(scoped.total).toBe(2);
      expect((await store.listPairs({ collections: [] }, { limit: 10, offset: 0 })).total).toBe(0);
      expect(
        (await store.listPairs({ collections: ['odd'], collection: 'even' }, { limit: 10, offset: 0 })).total,
      ).toBe(0);
    });

    it('keeps accounts by hash: tokens and passwords found while active, revoked names never reused', async () => {
      const store = await open();
      const alice = await store.createUser({
        name: 'alice',
        role: 'translator',
        collections: ['CTOC', 'GA'],
        tokenId: 'id-alice',
        tokenHash: 'hash-alice',
      });
      expect(alice).toMatchObject({
        name: 'alice',
        role: 'translator',
        collections: ['CTOC', 'GA'],
        hasPassword: false,
      });
      expect(alice.revokedAt).toBeNull();
      await store.createUser({ name: 'root', role: 'admin', collections: null, tokenId: 'id-root', tokenHash: 'h' });
      await expect(
        store.createUser({ name: 'alice', role: 'admin', collections: null, tokenId: 'id-2', tokenHash: 'h' }),
      ).rejects.toMatchObject({ code: StoreErrorCode.conflict });
      expect((await store.listUsers()).map((user) => [user.name, user.role, user.collections])).toEqual([
        ['alice', 'translator', ['CTOC', 'GA']],
        ['root', 'admin', null],
      ]);
      expect(await store.findTokenCredential('id-alice')).toMatchObject({
        hash: 'hash-alice',
        user: { name: 'alice' },
      });
      expect(await store.findTokenCredential('id-nobody')).toBeNull();

      expect(await store.findPasswordCredential('alice')).toBeNull();
      expect(await store.setPasswordHash('alice', 'scrypt-hash')).toBe(true);
      expect(await store.setPasswordHash('nobody', 'x')).toBe(false);
      expect(await store.findPasswordCredential('alice')).toMatchObject({
        hash: 'scrypt-hash',
        user: { name: 'alice', hasPassword: true },
      });

      await store.createSession('session-1', 'alice', new Date(clock.getTime() + 60_000));
      expect((await store.findSessionUser('session-1'))?.name).toBe('alice');
      expect(await store.revokeUser('alice')).toBe(true);
      expect(await store.revokeUser('alice')).toBe(false);
      expect(await store.revokeUser('nobody')).toBe(false);
      expect(await store.findTokenCredential('id-alice')).toBeNull();
      expect(await store.findPasswordCredential('alice')).toBeNull();
      expect(await store.findSessionUser('session-1')).toBeNull();
      expect(await store.setPasswordHash('alice', 'again')).toBe(false);
      expect((await store.getUser('alice'))?.revokedAt).toEqual(clock);
      expect(await store.getUser('nobody')).toBeNull();
      await expect(
        store.createUser({ name: 'alice', role: 'translator', collections: [], tokenId: 'id-3', tokenHash: 'h' }),
      ).rejects.toThrow(StoreError);
    });

    it('ends sessions at their expiry by the store clock, or when deleted', async () => {
      const store = await open();
      await store.createUser({ name: 'bob', role: 'reviewer', collections: [], tokenId: 'id-bob', tokenHash: 'h' });
      await store.createSession('s-short', 'bob', new Date(clock.getTime() + 1000));
      await store.createSession('s-long', 'bob', new Date(clock.getTime() + 3_600_000));
      expect((await store.findSessionUser('s-short'))?.collections).toEqual([]);
      clock = new Date(clock.getTime() + 1000);
      expect(await store.findSessionUser('s-short')).toBeNull();
      expect((await store.findSessionUser('s-long'))?.name).toBe('bob');
      await store.deleteSession('s-long');
      await store.deleteSession('s-unknown');
      expect(await store.findSessionUser('s-long')).toBeNull();
    });

    it('appends audit rows stamped by the store clock, lists newest first, streams oldest first', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note, { collection: 'CTOC' }));
      const actions = ['upload', 'export', 'sign-in', 'sign-in-failed', 'export', 'delete'] as const;
      for (const [i, action] of actions.entries()) {
        clock = new Date(Date.UTC(2024, 2, 1 + i));
        const row = await store.appendAudit({
          actor: i === 3 ? null : i % 2 === 0 ? 'alice' : 'bob',
          action,
          pairId: action === 'upload' || action === 'delete' ? pair.id : null,
          collection: 'CTOC',
          detail: `step ${i}`,
          address: '127.0.0.1',
        });
        expect(row).toMatchObject({ action, at: clock, detail: `step ${i}` });
      }
      await expect(store.appendAudit({ actor: 'x', action: 'rename' as 'upload' })).rejects.toThrow(StoreError);
      expect(await store.deletePair(pair.id)).toBe(true);

      const page = await store.listAudit({}, { limit: 4, offset: 0 });
      expect(page.total).toBe(6);
      expect(page.items.map((row) => row.detail)).toEqual(['step 5', 'step 4', 'step 3', 'step 2']);
      expect(page.items[2]?.actor).toBeNull();
      // The trail outlives the pair it tells of.
      expect((await store.listAudit({ pairId: pair.id }, { limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.listAudit({ action: 'export' }, { limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.listAudit({ actor: 'alice', action: 'export' }, { limit: 10, offset: 0 })).total).toBe(1);
      const window = { from: new Date(Date.UTC(2024, 2, 2)), to: new Date(Date.UTC(2024, 2, 4)) };
      expect((await store.listAudit(window, { limit: 10, offset: 0 })).items.map((row) => row.detail)).toEqual([
        'step 2',
        'step 1',
      ]);
      const streamed: string[] = [];
      for await (const row of store.streamAudit({ collection: 'CTOC' }, { batchSize: 4 }))
        streamed.push(row.detail ?? '');
      expect(streamed).toEqual(actions.map((_, i) => `step ${i}`));
      const seqs = page.items.map((row) => row.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    });

    it('streams units in seq order with every filter, whatever the batch size', async () => {
      const store = await open();
      const saved: Array<{ id: string; alignment: Alignment }> = [];
      for (const [i, collection] of ['UNODC', 'UNODC', 'GA'].entries()) {
        clock = new Date(Date.UTC(2024, 1, 1 + i));
        const alignment = syntheticAlignment(25, `s${i}`);
        alignment.sentences.forEach((bead, k) => (bead.confidence = k % 5 === 0 ? 0.2 : 0.9));
        // One-sided beads are no units.
        alignment.sentences.push({ source: [], target: [], confidence: 0.1 });
        const { pair } = await store.createPair({
          source: { name: 'fr', bytes: Buffer.from(`stream ${i} fr`) },
          target: { name: 'en', bytes: Buffer.from(`stream ${i} en`) },
          sourceLanguage: 'fr',
          targetLanguage: 'en',
          collection,
          symbol: ['CTOC/COP/2018/1', 'CTOC/COP/2020/2', 'A/RES/70/1'][i] ?? null,
        });
        await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
        saved.push({ id: pair.id, alignment });
      }
      const all = await collect(store.streamUnits({}, { batchSize: 7 }));
      expect(all).toHaveLength(75);
      expect(all.every((u, k) => k === 0 || u.seq > (all[k - 1]?.seq ?? Infinity))).toBe(true);
      expect(all.map((u) => `${u.pairId}:${u.index}`)).toEqual(
        saved.flatMap(({ id }) => Array.from({ length: 25 }, (_, k) => `${id}:${k}`)),
      );
      expect(await collect(store.streamUnits({}, { batchSize: 1000 }))).toEqual(all);
      expect(all[0]).toMatchObject({
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        symbol: 'CTOC/COP/2018/1',
        collection: 'UNODC',
        label: '1',
      });
      expect(all[0]?.sourceText).toMatch(/^fr s0 sentence 0 é+\.$/);

      const count = async (filter: Parameters<Store['streamUnits']>[0]): Promise<number> =>
        (await collect(store.streamUnits(filter, { batchSize: 4 }))).length;
      expect(await count({ collection: 'UNODC' })).toBe(50);
      expect(await count({ symbolPrefix: 'CTOC/COP/' })).toBe(50);
      expect(await count({ symbolPrefix: 'CTOC/COP/2020' })).toBe(25);
      // Case-sensitive prefix, and % is no wildcard.
      expect(await count({ symbolPrefix: 'ctoc' })).toBe(0);
      expect(await count({ symbolPrefix: '%' })).toBe(0);
      expect(await count({ from: new Date(Date.UTC(2024, 1, 2)) })).toBe(50);
      expect(await count({ from: new Date(Date.UTC(2024, 1, 2)), to: new Date(Date.UTC(2024, 1, 3)) })).toBe(25);
      expect(await count({ minConfidence: 0.5 })).toBe(60);
      expect(await count({ pairId: saved[2]?.id ?? '', minConfidence: 0.5 })).toBe(20);
      expect(await count({ collection: 'GA', symbolPrefix: 'CTOC' })).toBe(0);
      expect(await count({ collections: ['GA', 'other'] })).toBe(25);
      expect(await count({ collections: ['GA', 'UNODC'], minConfidence: 0.5 })).toBe(60);
      expect(await count({ collections: [] })).toBe(0);
    });

    it('finds Chinese phrases by their characters in sequence, and Arabic words', async () => {
      const store = await open();
      const { pair } = await store.createPair({
        source: { name: 'zh', bytes: Buffer.from('水') },
        target: { name: 'ar', bytes: Buffer.from('ماء') },
        sourceLanguage: 'zh',
        targetLanguage: 'ar',
      });
      const texts: Record<string, string[]> = {
        zh: ['请各国分享关于水质的数据；', '决定于2022年举行下次会议。'],
        ar: ['دعوة الدول إلى تبادل البيانات المتعلقة بنوعية المياه؛', 'تقرير عقد اجتماعه المقبل في عام 2022.'],
      };
      const alignment = syntheticAlignmentOf(2, 'zh', {
        sentenceText: (language, _tag, index) => texts[language === 'fr' ? 'zh' : 'ar']?.[index] ?? '',
        confidence: () => 0.9,
        symbol: () => 'ZH/AR/1',
      });
      const languaged: Alignment = {
        ...alignment,
        source: { ...alignment.source, language: 'zh' },
        target: { ...alignment.target, language: 'ar' },
      };
      await store.saveAlignment(pair.id, languaged, buildParityReport(languaged));
      const page = { limit: 10, offset: 0 };
      expect((await store.searchSegments('水质', 'zh', page)).items).toEqual([
        expect.objectContaining({ text: texts['zh']?.[0], otherLanguage: 'ar', otherText: texts['ar']?.[0] }),
      ]);
      expect((await store.searchSegments('2022年举行', 'zh', page)).total).toBe(1);
      // Characters in sequence only: 质水 is not in the text.
      expect((await store.searchSegments('质水', 'zh', page)).total).toBe(0);
      expect((await store.searchSegments('بنوعية المياه', 'ar', page)).items).toEqual([
        expect.objectContaining({ language: 'ar', otherText: texts['zh']?.[0] }),
      ]);
    });

    it('finds segments by whole words, ignoring case and accents, in the asked language', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note, { collection: 'CTOC' }));
      await store.saveAlignment(pair.id, note.alignment, note.report);
      const { pair: reversed } = await store.createPair({
        source: { name: 'en', bytes: Buffer.from('Reversed 50% of the TRAFFICKING_IN_PERSONS report.') },
        target: { name: 'fr', bytes: Buffer.from('Inversé') },
        sourceLanguage: 'en',
        targetLanguage: 'fr',
      });
      const small = syntheticAlignment(1, 'rev');
      const swapped: Alignment = {
        ...small,
        source: { ...small.target, language: 'en' },
        target: { ...small.source, language: 'fr' },
      };
      const en = swapped.source.sentences[0];
      const fr = swapped.target.sentences[0];
      if (en === undefined || fr === undefined) throw new Error('one sentence a side');
      en.text = 'Reversed 50% of the TRAFFICKING_IN_PERSONS report.';
      fr.text = 'ÉTAT DES LIEUX inversé des stupéfiants.';
      await store.saveAlignment(reversed.id, swapped, buildParityReport(swapped));

      const hits = await store.searchSegments('NATIONS UNIES', 'fr', { limit: 100, offset: 0 });
      expect(hits.total).toBeGreaterThan(0);
      expect(hits.items).toHaveLength(hits.total);
      for (const hit of hits.items) {
        expect(hit.text.toLowerCase()).toContain('nations unies');
        expect(hit).toMatchObject({
          language: 'fr',
          otherLanguage: 'en',
          pairId: pair.id,
          symbol: note.alignment.source.meta.symbol,
        });
      }
      // Accented capitals fold too, and French is the target side of the reversed pair.
      expect((await store.searchSegments('état des', 'fr', { limit: 10, offset: 0 })).items).toEqual([
        expect.objectContaining({
          pairId: reversed.id,
          text: 'ÉTAT DES LIEUX inversé des stupéfiants.',
          otherText: en.text,
          otherLanguage: 'en',
        }),
      ]);
      // Searching English does not look at French text.
      expect((await store.searchSegments('état des', 'en', { limit: 10, offset: 0 })).total).toBe(0);
      // Accents and case do not matter, either way round.
      for (const query of ['etat des', 'ÉTAT DES', 'Etat  des', 'lieux INVERSE'])
        expect((await store.searchSegments(query, 'fr', { limit: 10, offset: 0 })).total, query).toBe(1);
      const plain = await store.searchSegments('stupefiants', 'fr', { limit: 10, offset: 0 });
      expect(plain.total).toBe(1);
      expect(await store.searchSegments('STUPÉFIANTS', 'fr', { limit: 10, offset: 0 })).toEqual(plain);
      // Whole words: % and _ separate words and are never wildcards; "0" is not a word of "50%".
      expect((await store.searchSegments('50% of the', 'en', { limit: 10, offset: 0 })).total).toBe(1);
      expect((await store.searchSegments('50 % OF THE', 'en', { limit: 10, offset: 0 })).total).toBe(1);
      expect((await store.searchSegments('0% of', 'en', { limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.searchSegments('5_%', 'en', { limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.searchSegments('eport', 'en', { limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.searchSegments('trafficking_in_persons REPORT', 'EN', { limit: 10, offset: 0 })).total).toBe(
        1,
      );
      // Words in sequence, not anywhere in the segment.
      expect((await store.searchSegments('of reversed', 'en', { limit: 10, offset: 0 })).total).toBe(0);
      const page = await store.searchSegments('la', 'fr', { limit: 2, offset: 1 });
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThan(3);
      await expect(store.searchSegments('  ', 'fr', { limit: 1, offset: 0 })).rejects.toThrow(StoreError);
      // A scope keeps only its collections' pairs (the reversed pair has none); null is the whole store.
      const scoped = (collections: string[] | null) =>
        store.searchSegments('etat des', 'fr', { limit: 10, offset: 0 }, { collections });
      expect((await scoped(['CTOC'])).total).toBe(0);
      expect((await scoped(null)).total).toBe(1);
      expect(
        (await store.searchSegments('NATIONS UNIES', 'fr', { limit: 1, offset: 0 }, { collections: ['CTOC'] })).total,
      ).toBe(hits.total);
      await expect(store.searchSegments('%_', 'fr', { limit: 1, offset: 0 })).rejects.toThrow(StoreError);
      // Deleting a pair takes its segments out of the index too.
      await store.deletePair(reversed.id);
      expect((await store.searchSegments('etat des', 'fr', { limit: 10, offset: 0 })).total).toBe(0);
    });

    it('pages concordance hits newest pair first, in bead order, and counts them up to the limit', async () => {
      const store = await open();
      const ids: string[] = [];
      // Two pairs whose every French segment holds "sentence"; the second has more hits than are counted.
      for (const [tag, size] of [
        ['old', 30],
        ['new', SEARCH_COUNT_LIMIT + 5],
      ] as const) {
        const { pair } = await store.createPair({
          source: { name: `${tag}.fr`, bytes: Buffer.from(tag) },
          target: { name: `${tag}.en`, bytes: Buffer.from(`${tag} en`) },
          sourceLanguage: 'fr',
          targetLanguage: 'en',
        });
        const alignment = syntheticAlignment(size, tag);
        await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
        ids.push(pair.id);
      }
      const first = await store.searchSegments('SENTENCE', 'fr', { limit: 20, offset: 0 });
      expect(first).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsExact: false });
      expect(first.items.map((hit) => hit.pairId)).toEqual(Array(20).fill(ids[1]));
      const indices = first.items.map((hit) => hit.index);
      expect(indices).toEqual([...indices].sort((a, b) => a - b));
      // The last page reaches the older pair; pages never repeat a hit.
      const seen = new Set<string>();
      for (let offset = 0; offset < SEARCH_COUNT_LIMIT + 35; offset += 500) {
        const page = await store.searchSegments('sentence', 'fr', { limit: 500, offset });
        for (const hit of page.items) seen.add(`${hit.pairId}:${hit.index}`);
      }
      expect(seen.size).toBe(SEARCH_COUNT_LIMIT + 35);
      const exact = await store.searchSegments('fr old sentence 7', 'fr', { limit: 20, offset: 0 });
      expect(exact).toMatchObject({ total: 1, totalIsExact: true, items: [{ pairId: ids[0], index: 7 }] });
    });

    it('samples training pairs: done pairs, 1-1 beads over the threshold, both directions, newest last', async () => {
      const store = await open();
      const save = async (
        tag: string,
        alignment: Alignment,
        languages: [string, string] = ['fr', 'en'],
      ): Promise<string> => {
        const { pair } = await store.createPair({
          source: { name: `${tag}.src`, bytes: Buffer.from(`training ${tag} source`) },
          target: { name: `${tag}.tgt`, bytes: Buffer.from(`training ${tag} target`) },
          sourceLanguage: languages[0],
          targetLanguage: languages[1],
        });
        await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
        return pair.id;
      };
      const sample = (
        request: Partial<Parameters<Store['sampleTrainingPairs']>[0]> = {},
      ): ReturnType<Store['sampleTrainingPairs']> =>
        store.sampleTrainingPairs({
          sourceLanguage: 'fr',
          targetLanguage: 'en',
          minConfidence: 0.9,
          limit: 100,
          ...request,
        });
      const labels = async (request: Partial<Parameters<Store['sampleTrainingPairs']>[0]> = {}): Promise<string[]> =>
        (await sample(request)).pairs.map((p) => `${short(p.source)} | ${short(p.target)}`);

      expect(await sample()).toEqual({ pairs: [], approved: 0, version: 'none' });
      const z = await save(
        'Z',
        alignmentOfBeads('Z', 2, [
          [[0], [0], 0.95],
          [[1], [1], 0.95],
        ]),
      );
      const a = alignmentOfBeads('A', 8, [
        [[0], [0], 0.95],
        [[1, 2], [1], 0.99],
        [[3], [2, 3], 0.99],
        [[], [4], 0.99],
        [[4], [], 0.99],
        [[5], [5], 0.5],
        // Exactly the threshold is enough.
        [[6], [6], 0.9],
        [[7], [7], 0.97],
      ]);
      const aId = await save('A', a);
      // Stored English → French: its texts come back swapped for a French → English request.
      const bId = await save(
        'B',
        alignmentOfBeads(
          'B',
          3,
          [
            [[0], [0], 0.95],
            [[1], [1], 0.95],
            [[2], [2], 0.95],
          ],
          true,
        ),
        ['en', 'fr'],
      );
      // Aligned, then sent back to work: its segments are stored but the pair is not done.
      const cId = await save(
        'C',
        alignmentOfBeads('C', 2, [
          [[0], [0], 0.99],
          [[1], [1], 0.99],
        ]),
      );
      await store.updateStatus(cId, PairStatus.parsing, 0);
      // Another language pair.
      await save(
        'D',
        alignmentOfBeads('D', 2, [
          [[0], [0], 0.99],
          [[1], [1], 0.99],
        ]),
        ['fr', 'es'],
      );

      const all = [
        'fr Z 0 | en Z 0',
        'fr Z 1 | en Z 1',
        'fr A 0 | en A 0',
        'fr A 6 | en A 6',
        'fr A 7 | en A 7',
        'fr B 0 | en B 0',
        'fr B 1 | en B 1',
        'fr B 2 | en B 2',
      ];
      expect(await labels()).toEqual(all);
      const first = (await sample()).pairs[2];
      expect(first).toEqual({ source: a.source.sentences[0]?.text, target: a.target.sentences[0]?.text });
      // The other direction: the same segments, every pair swapped.
      expect(await labels({ sourceLanguage: 'EN', targetLanguage: 'fr' })).toEqual(
        all.map((label) => label.split(' | ').reverse().join(' | ')),
      );
      expect(await labels({ sourceLanguage: 'fr', targetLanguage: 'es' })).toEqual([
        'fr D 0 | en D 0',
        'fr D 1 | en D 1',
      ]);
      expect(await labels({ minConfidence: 0.96 })).toEqual(['fr A 7 | en A 7']);
      expect(await labels({ minConfidence: 0.3 })).toEqual([...all.slice(0, 3), 'fr A 5 | en A 5', ...all.slice(3)]);
      expect(await labels({ excludePairId: bId })).toEqual(all.slice(0, 5));
      expect(await labels({ excludePairId: z })).toEqual(all.slice(2));
      // The most recent `limit`, oldest first.
      expect(await labels({ limit: 4 })).toEqual(all.slice(4));
      expect(await labels({ limit: 1 })).toEqual(all.slice(7));
      expect(await sample({ limit: 0 })).toEqual({ pairs: [], approved: 0, version: 'none' });
      expect(await sample({ sourceLanguage: 'fr', targetLanguage: 'de' })).toEqual({
        pairs: [],
        approved: 0,
        version: 'none',
      });

      // stableEvery: only segments up to the last multiple of it the store has passed, so the sample holds still
      // while new segments arrive. B's three segments are the newest three (seq newest - 2 .. newest).
      const newest = Number(/@(\d+)-/.exec((await sample()).version)?.[1]);
      expect(await labels({ stableEvery: newest - 2 })).toEqual(all.slice(0, 6));
      expect(await labels({ stableEvery: 1 })).toEqual(all);
      // A store that has not passed the first multiple gives its newest segments as usual.
      expect(await labels({ stableEvery: newest + 1 })).toEqual(all);
      await expect(sample({ stableEvery: 0 })).rejects.toThrow(StoreError);

      // Deterministic: the same store state gives the same sample and version.
      const once = await sample({ limit: 4 });
      expect(await sample({ limit: 4 })).toEqual(once);
      expect(once.version).toMatch(/^4@\d+-[0-9a-f]{12}$/);
      expect((await sample({ limit: 4, sourceLanguage: 'en', targetLanguage: 'fr' })).version).not.toBe(once.version);
      // Same count, same newest segment, other content (A left the sample, Z filled in): another version.
      await store.updateStatus(aId, PairStatus.aligning, 50);
      const without = await sample({ limit: 4 });
      expect(without.pairs.map((p) => short(p.source))).toEqual(['fr Z 1', 'fr B 0', 'fr B 1', 'fr B 2']);
      expect(without.version.split('-')[0]).toBe(once.version.split('-')[0]);
      expect(without.version).not.toBe(once.version);
      // A new pair saved changes the sample and its version.
      await save('E', alignmentOfBeads('E', 1, [[[0], [0], 0.92]]));
      const grown = await sample({ limit: 4 });
      expect(grown.pairs.map((p) => short(p.source))).toEqual(['fr B 0', 'fr B 1', 'fr B 2', 'fr E 0']);
      expect(grown.version).not.toBe(without.version);

      await expect(sample({ limit: -1 })).rejects.toThrow(StoreError);
      await expect(sample({ limit: 1.5 })).rejects.toThrow(StoreError);
      await expect(sample({ minConfidence: 1.1 })).rejects.toThrow(StoreError);
      await expect(sample({ minConfidence: Number.NaN })).rejects.toThrow(StoreError);
    });

    it('records which sample trained an alignment, and forgets it when a save gives none', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      expect(pair.lexiconVersion).toBeNull();
      await store.saveAlignment(pair.id, note.alignment, note.report, { lexiconVersion: '12@345-0123456789ab' });
      expect((await store.getPair(pair.id))?.lexiconVersion).toBe('12@345-0123456789ab');
      expect((await store.listPairs({}, { limit: 10, offset: 0 })).items[0]?.lexiconVersion).toBe(
        '12@345-0123456789ab',
      );
      await store.saveAlignment(pair.id, note.alignment, note.report, { lexiconVersion: 'none' });
      expect((await store.getPair(pair.id))?.lexiconVersion).toBe('none');
      // A save replaces the whole result, the version with it.
      await store.saveAlignment(pair.id, note.alignment, note.report);
      expect((await store.getPair(pair.id))?.lexiconVersion).toBeNull();
      // The real core's alignment of a corpus pair trains the next one: its one-to-one confident beads are sampled.
      await store.saveAlignment(pair.id, note.alignment, note.report, { lexiconVersion: 'none' });
      const trained = await store.sampleTrainingPairs({
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        minConfidence: 0.9,
        limit: 5000,
      });
      const expected = note.alignment.sentences
        .filter((bead) => bead.source.length === 1 && bead.target.length === 1 && bead.confidence >= 0.9)
        .map((bead) => ({
          source: note.alignment.source.sentences[bead.source[0] ?? -1]?.text.trim(),
          target: note.alignment.target.sentences[bead.target[0] ?? -1]?.text.trim(),
        }));
      expect(expected.length).toBeGreaterThan(5);
      expect(trained.pairs).toEqual(expected);
    });

    it('bounds a training sample without reading it, as the sample itself is bounded', async () => {
      const store = await open();
      const request = { sourceLanguage: 'fr', targetLanguage: 'en', minConfidence: 0.9, limit: 5000 } as const;
      expect(await store.trainingSampleBound(request)).toBe(0);
      const { pair } = await store.createPair(pairInput(note));
      await store.saveAlignment(pair.id, note.alignment, note.report);
      const sample = await store.sampleTrainingPairs(request);
      // "<count>@<last seq>-<hash>": the newest segment taken.
      const newest = Number(/@(\d+)-/.exec(sample.version)?.[1]);
      expect(newest).toBeGreaterThan(2);
      expect(await store.trainingSampleBound(request)).toBe(newest);
      // Before the first multiple of stableEvery, the newest segment; after it, the multiple.
      expect(await store.trainingSampleBound({ ...request, stableEvery: newest + 1 })).toBe(newest);
      expect(await store.trainingSampleBound({ ...request, stableEvery: 2 })).toBe(Math.floor(newest / 2) * 2);
      const stable = await store.sampleTrainingPairs({ ...request, stableEvery: 2 });
      expect(Number(/@(\d+)-/.exec(stable.version)?.[1])).toBeLessThanOrEqual(Math.floor(newest / 2) * 2);
      expect(await store.trainingSampleBound({ ...request, limit: 0 })).toBe(0);
      expect(await store.trainingSampleBound({ ...request, excludePairId: pair.id })).toBe(0);
      expect(await store.trainingSampleBound({ ...request, sourceLanguage: 'es' })).toBe(0);
      await expect(store.trainingSampleBound({ ...request, stableEvery: 0 })).rejects.toThrow(StoreError);
      await expect(store.trainingSampleBound({ ...request, minConfidence: 2 })).rejects.toThrow(StoreError);
    });

    it('keeps learned store lexicons once per sample and answers the newest bound, its text on demand', async () => {
      const store = await open();
      expect(await store.getNewestStoreLexicon('fr', 'en')).toBeNull();
      const lexicon = (sampleBound: number, version: string, lexiconJson: string | null) =>
        ({ sourceLanguage: 'fr', targetLanguage: 'en', sampleBound, version, lexiconJson }) as const;
      expect(await store.saveStoreLexicon(lexicon(5000, '4800@5000-0123456789ab', '{"entries":[]}'))).toBe(true);
      // The same sample again (a second worker): nothing written.
      clock = new Date('2024-01-01T00:01:00.000Z');
      expect(await store.saveStoreLexicon(lexicon(5000, '4800@5000-0123456789ab', '{"other":1}'))).toBe(false);
      expect(await store.getNewestStoreLexicon('fr', 'en', true)).toEqual({
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        sampleBound: 5000,
        version: '4800@5000-0123456789ab',
        lexiconJson: '{"entries":[]}',
        learnedAt: new Date('2024-01-01T00:00:00.000Z'),
      });
      // A higher bound is newer, whenever it was learned; a sample too small to learn from is stored as null.
      expect(await store.saveStoreLexicon(lexicon(10_000, '5000@10000-ba9876543210', null))).toBe(true);
      clock = new Date('2024-01-01T00:02:00.000Z');
      expect(await store.saveStoreLexicon(lexicon(7000, '4900@7000-aaaaaaaaaaaa', '{}'))).toBe(true);
      const newest = await store.getNewestStoreLexicon('fr', 'en');
      expect(newest).toEqual({
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        sampleBound: 10_000,
        version: '5000@10000-ba9876543210',
        learnedAt: new Date('2024-01-01T00:01:00.000Z'),
      });
      expect(newest).not.toHaveProperty('lexiconJson');
      expect((await store.getNewestStoreLexicon('fr', 'en', true))?.lexiconJson).toBeNull();
      // A direction of its own.
      expect(await store.getNewestStoreLexicon('en', 'fr')).toBeNull();
    });

    it("keeps the aligner's result as version 1, pending, and numbers a new result after the last", async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      expect(pair.alignmentVersion).toBeNull();
      expect(await store.getAlignmentVersion(pair.id)).toBeNull();
      expect(await store.listAlignmentVersions(pair.id)).toEqual([]);
      await store.saveAlignment(pair.id, note.alignment, note.report);
      expect((await store.getPair(pair.id))?.alignmentVersion).toBe(1);
      const first = await store.getAlignmentVersion(pair.id);
      expect(first).toMatchObject({ version: 1, author: null, operations: [], restores: null, undoTarget: null });
      expect(first?.createdAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
      expect(first?.beads.map(({ source, target, confidence }) => ({ source, target, confidence }))).toEqual(
        note.alignment.sentences,
      );
      expect(new Set(first?.beads.map((bead) => `${bead.status} ${bead.changedIn}`))).toEqual(new Set(['pending 1']));
      const page = await store.getAlignment(pair.id, { limit: 200, offset: 0 });
      expect(page?.version).toBe(1);
      const segments = page?.items.flatMap((bead) => bead.segments) ?? [];
      expect(segments).toHaveLength(note.alignment.sentences.length);
      for (const segment of segments) {
        expect(segment).toMatchObject({ status: 'pending', changedBy: null, originalSourceText: null });
        expect(segment.changedAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
      }
      expect(page?.items.every((bead) => bead.status === 'pending')).toBe(true);
      // A new result (a retried job) is the next version; the earlier ones name sentences it replaced, and go.
      clock = new Date('2024-01-02T00:00:00.000Z');
      await store.saveAlignment(pair.id, note.alignment, note.report);
      expect((await store.listAlignmentVersions(pair.id)).map((v) => [v.version, v.author])).toEqual([[2, null]]);
      expect(await store.getAlignmentVersion(pair.id, 1)).toBeNull();
      expect(await store.getAlignment(pair.id, { limit: 1, offset: 0 }, 1)).toBeNull();
      expect((await store.getAlignment(pair.id, { limit: 1, offset: 0 }))?.version).toBe(2);
    });

    it('stores an edited version whole, rewrites the segments from it, and keeps reading the older one', async () => {
      const store = await open();
      const aligned = syntheticAlignment(25, 'ver');
      const { pair } = await store.createPair({
        source: { name: 'v.fr', bytes: Buffer.from('versions fr') },
        target: { name: 'v.en', bytes: Buffer.from('versions en') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        collection: 'CTOC',
      });
      await store.saveAlignment(pair.id, aligned, buildParityReport(aligned));
      const before = await store.getAlignment(pair.id, { limit: 200, offset: 0 });
      const ops: EditOp[] = [
        // Sentence beads 9 and 10 lie in paragraphs 0 and 1: merging them joins the two paragraphs.
        { op: 'merge', bead: 9 },
        { op: 'edit', bead: 0, side: 'target', text: 'Edited stupéfiants text.' },
        { op: 'approve', beads: [0, 1] },
        { op: 'reject', beads: [2] },
      ];
      const current = await store.getAlignmentVersion(pair.id);
      const beads: ReviewBead[] = applyEdits(current?.beads ?? [], ops, {
        source: aligned.source,
        target: aligned.target,
        version: 2,
      });
      clock = new Date('2024-01-05T00:00:00.000Z');
      const saved = await store.saveAlignmentVersion(pair.id, {
        basedOn: 1,
        author: 'rev-a',
        operations: ops,
        beads,
        undoTarget: 1,
        restores: null,
      });
      expect(saved).toMatchObject({ version: 2, author: 'rev-a', operations: ops, restores: null });
      expect(saved.createdAt.toISOString()).toBe('2024-01-05T00:00:00.000Z');
      expect(await store.getPair(pair.id)).toMatchObject({
        alignmentVersion: 2,
        counts: { sentenceBeads: 24, blockBeads: 2 },
      });
      expect((await store.getPair(pair.id))?.updatedAt.toISOString()).toBe('2024-01-05T00:00:00.000Z');
      expect(await store.getAlignmentVersion(pair.id)).toMatchObject({ version: 2, undoTarget: 1, beads });

      const page = await store.getAlignment(pair.id, { limit: 200, offset: 0 });
      expect(page).toMatchObject({ version: 2, total: 2 });
      const segments = page?.items.flatMap((bead) => bead.segments) ?? [];
      expect(segments).toHaveLength(24);
      expect(segments[0]).toMatchObject({
        index: 0,
        targetText: 'Edited stupéfiants text.',
        originalTargetText: aligned.target.sentences[0]?.text,
        originalSourceText: null,
        status: 'approved',
        confidence: 1,
        changedBy: 'rev-a',
      });
      expect(segments[0]?.changedAt.toISOString()).toBe('2024-01-05T00:00:00.000Z');
      expect(segments[2]).toMatchObject({ status: 'rejected', confidence: 0.9, changedBy: 'rev-a' });
      expect(segments[3]).toMatchObject({ status: 'pending', changedBy: null });
      expect(segments[9]).toMatchObject({ sourceSentences: [9, 10], blockBead: 0, status: 'pending' });
      expect(page?.items[0]).toMatchObject({ sourceBlocks: [0, 1], targetBlocks: [0, 1], status: 'pending' });
      expect(page?.items[0]?.targetText.startsWith('Edited stupéfiants text. ')).toBe(true);

      // The older version reads as it did when it was current.
      expect(await store.getAlignment(pair.id, { limit: 200, offset: 0 }, 1)).toEqual(before);
      expect(await store.getAlignment(pair.id, { limit: 1, offset: 1 }, 1)).toEqual({
        ...before,
        items: before?.items.slice(1, 2),
      });
      expect(await store.getAlignment(pair.id, { limit: 1, offset: 0 }, 3)).toBeNull();
      expect(await store.loadAlignment(pair.id)).toEqual(aligned);
      expect((await store.listAlignmentVersions(pair.id)).map((v) => [v.version, v.author])).toEqual([
        [1, null],
        [2, 'rev-a'],
      ]);

      // The memory, the concordance and the statuses follow the current version.
      // Rows the edit left alone keep their place in the memory (their seq); the changed ones come after.
      const units = (await collect(store.streamUnits({ pairId: pair.id }))).sort((a, b) => a.index - b.index);
      expect(units).toHaveLength(24);
      expect(units[0]).toMatchObject({
        targetText: 'Edited stupéfiants text.',
        status: 'approved',
        confidence: 1,
        changedBy: 'rev-a',
        collection: 'CTOC',
        sourceFileName: 'v.fr',
        targetFileName: 'v.en',
      });
      expect(units[0]?.changedAt.toISOString()).toBe('2024-01-05T00:00:00.000Z');
      expect(units[0]?.pairCreatedAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
      expect(units[5]?.changedAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
      const approvedOnly = await collect(store.streamUnits({ pairId: pair.id, statuses: ['approved'] }));
      expect(approvedOnly.map((unit) => unit.index)).toEqual([0, 1]);
      expect(await collect(store.streamUnits({ pairId: pair.id, statuses: ['pending', 'approved'] }))).toHaveLength(23);
      expect(await collect(store.streamUnits({ pairId: pair.id, statuses: [] }))).toHaveLength(0);
      const hits = await store.searchSegments('stupefiants', 'en', { limit: 10, offset: 0 });
      expect(hits.items.map((hit) => [hit.pairId, hit.index])).toEqual([[pair.id, 0]]);
    });

    it("replaces the pair's report and parity with a version's own, and keeps them when it brings none", async () => {
      const store = await open();
      const aligned = syntheticAlignment(6, 'report');
      const { pair } = await store.createPair({
        source: { name: 'p.fr', bytes: Buffer.from('report fr') },
        target: { name: 'p.en', bytes: Buffer.from('report en') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      const alignerReport = buildParityReport(aligned);
      await store.saveAlignment(pair.id, aligned, alignerReport);
      const beads = (await store.getAlignmentVersion(pair.id))?.beads ?? [];
      const version = (basedOn: number, report?: ParityReport) => ({
        basedOn,
        author: 'qa',
        operations: [{ op: 'approve', beads: [0] }] as EditOp[],
        beads,
        undoTarget: basedOn,
        restores: null,
        ...(report !== undefined ? { report } : {}),
      });
      await store.saveAlignmentVersion(pair.id, version(1));
      expect(await store.getReport(pair.id)).toEqual(alignerReport);
      const corrected: ParityReport = { ...alignerReport, parity: !alignerReport.parity, lowConfidence: [] };
      await store.saveAlignmentVersion(pair.id, version(2, corrected));
      expect(await store.getReport(pair.id)).toEqual(corrected);
      expect((await store.getPair(pair.id))?.parity).toBe(corrected.parity);
      expect((await store.listPairs({ parity: corrected.parity }, { limit: 10, offset: 0 })).total).toBe(1);
      // The alignment itself is untouched: the report is the version's reading of it.
      expect(await store.loadAlignment(pair.id)).toEqual(aligned);
    });

    it('stores exactly one of two versions based on the same one, and nothing of a stale one', async () => {
      const store = await open();
      const aligned = syntheticAlignment(6, 'race');
      const { pair } = await store.createPair({
        source: { name: 'r.fr', bytes: Buffer.from('race fr') },
        target: { name: 'r.en', bytes: Buffer.from('race en') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      await store.saveAlignment(pair.id, aligned, buildParityReport(aligned));
      const first = (await store.getAlignmentVersion(pair.id))?.beads ?? [];
      const version = (bead: number, author: string) => ({
        basedOn: 1,
        author,
        operations: [{ op: 'merge', bead }] as EditOp[],
        beads: applyEdits(first, [{ op: 'merge', bead }], {
          source: aligned.source,
          target: aligned.target,
          version: 2,
        }),
        undoTarget: 1,
        restores: null,
      });
      const results = await Promise.allSettled([
        store.saveAlignmentVersion(pair.id, version(0, 'a')),
        store.saveAlignmentVersion(pair.id, version(3, 'b')),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((result) => result.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(StoreError);
      expect((rejected?.reason as StoreError).code).toBe(StoreErrorCode.staleVersion);
      const stored = await store.getAlignmentVersion(pair.id);
      expect(stored?.version).toBe(2);
      const units = await collect(store.streamUnits({ pairId: pair.id }));
      expect(units).toHaveLength(5);
      expect(units.map((unit) => unit.changedBy)).toContain(stored?.author);

      const stale = await store.saveAlignmentVersion(pair.id, version(1, 'c')).catch((error: unknown) => error);
      expect((stale as StoreError).code).toBe(StoreErrorCode.staleVersion);
      expect((stale as StoreError).message).toContain('version 2 is');
      expect((await store.listAlignmentVersions(pair.id)).map((v) => v.version)).toEqual([1, 2]);
      expect(await collect(store.streamUnits({ pairId: pair.id }))).toEqual(units);
      const missing = await store
        .saveAlignmentVersion('no-such-pair', version(1, 'c'))
        .catch((error: unknown) => error);
      expect((missing as StoreError).code).toBe(StoreErrorCode.notFound);
    });

    it('keeps the stored rows of each version equal to the version rebuilt from its beads, edit by edit', async () => {
      const store = await open();
      const aligned = syntheticAlignment(60, 'walk');
      const { pair } = await store.createPair({
        source: { name: 'w.fr', bytes: Buffer.from('walk fr') },
        target: { name: 'w.en', bytes: Buffer.from('walk en') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      await store.saveAlignment(pair.id, aligned, buildParityReport(aligned));
      // A fixed pseudo-random sequence of edits: merges, splits, moves, edits and statuses all over the pair.
      const next = pseudoRandom(5);
      let previous = await store.getAlignment(pair.id, { limit: 200, offset: 0 });
      let stored = 0;
      for (let step = 0; step < 40; step++) {
        const current = await store.getAlignmentVersion(pair.id);
        if (current === null) throw new Error('the pair has a version');
        const bead = next(current.beads.length);
        const side = next(2) === 0 ? 'source' : 'target';
        const candidates: EditOp[] = [
          { op: 'merge', bead },
          { op: 'split', bead, source: next(2), target: next(2) },
          { op: 'move', bead, side, to: next(2) === 0 ? 'previous' : 'next' },
          { op: 'edit', bead, side, text: `Walk ${step} text.` },
          { op: 'approve', beads: [bead, next(current.beads.length)] },
        ];
        const ops = [candidates[next(candidates.length)] as EditOp];
        let beads: ReviewBead[];
        try {
          beads = applyEdits(current.beads, ops, {
            source: aligned.source,
            target: aligned.target,
            version: current.version + 1,
          });
        } catch {
          continue;
        }
        await store.saveAlignmentVersion(pair.id, {
          basedOn: current.version,
          author: `r${step % 3}`,
          operations: ops,
          beads,
          undoTarget: current.version,
          restores: null,
        });
        stored += 1;
        // The version just replaced, rebuilt from its beads, reads as its stored rows did while it was current.
        expect(
          await store.getAlignment(pair.id, { limit: 200, offset: 0 }, current.version),
          JSON.stringify(ops),
        ).toEqual(previous);
        previous = await store.getAlignment(pair.id, { limit: 200, offset: 0 });
        const units = await collect(store.streamUnits({ pairId: pair.id }));
        const twoSidedBeads = (previous?.items ?? [])
          .flatMap((item) => item.segments)
          .filter((segment) => segment.sourceText !== '' && segment.targetText !== '');
        expect(
          units
            .map((unit) => [unit.index, unit.sourceText, unit.targetText, unit.status])
            .sort((a, b) => Number(a[0]) - Number(b[0])),
        ).toEqual(
          twoSidedBeads.map((segment) => [segment.index, segment.sourceText, segment.targetText, segment.status]),
        );
      }
      expect(stored).toBeGreaterThan(20);
    });

    it('trains on approved segments first and never on rejected ones', async () => {
      const store = await open();
      const save = async (tag: string): Promise<{ id: string; alignment: Alignment }> => {
        const alignment = alignmentOfBeads(tag, 4, [
          [[0], [0], 0.95],
          [[1], [1], 0.95],
          [[2], [2], 0.5],
          [[3], [3], 0.95],
        ]);
        const { pair } = await store.createPair({
          source: { name: `${tag}.fr`, bytes: Buffer.from(`approved ${tag} fr`) },
          target: { name: `${tag}.en`, bytes: Buffer.from(`approved ${tag} en`) },
          sourceLanguage: 'fr',
          targetLanguage: 'en',
        });
        await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
        return { id: pair.id, alignment };
      };
      const a = await save('A');
      await save('B');
      const beads = applyEdits(
        (await store.getAlignmentVersion(a.id))?.beads ?? [],
        [
          { op: 'approve', beads: [2] },
          { op: 'reject', beads: [1] },
        ],
        { source: a.alignment.source, target: a.alignment.target, version: 2 },
      );
      await store.saveAlignmentVersion(a.id, {
        basedOn: 1,
        author: 'rev-a',
        operations: [],
        beads,
        undoTarget: 1,
        restores: null,
      });
      const sample = await store.sampleTrainingPairs({
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        minConfidence: 0.9,
        limit: 10,
      });
      // A's sentence 2 was below the threshold but is approved: confidence 1, and first. A's 1 is rejected; the
      // segments the edit left alone keep their place.
      expect(sample.approved).toBe(1);
      expect(sample.pairs.map((p) => short(p.source))).toEqual([
        'fr A 2',
        'fr A 0',
        'fr A 3',
        'fr B 0',
        'fr B 1',
        'fr B 3',
      ]);
      const two = await store.sampleTrainingPairs({
        sourceLanguage: 'en',
        targetLanguage: 'fr',
        minConfidence: 0.9,
        limit: 2,
      });
      expect(two.pairs.map((p) => short(p.target))).toEqual(['fr A 2', 'fr B 3']);
      expect(two.version).toMatch(/^2@\d+-[0-9a-f]{12}$/);
    });

    it('deletes a pair with everything that hangs off it', async () => {
      const store = await open();
      const { pair } = await store.createPair(pairInput(note));
      const { pair: other } = await store.createPair(pairInput(resolution));
      await store.saveAlignment(pair.id, note.alignment, note.report);
      await store.saveAlignment(other.id, resolution.alignment, resolution.report);
      expect(await store.deletePair(pair.id)).toBe(true);
      expect(await store.getPair(pair.id)).toBeNull();
      expect(await store.getPairFiles(pair.id)).toBeNull();
      expect(await store.getReport(pair.id)).toBeNull();
      expect(await store.loadAlignment(pair.id)).toBeNull();
      expect(await collect(store.streamUnits({ pairId: pair.id }))).toHaveLength(0);
      expect(
        (await store.searchSegments('Nations Unies', 'fr', { limit: 100, offset: 0 })).items.every(
          (h) => h.pairId === other.id,
        ),
      ).toBe(true);
      expect(
        (await store.searchSegments('Nations Unies', 'fr', { limit: 100, offset: 0 }, { collections: [] })).total,
      ).toBe(0);
      expect(await store.deletePair(pair.id)).toBe(false);
      // The other pair is untouched, and the same files can be uploaded afresh.
      expect(await collect(store.streamUnits({ pairId: other.id }))).toHaveLength(twoSided(resolution.alignment));
      expect((await store.createPair(pairInput(note))).created).toBe(true);
    });

    it('streams 200,000 units with bounded memory', async () => {
      const store = await open();
      const perPair = 10_000;
      for (let i = 0; i < 20; i++) {
        const alignment = syntheticAlignment(perPair, `big${i}`);
        const { pair } = await store.createPair({
          source: { name: 'fr', bytes: Buffer.from(`big ${i} fr`) },
          target: { name: 'en', bytes: Buffer.from(`big ${i} en`) },
          sourceLanguage: 'fr',
          targetLanguage: 'en',
        });
        await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
      }
      const gc = exposeGc();
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = 0;
      let units = 0;
      let characters = 0;
      let lastSeq = 0;
      for await (const unit of store.streamUnits({})) {
        units += 1;
        characters += unit.sourceText.length + unit.targetText.length;
        if (unit.seq <= lastSeq) throw new Error(`seq went from ${lastSeq} to ${unit.seq}`);
        lastSeq = unit.seq;
        if (units % 20_000 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
      }
      expect(units).toBe(20 * perPair);
      // Holding every unit would take over 120 MB (200,000 × 2 × 300 characters); a batch takes about 1.5 MB.
      expect(characters).toBeGreaterThan(120_000_000);
      console.info(
        `[${backend}] streamed ${units} units; live heap growth after GC peaked at ${(peak / 1e6).toFixed(1)} MB`,
      );
      expect(peak).toBeLessThan(32_000_000);
    }, 300_000);
  });
}
