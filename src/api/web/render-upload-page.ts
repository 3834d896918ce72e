/**
 * The upload form for translators: two language versions of a document (any two of the six UN languages), which one
 * is the original, collection, symbol and an optional dictionary. Its script sends them to POST /v1/pairs, shows the
 * alignment's progress and then opens the editor (or the pair's page for a role that may not edit).
 */
import { UN_LANGUAGES } from '../../core/model.js';
import { html, type SafeHtml } from './html.js';
import { mayUse, type PageContext } from './page-context.js';
import { renderLayout } from './render-layout.js';
import { webScriptUrl } from './web-bundle.js';

/** What the upload form's script reads from the page's `data-upload` attribute. */
export interface UploadConfig {
  /** Language of the page (the API is asked in it). */
  language: string;
  /** CSRF token for the API call; "" when the service runs without accounts. */
  csrfToken: string;
  /** Where to go once the pair is aligned, with `{id}` for its id. */
  nextPath: string;
  /** The `client` messages of the review catalogue in the page's language. */
  messages: unknown;
}

/** What {@link renderUploadPage} shows. */
export interface UploadPageData {
  /** Collections the account is limited to, or null for any. */
  collections: readonly string[] | null;
  /** The client messages (see {@link UploadConfig.messages}). */
  messages: unknown;
}

// French and English first, as the form offered them before the other four languages.
const ORDERED_LANGUAGES = ['fr', 'en', ...UN_LANGUAGES.filter((language) => language !== 'fr' && language !== 'en')];

/** File types the service reads (src/extract), for the file pickers' `accept`. */
const DOCUMENT_TYPES = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';
const DICTIONARY_TYPES = '.txt,.tsv,.dic,.csv';

/** Renders the upload page's complete HTML document. */
export function renderUploadPage(context: PageContext, data: UploadPageData): string {
  const { t } = context;
  const config: UploadConfig = {
    language: context.language,
    csrfToken: context.account?.csrfToken ?? '',
    // "x" stands for any pair id: the policy only needs the path's shape.
    nextPath: mayUse(context, 'GET', '/review/x/edit') ? '/review/{id}/edit' : '/review/{id}',
    messages: data.messages,
  };
  const file = (name: string, accept: string): SafeHtml =>
    html`<p>
      <label for="upload-${name}">${t(`upload.${name}`)}</label>
      <input type="file" id="upload-${name}" name="${name}" accept="${accept}" aria-describedby="upload-${name}-help" />
      <span id="upload-${name}-help" class="muted">${t(`upload.${name}Help`)}</span>
    </p>`;
  const body = html`<form class="upload" id="upload" data-upload="${JSON.stringify(config)}" novalidate>
    <noscript><p class="error-message">${t('upload.noscript')}</p></noscript>
    <fieldset>
      <legend>${t('upload.versions')}</legend>
      ${ORDERED_LANGUAGES.map((language) => file(language, DOCUMENT_TYPES))}
    </fieldset>
    <fieldset>
      <legend>${t('upload.source')}</legend>
      <label><input type="radio" name="sourceLanguage" value="" checked /> ${t('upload.sourceAuto')}</label>
      ${ORDERED_LANGUAGES.map(
        (language) =>
          html`<label
            ><input type="radio" name="sourceLanguage" value="${language}" /> ${t(`language.${language}`)}</label
          >`,
      )}
    </fieldset>
    ${renderCollection(context, data.collections)}
    ${renderTextField('symbol', t('upload.symbol'), t('upload.symbolHelp'))} ${file('dictionary', DICTIONARY_TYPES)}
    <p><button type="submit" class="primary">${t('upload.submit')}</button></p>
    <p id="upload-status" class="editor-status" role="status" aria-live="polite"></p>
    <p><progress id="upload-progress" max="100" value="0" hidden></progress></p>
    <p id="upload-error" class="error-message" role="alert"></p>
  </form>`;
  return renderLayout(context, { title: t('upload.title'), body, scripts: [webScriptUrl('upload')] });
}

/** A free-text field of the form, named `name`, with its label and a line of help under it. */
function renderTextField(name: string, label: string, help: string): SafeHtml {
  return html`<p>
    <label for="upload-${name}">${label}</label>
    <input
      type="text"
      id="upload-${name}"
      name="${name}"
      maxlength="200"
      autocomplete="off"
      aria-describedby="upload-${name}-help"
    />
    <span id="upload-${name}-help" class="muted">${help}</span>
  </p>`;
}

function renderCollection(context: PageContext, collections: readonly string[] | null): SafeHtml {
  const { t } = context;
  if (collections === null) return renderTextField('collection', t('upload.collection'), t('upload.collectionHelp'));
  return html`<p>
    <label for="upload-collection">${t('upload.collection')}</label>
    <select id="upload-collection" name="collection" required>
      ${collections.map((collection) => html`<option value="${collection}">${collection}</option>`)}
    </select>
  </p>`;
}
