/** Renders the review page of one pair: its facts, its state or failure, the parity report and the aligned text. */
import type { ParityReport } from '../../core/qa/parity-report.js';
import {
  PairStatus,
  type DocumentRecord,
  type Page,
  type PageRequest,
  type PairRecord,
  type StoredBlockBead,
} from '../../storage/store.js';
import { buildAlignmentRows, FALLBACK_LOW_CONFIDENCE, keepProblemRows } from './build-alignment-rows.js';
import { buildHref } from './build-href.js';
import { html, type SafeHtml } from './html.js';
import { formatInstant, mayUse, type PageContext } from './page-context.js';
import { renderAlignmentTable } from './render-alignment-table.js';
import { DOCUMENT_LIST_PATH, renderLayout } from './render-layout.js';
import { renderReportSummary } from './render-report-summary.js';
import { chooseColumns } from './row-class.js';

/** Seconds between reloads of a page whose pair is still queued or being aligned. */
export const REFRESH_SECONDS = 2;

/** Export formats linked from the page, as served by GET /v1/pairs/:id/export.:format. */
const EXPORT_FORMATS = ['tmx', 'tsv', 'xliff'] as const;

/** What {@link renderPairPage} shows. */
export interface PairPageData {
  /** The pair. */
  pair: PairRecord;
  /** Its parity report, or null while it has none. */
  report: ParityReport | null;
  /** One page of its block beads, or null while it has none. */
  alignment: Page<StoredBlockBead> | null;
  /** Which block beads `alignment` holds. */
  page: PageRequest;
  /** Whether only problem rows are shown (`?only=problems`). */
  onlyProblems: boolean;
  /** The document of several versions the pair aligns a version of, or null for a pair uploaded alone. */
  document: DocumentRecord | null;
}

/** Title of a pair's page: its symbol, or its two file names. */
export function pairTitle(pair: PairRecord): string {
  return pair.symbol ?? `${pair.sourceFileName} / ${pair.targetFileName}`;
}

/** Renders a complete HTML document for one pair. */
export function renderPairPage(context: PageContext, data: PairPageData): string {
  const { pair } = data;
  const running = pair.status !== PairStatus.done && pair.status !== PairStatus.failed;
  const body = html`${renderFacts(context, pair)}
  ${data.document !== null ? renderDocumentLink(context, data.document) : null}
  ${running ? renderRunning(context, pair) : null}
  ${pair.status === PairStatus.failed ? renderFailure(context, pair) : null}
  ${pair.status === PairStatus.done ? renderExports(context, pair) : null}
  ${data.report !== null ? renderReportSummary(context, data.report) : null}
  ${data.alignment !== null ? renderAlignment(context, data, data.alignment) : null}`;
  return renderLayout(context, {
    title: context.t('pair.title', { title: pairTitle(pair) }),
    body,
    ...(running ? { refreshSeconds: REFRESH_SECONDS } : {}),
  });
}

// The document's page holds what the pair alone cannot show: every version side by side and their parity matrix.
function renderDocumentLink(context: PageContext, document: DocumentRecord): SafeHtml {
  const href = `${DOCUMENT_LIST_PATH}/${encodeURIComponent(document.id)}`;
  return html`<p class="document-of-pair">
    <a href="${href}">${context.t('pair.document', { title: document.symbol ?? document.id })}</a>
  </p>`;
}

function renderFailure(context: PageContext, pair: PairRecord): SafeHtml {
  return html`<p class="failure parity-bad">${context.t('pair.failed', { reason: pair.failureReason ?? '' })}</p>`;
}

function renderParity(context: PageContext, parity: boolean): SafeHtml {
  const text = context.t(parity ? 'parity.yes' : 'parity.no');
  return html`<span class="${parity ? 'parity-ok' : 'parity-bad'}">${text}</span>`;
}

function renderFacts(context: PageContext, pair: PairRecord): SafeHtml {
  const { t } = context;
  const fact = (key: string, value: SafeHtml | string): SafeHtml =>
    html`<dt>${t(`pair.${key}`)}</dt>
      <dd data-fact="${key}">${value}</dd>`;
  const counts = pair.counts;
  const sourceFile = `${pair.sourceFileName} (${pair.sourceLanguage})`;
  const targetFile = `${pair.targetFileName} (${pair.targetLanguage})`;
  return html`<dl class="facts">
    ${fact('symbol', pair.symbol ?? '—')} ${fact('collection', pair.collection ?? '—')}
    ${fact('languages', `${t(`languageTitle.${pair.sourceLanguage}`)} → ${t(`languageTitle.${pair.targetLanguage}`)}`)}
    ${fact('status', html`<span class="status status-${pair.status}">${t(`status:${pair.status}`)}</span>`)}
    ${fact('parity', pair.parity === null ? '—' : renderParity(context, pair.parity))}
    ${fact('files', `${sourceFile} · ${targetFile}`)}
    ${
      counts === null
        ? null
        : fact(
            'counts',
            t('pair.countsText', {
              sourceBlocks: counts.sourceBlocks,
              targetBlocks: counts.targetBlocks,
              sourceSentences: counts.sourceSentences,
              targetSentences: counts.targetSentences,
              blockBeads: counts.blockBeads,
              sentenceBeads: counts.sentenceBeads,
            }),
          )
    }
    ${fact('uploaded', formatInstant(pair.createdAt))} ${fact('updated', formatInstant(pair.updatedAt))}
  </dl>`;
}

function renderRunning(context: PageContext, pair: PairRecord): SafeHtml {
  const { t } = context;
  return html`<section class="running">
    <p>
      <progress max="100" value="${pair.progress}">${pair.progress} %</progress>
      <span class="progress-text">${t('pair.progress', { progress: pair.progress })}</span>
    </p>
    <p class="muted">${t('pair.refreshing', { seconds: REFRESH_SECONDS })}</p>
  </section>`;
}

function renderExports(context: PageContext, pair: PairRecord): SafeHtml {
  const base = `/v1/pairs/${encodeURIComponent(pair.id)}`;
  const editor = `/review/${encodeURIComponent(pair.id)}/edit`;
  return html`${
      mayUse(context, 'GET', editor)
        ? html`<p class="open-editor"><a href="${editor}">${context.t('editor.open')}</a></p>`
        : null
    }
    <p class="exports">
      ${context.t('pair.download')}:
      ${EXPORT_FORMATS.map(
        (format) =>
          html`<a href="${base}/export.${format}" data-export="${format}" download>${format.toUpperCase()}</a>`,
      )}
    </p>`;
}

function renderAlignment(context: PageContext, data: PairPageData, alignment: Page<StoredBlockBead>): SafeHtml {
  const { t } = context;
  const { pair, page } = data;
  const columns = chooseColumns(pair.sourceLanguage, pair.targetLanguage);
  const all = buildAlignmentRows(alignment.items, data.report, {
    source: pair.sourceLanguage,
    target: pair.targetLanguage,
  });
  const groups = data.onlyProblems ? keepProblemRows(all) : all;
  const rowCount = (list: typeof all): number => list.reduce((total, group) => total + group.rows.length, 0);
  const threshold = data.report?.settings.lowConfidence ?? FALLBACK_LOW_CONFIDENCE;

  const filter = data.onlyProblems
    ? html`<a class="filter" href="${buildHref(context.path, context.query, { only: undefined })}"
        >${t('table.showAll')}</a
      >`
    : html`<a class="filter" href="${buildHref(context.path, context.query, { only: 'problems' })}"
        >${t('table.onlyProblems')}</a
      >`;
  const first = alignment.items[0]?.index;
  const last = alignment.items.at(-1)?.index;
  const previous =
    page.offset > 0 ? buildHref(context.path, context.query, { offset: Math.max(0, page.offset - page.limit) }) : null;
  const next =
    page.offset + page.limit < alignment.total
      ? buildHref(context.path, context.query, { offset: page.offset + page.limit })
      : null;
  const pager =
    previous === null && next === null
      ? null
      : html`<nav class="pager">
          ${previous !== null ? html`<a rel="prev" href="${previous}">${t('list.previous')}</a>` : null}<span>${t(
            'table.range',
            {
              from: (first ?? 0) + 1,
              to: (last ?? 0) + 1,
              total: alignment.total,
            },
          )}</span>${next !== null ? html`<a rel="next" href="${next}">${t('list.next')}</a>` : null}
        </nav>`;

  return html`<section class="alignment" id="alignment">
    <h2>${t('table.title')}</h2>
    <div class="filters">
      ${filter}<span class="row-count" data-shown="${rowCount(groups)}" data-total="${rowCount(all)}"
        >${t('table.rows', { shown: rowCount(groups), total: rowCount(all) })}</span
      >
    </div>
    ${pager}
    ${
      data.onlyProblems && groups.length === 0
        ? html`<p class="muted">${t('table.noProblems')}</p>`
        : renderAlignmentTable(context, groups, columns, threshold)
    }
    ${pager}
  </section>`;
}
