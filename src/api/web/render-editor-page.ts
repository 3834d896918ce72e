/**
 * The review editor's page: the frame the editor's script fills in (toolbar, filter, table, dialogs, the list of
 * shortcuts) and what the script needs to know, in one `data-editor` attribute (no inline script: the CSP forbids it).
 */
import type { ParityReport } from '../../core/qa/parity-report.js';
import type { PairRecord } from '../../storage/store.js';
import { Command, SHORTCUTS, shortcutOf, type Shortcut } from '../../web-client/editor-keys.js';
import { StatusFilter, type PairFacts } from '../../web-client/editor-model.js';
import { FALLBACK_LOW_CONFIDENCE } from './build-alignment-rows.js';
import { html, type SafeHtml } from './html.js';
import type { PageContext } from './page-context.js';
import { renderLayout } from './render-layout.js';
import { pairTitle } from './render-pair-page.js';
import { chooseColumns } from './row-class.js';
import { webScriptUrl } from './web-bundle.js';

/** What the editor's script reads from the page's `data-editor` attribute. */
export interface EditorConfig {
  /** The pair and its report's findings by block bead. */
  pair: PairFacts;
  /** Language of the page (the API is asked in it). */
  language: string;
  /** CSRF token for the API calls; "" when the service runs without accounts. */
  csrfToken: string;
  /** The `client` messages of the review catalogue in the page's language. */
  messages: unknown;
}

/** What {@link renderEditorPage} shows. */
export interface EditorPageData {
  /** The pair (aligned). */
  pair: PairRecord;
  /** Its parity report, or null. */
  report: ParityReport | null;
  /** The client messages (see {@link EditorConfig.messages}). */
  messages: unknown;
}

/** The toolbar's buttons, in groups: moving around, changing the beads, judging them. */
const TOOLBAR: ReadonlyArray<readonly Command[]> = [
  [Command.previous, Command.next, Command.previousProblem, Command.nextProblem],
  [
    Command.merge,
    Command.split,
    Command.moveLeftUp,
    Command.moveLeftDown,
    Command.moveRightUp,
    Command.moveRightDown,
    Command.edit,
  ],
  [Command.approve, Command.reject, Command.undo],
];

/** Export formats linked from the editor, as served by GET /v1/pairs/:id/export.:format. */
const EXPORT_FORMATS = ['tmx', 'tsv', 'xliff'] as const;

/** Renders the editor's complete HTML document. */
export function renderEditorPage(context: PageContext, data: EditorPageData): string {
  const { t } = context;
  const { pair, report } = data;
  const columns = chooseColumns(pair.sourceLanguage, pair.targetLanguage);
  const config: EditorConfig = {
    pair: {
      id: pair.id,
      sourceLanguage: pair.sourceLanguage,
      targetLanguage: pair.targetLanguage,
      lowConfidence: report?.settings.lowConfidence ?? FALLBACK_LOW_CONFIDENCE,
      numberMismatchBlocks: (report?.tokenMismatches ?? []).map((mismatch) => mismatch.bead),
      numberingShiftBlocks: (report?.numberingShifts ?? []).flatMap((shift) => shift.beads),
    },
    language: context.language,
    csrfToken: context.account?.csrfToken ?? '',
    messages: data.messages,
  };
  const languageNames = { left: t(`language.${columns.left}`), right: t(`language.${columns.right}`) };
  const label = (command: Command): string => t(`editor.command.${command}`, languageNames);

  const body = html`<div class="editor" id="editor" data-editor="${JSON.stringify(config)}">
    <p class="editor-links">
      <a href="/review/${encodeURIComponent(pair.id)}">${t('editor.back')}</a>
    </p>
    ${renderExports(context, pair)}
    <noscript><p class="error-message">${t('editor.noscript')}</p></noscript>
    <div class="toolbar">
      ${TOOLBAR.map(
        (group, i) =>
          html`<div role="group" aria-label="${t(`editor.group.${i}`)}">
            ${group.map((command) => renderButton(command, label(command), shortcutOf(command)))}
          </div>`,
      )}
    </div>
    <div class="filters">
      <label for="editor-filter">${t('editor.filter')}</label>
      <select id="editor-filter">
        ${Object.values(StatusFilter).map(
          (filter) => html`<option value="${filter}">${t(`editor.filterOption.${filter}`)}</option>`,
        )}
      </select>
      <span id="editor-count" class="row-count"></span>
    </div>
    <p id="editor-status" class="editor-status" role="status" aria-live="polite">${t('editor.loading')}</p>
    <p id="editor-error" class="error-message" role="alert"></p>
    <div id="editor-conflict" class="conflict" role="alert" hidden>
      <p class="conflict-message"></p>
      <p>${t('editor.conflictHelp')}</p>
      <button type="button" id="editor-reload">${t('editor.reload')}</button>
    </div>
    <table class="alignment editor-table" id="editor-table" aria-describedby="editor-help">
      <caption class="visually-hidden">
        ${t('editor.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="num">${t('editor.column.bead')}</th>
          <th scope="col" lang="${columns.left}">${t(`languageTitle.${columns.left}`)}</th>
          <th scope="col" lang="${columns.right}">${t(`languageTitle.${columns.right}`)}</th>
          <th scope="col" class="num">${t('table.confidence')}</th>
          <th scope="col">${t('editor.column.status')}</th>
        </tr>
      </thead>
      <tbody id="editor-rows"></tbody>
    </table>
    ${renderSplitDialog(context, columns.left, columns.right)} ${renderEditDialog(context, columns.left, columns.right)}
    ${renderShortcuts(context, label)}
  </div>`;
  return renderLayout(context, {
    title: t('editor.title', { title: pairTitle(pair) }),
    body,
    scripts: [webScriptUrl('editor')],
  });
}

function renderButton(command: Command, label: string, shortcut: Shortcut): SafeHtml {
  return html`<button type="button" data-command="${command}" aria-keyshortcuts="${shortcut.aria}">
    ${label} <kbd aria-hidden="true">${keyText(shortcut)}</kbd>
  </button>`;
}

function keyText(shortcut: Shortcut): string {
  const keys = shortcut.keys.map((key) => ARROWS[key] ?? key).join(' / ');
  return shortcut.modifier === 'none' ? keys : `${shortcut.modifier === 'shift' ? 'Shift' : 'Alt'}+${keys}`;
}

const ARROWS: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓' };

function renderExports(context: PageContext, pair: PairRecord): SafeHtml {
  const base = `/v1/pairs/${encodeURIComponent(pair.id)}`;
  return html`<p class="exports">
    ${context.t('editor.download')}:
    ${EXPORT_FORMATS.map(
      (format) => html`<a href="${base}/export.${format}" data-export="${format}" download>${format.toUpperCase()}</a>`,
    )}
    <a href="${base}/export.tmx?status=approved" data-export="tmx-approved" download
      >${context.t('editor.approvedTmx')}</a
    >
  </p>`;
}

function renderSplitDialog(context: PageContext, left: string, right: string): SafeHtml {
  const { t } = context;
  return html`<dialog id="split-dialog" class="editor-dialog" aria-labelledby="split-title">
    <form method="dialog">
      <h2 id="split-title"></h2>
      <p class="muted">${t('editor.split.help')}</p>
      <div class="split-sides">
        <fieldset data-column="left" lang="${left}">
          <legend>${t('editor.split.side', { language: t(`language.${left}`) })}</legend>
          <div class="split-points"></div>
        </fieldset>
        <fieldset data-column="right" lang="${right}">
          <legend>${t('editor.split.side', { language: t(`language.${right}`) })}</legend>
          <div class="split-points"></div>
        </fieldset>
      </div>
      <p class="error-message split-invalid" role="alert"></p>
      <p class="dialog-buttons">
        <button type="submit" value="split" class="primary">${t('editor.split.apply')}</button>
        <button type="submit" value="cancel" formnovalidate>${t('editor.cancel')}</button>
      </p>
    </form>
  </dialog>`;
}

function renderEditDialog(context: PageContext, left: string, right: string): SafeHtml {
  const { t } = context;
  const field = (column: 'left' | 'right', language: string): SafeHtml =>
    html`<p>
      <label for="edit-${column}">${t('editor.edit.side', { language: t(`language.${language}`) })}</label>
      <textarea id="edit-${column}" data-column="${column}" lang="${language}" dir="auto" rows="4"></textarea>
    </p>`;
  return html`<dialog id="edit-dialog" class="editor-dialog" aria-labelledby="edit-title">
    <form method="dialog">
      <h2 id="edit-title"></h2>
      ${field('left', left)} ${field('right', right)}
      <p class="muted">${t('editor.edit.help')}</p>
      <p class="dialog-buttons">
        <button type="submit" value="save" class="primary">${t('editor.edit.save')}</button>
        <button type="submit" value="cancel" formnovalidate>${t('editor.cancel')}</button>
      </p>
    </form>
  </dialog>`;
}

function renderShortcuts(context: PageContext, label: (command: Command) => string): SafeHtml {
  const { t } = context;
  return html`<section class="shortcuts" aria-labelledby="shortcuts-title">
    <h2 id="shortcuts-title">${t('editor.shortcuts')}</h2>
    <p id="editor-help" class="muted">${t('editor.shortcutsHelp')}</p>
    <dl>
      ${SHORTCUTS.map(
        (shortcut) =>
          html`<div>
            <dt><kbd>${keyText(shortcut)}</kbd></dt>
            <dd>${label(shortcut.command)}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}
