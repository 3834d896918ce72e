import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignBatchPair, type BatchJob, type BatchResult } from '../../src/cli/batch-pair.js';
import { defaultThreads, runBatchJobs, THREADED_BATCH_BYTES } from '../../src/cli/batch-pool.js';

const repo = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'paralign-batch-pool-'));

function job(index: number, name: string, source: string, target: string, into: 'own' | 'shared' = 'own'): BatchJob {
  return {
    index,
    name,
    source,
    target,
    languages: { source: 'fr', target: 'en' },
    units: 'sentence',
    creationDate: '2026-12-07T12:00:00.000Z',
    creationToolVersion: 'test',
    into,
  };
}

/** Four pairs: three corpora/ pairs (one twice) and a French file whose English is missing. */
function makeJobs(into: 'own' | 'shared'): BatchJob[] {
  const corpus = (name: string, side: 'fr' | 'en'): string => join(repo, 'corpora', name, `${side}.md`);
  const orphan = join(work, 'orphan.fr.md');
  writeFileSync(orphan, '1. Un paragraphe sans traduction anglaise.\n');
  return [
    job(0, 'un-note', corpus('un-note-ctoc-cop-2018', 'fr'), corpus('un-note-ctoc-cop-2018', 'en'), into),
    job(1, 'orphan', orphan, '', into),
    job(2, 'missing-split-merge', corpus('missing-split-merge', 'fr'), corpus('missing-split-merge', 'en'), into),
    job(3, 'un-note-again', corpus('un-note-ctoc-cop-2018', 'fr'), corpus('un-note-ctoc-cop-2018', 'en'), into),
  ];
}

async function collect(jobs: BatchJob[], threads: number): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  await runBatchJobs(jobs, threads, (result) => results.push(result));
  return results;
}

describe('runBatchJobs', () => {
  it.each(['own', 'shared'] as const)(
    'gives on two threads what one thread gives for every pair (%s TMX), refusals included',
    async (into) => {
      const jobs = makeJobs(into);
      const byIndex = (results: BatchResult[]): BatchResult[] => [...results].sort((a, b) => a.index - b.index);
      const alone = await collect(jobs, 1);
      const threaded = await collect(jobs, 2);
      expect(threaded).toHaveLength(jobs.length);
      expect(byIndex(threaded)).toEqual(byIndex(alone));
      const orphan = threaded.find((result) => result.name === 'orphan');
      expect(orphan).toMatchObject({ refused: true, message: 'no en file for this pair' });
      expect(threaded.filter((result) => !result.refused)).toHaveLength(3);
    },
  );

  it('gives each pair what aligning it alone gives', async () => {
    const [first] = makeJobs('own');
    const threaded = await collect([first as BatchJob, { ...(first as BatchJob), index: 1 }], 2);
    const alone = await alignBatchPair(first as BatchJob);
    for (const result of threaded) expect({ ...result, index: 0 }).toEqual(alone);
  });

  it('stops on a fault in a thread (not a refused pair) and rejects with it', async () => {
    // No languages: reading the pair fails with a TypeError, a fault, not a pair refused for its input.
    const broken = { languages: null as unknown as BatchJob['languages'] };
    const jobs = makeJobs('own').map((j) => (j.index === 2 ? { ...j, ...broken } : j));
    await expect(collect(jobs, 2)).rejects.toThrow(/null/);
  });

  it('rejects when the caller cannot keep a result, and hands it no result after that', async () => {
    let calls = 0;
    const keep = (): void => {
      calls += 1;
      throw new Error('disk on fire');
    };
    await expect(runBatchJobs(makeJobs('own'), 2, keep)).rejects.toThrow('disk on fire');
    expect(calls).toBe(1);
  });
});

describe('defaultThreads', () => {
  it('keeps a small batch in one thread and gives a large one a thread a core, never more than its pairs', () => {
    expect(defaultThreads(40, THREADED_BATCH_BYTES - 1)).toBe(1);
    expect(defaultThreads(40, THREADED_BATCH_BYTES)).toBe(Math.min(availableParallelism(), 40));
    expect(defaultThreads(1, 10 * THREADED_BATCH_BYTES)).toBe(1);
  });
});
