/** Turns a stored pair into the JSON the API answers with. */
import type { TFunction } from 'i18next';
import { alignJobId } from '../queue/align-queue.js';
import type { PairRecord } from '../storage/store.js';

/** The API's view of a pair (see `pairSchema` in schemas.ts). */
export interface PairJson {
  id: string;
  status: string;
  statusText: string;
  progress: number;
  failureReason: string | null;
  symbol: string | null;
  collection: string | null;
  sourceLanguage: string;
  targetLanguage: string;
  sourceFile: { name: string; bytes: number };
  targetFile: { name: string; bytes: number };
  contentHash: string;
  counts: PairRecord['counts'];
  parity: boolean | null;
  lexiconVersion: string | null;
  hasDictionary: boolean;
  alignmentVersion: number | null;
  createdAt: string;
  updatedAt: string;
  jobId: string;
}

/** Presents `pair` with its status spelled in the request's language. */
export function presentPair(pair: PairRecord, t: TFunction): PairJson {
  return {
    id: pair.id,
    status: pair.status,
    statusText: t(pair.status, { ns: 'status' }),
    progress: pair.progress,
    failureReason: pair.failureReason,
    symbol: pair.symbol,
    collection: pair.collection,
    sourceLanguage: pair.sourceLanguage,
    targetLanguage: pair.targetLanguage,
    sourceFile: { name: pair.sourceFileName, bytes: pair.sourceBytes },
    targetFile: { name: pair.targetFileName, bytes: pair.targetBytes },
    contentHash: pair.contentHash,
    counts: pair.counts,
    parity: pair.parity,
    lexiconVersion: pair.lexiconVersion,
    hasDictionary: pair.hasDictionary,
    alignmentVersion: pair.alignmentVersion,
    createdAt: pair.createdAt.toISOString(),
    updatedAt: pair.updatedAt.toISOString(),
    jobId: alignJobId(pair.id),
  };
}
