/**
 * The pages' calls to the JSON API, with the signed-in browser's session cookie, the page's CSRF token and its
 * language (so the API's one-line error messages come back in the language of the page).
 */
import type { EditOp, EditorAlignment, EditorBead, ReviewStatus } from './editor-model.js';
import { isRecord, type Translate } from './page-messages.js';

/** How a page calls the API. */
export interface ApiContext {
  /** Language of the page, sent as Accept-Language. */
  language: string;
  /** The page's CSRF token, or "" when the service runs without accounts. */
  csrfToken: string;
}

/** An answer the page shows: the API's own one-line message (already localised), or a network failure. */
export interface ApiFailure {
  ok: false;
  /** HTTP status, or 0 when no answer came. */
  status: number;
  /** The API's error code, or "" without one. */
  code: string;
  /** One line to show, or "" when the page must say it (no answer, or an answer without a message). */
  message: string;
}

/** What a page shows for `failure`: the API's own line, else its words for no answer or for a bare status. */
export function describeFailure(failure: ApiFailure, t: Translate): string {
  if (failure.message !== '') return failure.message;
  return failure.status === 0 ? t('error.network') : t('error.status', { status: failure.status });
}

/** A successful answer. */
export interface ApiSuccess<T> {
  ok: true;
  value: T;
}

/** The outcome of a call. */
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/** Most block beads one alignment page may hold (the API's own limit). */
const PAGE_SIZE = 200;
/** Attempts at reading every page of one version while others keep changing it. */
const READ_ATTEMPTS = 3;

function headersOf(context: ApiContext, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': context.language, ...extra });
  if (context.csrfToken !== '') headers.set('X-CSRF-Token', context.csrfToken);
  return headers;
}

async function call(path: string, init: RequestInit): Promise<Response | ApiFailure> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, code: '', message: '' };
  }
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  return {
    ok: false,
    status: response.status,
    code: typeof error['code'] === 'string' ? error['code'] : '',
    message: typeof error['message'] === 'string' ? error['message'] : '',
  };
}

/** GET a JSON resource. */
export async function getJson(context: ApiContext, path: string): Promise<ApiResult<unknown>> {
  const response = await call(path, { headers: headersOf(context) });
  if (!(response instanceof Response)) return response;
  if (!response.ok) return failureOf(response);
  return { ok: true, value: (await response.json()) as unknown };
}

/** POSTs a form (multipart) and answers the JSON body. */
export async function postForm(context: ApiContext, path: string, form: FormData): Promise<ApiResult<unknown>> {
  const response = await call(path, { method: 'POST', headers: headersOf(context), body: form });
  if (!(response instanceof Response)) return response;
  if (!response.ok) return failureOf(response);
  return { ok: true, value: (await response.json()) as unknown };
}

/**
 * Reads every bead of the pair's current version, page after page; starts again when the version changed between
 * two pages (someone saved meanwhile), so the beads shown always belong to one version.
 */
export async function readAlignment(context: ApiContext, pairId: string): Promise<ApiResult<EditorAlignment>> {
  let last: ApiFailure = { ok: false, status: 0, code: '', message: '' };
  for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
    const read = await readAllPages(context, pairId);
    if (read.ok) return read;
    last = read;
    if (read.code !== VERSION_MOVED) return read;
  }
  return last;
}

const VERSION_MOVED = 'VERSION_MOVED';

async function readAllPages(context: ApiContext, pairId: string): Promise<ApiResult<EditorAlignment>> {
  const beads: EditorBead[] = [];
  let etag: string | null = null;
  let version: number;
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const path = `/v1/pairs/${encodeURIComponent(pairId)}/alignment?limit=${PAGE_SIZE}&offset=${offset}`;
    const response = await call(path, { headers: headersOf(context) });
    if (!(response instanceof Response)) return response;
    if (!response.ok) return failureOf(response);
    const pageEtag = response.headers.get('ETag') ?? '';
    if (etag !== null && pageEtag !== etag) return { ok: false, status: 0, code: VERSION_MOVED, message: '' };
    etag = pageEtag;
    const page = readPage((await response.json()) as unknown);
    version = page.version;
    beads.push(...page.beads);
    if (page.blockCount === 0 || offset + PAGE_SIZE >= page.total) break;
  }
  return { ok: true, value: { version, etag: etag ?? '', beads } };
}

/** The outcome of an edit request. */
export type EditOutcome =
  | { kind: 'saved'; etag: string }
  /** Someone else saved first (412): nothing of ours was applied. */
  | { kind: 'conflict'; message: string }
  | { kind: 'refused'; failure: ApiFailure };

/** Sends `ops` against the version `etag` names; applied together or not at all. */
export async function postEdits(
  context: ApiContext,
  pairId: string,
  etag: string,
  ops: readonly EditOp[],
): Promise<EditOutcome> {
  const path = `/v1/pairs/${encodeURIComponent(pairId)}/alignment/edits`;
  const headers = headersOf(context, { 'Content-Type': 'application/json', 'If-Match': etag });
  const response = await call(path, { method: 'POST', headers, body: JSON.stringify(ops) });
  if (!(response instanceof Response)) return { kind: 'refused', failure: response };
  if (response.status === 412 || response.status === 409) {
    const failure = await failureOf(response);
    return { kind: 'conflict', message: failure.message };
  }
  if (!response.ok) return { kind: 'refused', failure: await failureOf(response) };
  return { kind: 'saved', etag: response.headers.get('ETag') ?? '' };
}

interface ReadPage {
  version: number;
  total: number;
  blockCount: number;
  beads: EditorBead[];
}

// The API's JSON is read defensively: the page shows what it can rather than break on an unexpected field.
function readPage(body: unknown): ReadPage {
  const record = isRecord(body) ? body : {};
  const items = Array.isArray(record['items']) ? record['items'] : [];
  const beads = items.flatMap((block: unknown) => {
    const segments = isRecord(block) && Array.isArray(block['segments']) ? block['segments'] : [];
    return segments.filter(isRecord).map(readBead);
  });
  return {
    version: numberOr(record['version'], 1),
    total: numberOr(record['total'], 0),
    blockCount: items.length,
    beads,
  };
}

function readBead(segment: Record<string, unknown>): EditorBead {
  const status = segment['status'];
  return {
    index: numberOr(segment['index'], 0),
    blockBead: numberOr(segment['blockBead'], 0),
    label: typeof segment['label'] === 'string' ? segment['label'] : null,
    sourceCount: countOf(segment['sourceSentences']),
    targetCount: countOf(segment['targetSentences']),
    source: sentenceTexts(segment, 'source'),
    target: sentenceTexts(segment, 'target'),
    // The API keeps the sentences' own text beside an edited side's, and null for a side never edited.
    sourceEdited: typeof segment['originalSourceText'] === 'string',
    targetEdited: typeof segment['originalTargetText'] === 'string',
    confidence: numberOr(segment['confidence'], 0),
    status: status === 'approved' || status === 'rejected' ? (status satisfies ReviewStatus) : 'pending',
  };
}

function sentenceTexts(segment: Record<string, unknown>, side: 'source' | 'target'): string[] {
  const texts = segment[`${side}SentenceTexts`];
  const edited = typeof segment[`original${side === 'source' ? 'Source' : 'Target'}Text`] === 'string';
  if (Array.isArray(texts) && !edited) return texts.filter((text): text is string => typeof text === 'string');
  const joined = segment[`${side}Text`];
  return typeof joined === 'string' && joined !== '' ? [joined] : [];
}

function countOf(indices: unknown): number {
  return Array.isArray(indices) ? indices.length : 0;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
