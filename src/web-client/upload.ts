/**
 * The upload form (page /review/upload): sends two language versions (any two of the six) to POST /v1/pairs, follows
 * the alignment with GET /v1/pairs/{id}?wait (answered at each new stage, not polled), then opens the editor. The
 * API's one-line messages are shown as they come, in the page's language.
 */
import { describeFailure, getJson, postForm, type ApiContext } from './api-client.js';
import { createTranslator, isRecord, readDataJson } from './page-messages.js';

/** The file fields of the form, one a UN language (the API's field names). */
const VERSION_FIELDS = ['fr', 'en', 'ar', 'es', 'ru', 'zh'];

/** Seconds each look at the pair may wait for it to change (the API answers at each new stage and at the end). */
const WAIT_SECONDS = 20;
/** Least milliseconds between two looks: a service that cannot wait (a short request timeout) answers at once. */
const MIN_LOOK_GAP_MS = 500;

function start(): void {
  const form = document.getElementById('upload');
  const config = form instanceof HTMLFormElement ? readDataJson(form, 'upload') : null;
  if (!(form instanceof HTMLFormElement) || !isRecord(config)) return;
  const language = typeof config['language'] === 'string' ? config['language'] : 'en';
  const nextPath = typeof config['nextPath'] === 'string' ? config['nextPath'] : '/review/{id}';
  const api: ApiContext = { language, csrfToken: typeof config['csrfToken'] === 'string' ? config['csrfToken'] : '' };
  const t = createTranslator(language, config['messages']);
  const status = byId('upload-status');
  const error = byId('upload-error');
  const progress = byId('upload-progress');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');

  const say = (message: string): void => {
    status.textContent = message;
  };
  const fail = (message: string): void => {
    error.textContent = message;
    say('');
    progress.hidden = true;
    if (submit !== null) submit.disabled = false;
  };

  const follow = async (id: string): Promise<void> => {
    let after = '';
    for (;;) {
      const sent = Date.now();
      // The first look answers at once; each next one when the pair has moved on from what the page shows.
      const query = after === '' ? '' : `?wait=${WAIT_SECONDS}&after=${encodeURIComponent(after)}`;
      const read = await getJson(api, `/v1/pairs/${encodeURIComponent(id)}${query}`);
      if (!read.ok) return fail(describeFailure(read, t));
      const pair = isRecord(read.value) ? read.value : {};
      const state = typeof pair['status'] === 'string' ? pair['status'] : '';
      const percent = typeof pair['progress'] === 'number' ? pair['progress'] : 0;
      if (progress instanceof HTMLProgressElement) progress.value = percent;
      if (state === 'failed') {
        const reason = typeof pair['failureReason'] === 'string' ? pair['failureReason'] : '';
        return fail(t('upload.failed', { reason }));
      }
      if (state === 'done') {
        say(t('upload.done'));
        window.location.assign(nextPath.replace('{id}', encodeURIComponent(id)));
        return;
      }
      const statusText = typeof pair['statusText'] === 'string' ? pair['statusText'] : state;
      say(t('upload.aligning', { status: statusText, progress: percent }));
      after = typeof pair['updatedAt'] === 'string' ? pair['updatedAt'] : '';
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_LOOK_GAP_MS - (Date.now() - sent))));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = VERSION_FIELDS.filter((name) => fileOf(form, name) !== null);
    if (chosen.length > 2) return fail(t('upload.tooManyFiles'));
    const [only] = chosen;
    if (chosen.length === 1 && (only === 'fr' || only === 'en')) {
      // French with English was the form's first pair: name the other one, as before.
      const missing = only === 'fr' ? 'en' : 'fr';
      fail(t('upload.missingFile', { language: t(`language.${missing}`) }));
      byId(`upload-${missing}`).focus();
      return;
    }
    if (chosen.length < 2) return fail(t('upload.twoFiles'));
    const original = new FormData(form).get('sourceLanguage');
    if (typeof original === 'string' && original !== '' && !chosen.includes(original))
      return fail(t('upload.sourceMissing', { language: t(`language.${original}`) }));
    if (submit !== null) submit.disabled = true;
    progress.hidden = false;
    say(t('upload.sending'));
    void postForm(api, '/v1/pairs', formDataOf(form)).then((sent) => {
      if (!sent.ok) return fail(describeFailure(sent, t));
      const id = isRecord(sent.value) && typeof sent.value['pairId'] === 'string' ? sent.value['pairId'] : '';
      return follow(id);
    });
  });
}

// Only what was filled in: the API refuses an empty collection or symbol, and an empty file is no dictionary.
function formDataOf(form: HTMLFormElement): FormData {
  const data = new FormData();
  for (const name of [...VERSION_FIELDS, 'dictionary']) {
    const file = fileOf(form, name);
    if (file !== null) data.append(name, file, file.name);
  }
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') data.append(name, value.trim());
  }
  return data;
}

function fileOf(form: HTMLFormElement, name: string): File | null {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement && input.files !== null ? (input.files[0] ?? null) : null;
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the upload page has no #${id}`);
  return element;
}

start();
