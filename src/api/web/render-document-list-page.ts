/**
 * Renders the list of documents of several language versions: symbol (a link to the document's page, its parity
 * matrix and n-way units), versions with the pivot first, how many of its pairs are aligned, collection, upload date;
 * filters and pages.
 */
import { UN_LANGUAGES } from '../../core/model.js';
import { PairStatus, type Page } from '../../storage/store.js';
import type { ListDocumentsQuery } from '../document-schemas.js';
import type { FoundDocument } from '../find-document.js';
import { renderListPager } from './render-list-pager.js';
import { html, type SafeHtml } from './html.js';
import { formatInstant, type PageContext } from './page-context.js';
import { DOCUMENT_LIST_PATH, renderLayout } from './render-layout.js';

/** What {@link renderDocumentListPage} shows. */
export interface DocumentListPageData {
  /** One page of documents, oldest first, with their pairs, and the size of the filtered list. */
  documents: Page<FoundDocument>;
  /** The filters and the page asked for. */
  query: ListDocumentsQuery;
}

/** Renders a complete HTML document listing one page of documents. */
export function renderDocumentListPage(context: PageContext, data: DocumentListPageData): string {
  const { t } = context;
  const { documents, query } = data;
  const { limit, offset } = query;
  const pager = renderListPager(context, {
    limit,
    offset,
    shown: documents.items.length,
    total: documents.total,
    rangeKey: 'documents.range',
    noneKey: 'documents.none',
  });
  const body = html`${renderFilters(context, query)} ${pager}
  ${
    documents.items.length === 0
      ? html`<p class="muted">${t('documents.empty')}</p>`
      : html`<table class="pairs documents">
          <thead>
            <tr>
              <th scope="col">${t('column.symbol')}</th>
              <th scope="col">${t('documents.versions')}</th>
              <th scope="col">${t('column.status')}</th>
              <th scope="col">${t('column.collection')}</th>
              <th scope="col">${t('documents.stored')}</th>
            </tr>
          </thead>
          <tbody>
            ${documents.items.map((found) => renderRow(context, found))}
          </tbody>
        </table>`
  }`;
  return renderLayout(context, { title: t('documents.title'), body });
}

function renderRow(context: PageContext, { document, pairs }: FoundDocument): SafeHtml {
  const { t } = context;
  const done = pairs.filter((pair) => pair.status === PairStatus.done).length;
  const failed = pairs.filter((pair) => pair.status === PairStatus.failed).length;
  // The pivot first: every other version was aligned with it.
  const languages = [
    document.pivotLanguage,
    ...document.versions.map((version) => version.language).filter((l) => l !== document.pivotLanguage),
  ];
  return html`<tr data-document-id="${document.id}">
    <td>
      <a class="document-link" href="${DOCUMENT_LIST_PATH}/${encodeURIComponent(document.id)}"
        >${document.symbol ?? document.id}</a
      >
    </td>
    <td>${languages.join(', ')}</td>
    <td class="${failed > 0 ? 'parity-bad' : ''}">
      ${t('documents.aligned', { done, total: pairs.length })}${
        failed > 0 ? html` · ${t('documents.failed', { count: failed })}` : null
      }
    </td>
    <td>${document.collection ?? '—'}</td>
    <td>${formatInstant(document.createdAt)}</td>
  </tr>`;
}

function renderFilters(context: PageContext, query: ListDocumentsQuery): SafeHtml {
  const { t } = context;
  const { language } = query;
  return html`<form class="filters" method="get" action="${DOCUMENT_LIST_PATH}">
    <label
      >${t('documents.language')}
      <select name="language">
        <option value="" ${language === undefined ? html` selected` : null}>${t('list.any')}</option>
        ${UN_LANGUAGES.map(
          (code) =>
            html`<option value="${code}" ${language === code ? html` selected` : null}>
              ${t(`language.${code}`)}
            </option>`,
        )}
      </select></label
    >
    <label>${t('column.collection')} <input name="collection" value="${query.collection ?? ''}" /></label>
    <label>${t('documents.symbolPrefix')} <input name="symbolPrefix" value="${query.symbolPrefix ?? ''}" /></label>
    <input type="hidden" name="limit" value="${query.limit}" />
    ${context.query.lng !== undefined ? html`<input type="hidden" name="lng" value="${context.query.lng}" />` : null}
    <button type="submit">${t('list.filter')}</button>
  </form>`;
}
