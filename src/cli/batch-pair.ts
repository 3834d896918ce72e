/**
 * One pair of `paralign align --batch`: read both files, align them, write the TMX into memory. The same work whether
 * it runs in the command's own thread or in one of the worker threads of batch-pool.ts, so its job and its result are
 * plain data that a thread can be sent and can send back.
 */
import { ErrorCode, InputError, ParalignError } from '../core/errors.js';
import type { LanguageCode } from '../core/model.js';
import { writeTmx, type TmxOptions } from '../core/export/tmx.js';
import { TMX_EPILOG } from '../core/export/tmx-parts.js';
import { alignDocumentPair } from '../pipeline/align-document-pair.js';
import { loadPair } from './load-document.js';

/** What one pair of a batch needs: its files, its languages and how to write its TMX. */
export interface BatchJob {
  /** Place of the pair in the batch: results may come back in another order. */
  index: number;
  name: string;
  /** Paths; '' for a side the folder has no file for. */
  source: string;
  target: string;
  languages: { source: LanguageCode; target: LanguageCode };
  units: 'sentence' | 'paragraph';
  /** When the batch was started, ISO 8601: every memory of one batch carries the same date. */
  creationDate: string;
  creationToolVersion: string;
  srcLang?: LanguageCode;
  /** `own`: a whole TMX of its own; `shared`: only the units, for one memory of the whole batch. */
  into: 'own' | 'shared';
}

/** What became of one pair: its TMX (whole, or its units only), or the one line saying why it was refused. */
export type BatchResult =
  | { index: number; name: string; refused: false; chunks: string[] }
  | { index: number; name: string; refused: true; message: string };

// The units of a TMX without its prolog and epilog, so that many pairs make one memory.
function unitsOf(chunks: Iterable<string>): string[] {
  const units: string[] = [];
  let first = true;
  for (const chunk of chunks) {
    if (first) first = false;
    else if (chunk !== TMX_EPILOG) units.push(chunk);
  }
  return units;
}

/** Aligns one pair of the batch; a ParalignError refuses the pair, anything else is a fault and throws. */
export async function alignBatchPair(job: BatchJob): Promise<BatchResult> {
  const { index, name } = job;
  try {
    if (job.source === '' || job.target === '') {
      const missing = job.source === '' ? job.languages.source : job.languages.target;
      throw new InputError(`no ${missing} file for this pair`, ErrorCode.badInput);
    }
    const { alignment } = alignDocumentPair(await loadPair(job.source, job.target, job.languages));
    const options: TmxOptions = {
      units: job.units,
      creationDate: new Date(job.creationDate),
      creationToolVersion: job.creationToolVersion,
      ...(job.srcLang ? { srcLang: job.srcLang } : {}),
    };
    const tmx = writeTmx(alignment, options);
    return { index, name, refused: false, chunks: job.into === 'shared' ? unitsOf(tmx) : [...tmx] };
  } catch (error) {
    if (!(error instanceof ParalignError)) throw error;
    return { index, name, refused: true, message: error.message };
  }
}
