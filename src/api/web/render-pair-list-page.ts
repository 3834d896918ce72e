/** Renders the list of pairs: status, symbol, languages, parity, a link to each pair's page, filters and pages. */
import { PAIR_STATUSES, PairStatus, type Page, type PairFilter, type PairRecord } from '../../storage/store.js';
import { renderListPager } from './render-list-pager.js';
import { html, type SafeHtml } from './html.js';
import { formatInstant, type PageContext } from './page-context.js';
import { renderLayout } from './render-layout.js';
import { pairTitle } from './render-pair-page.js';

/** What {@link renderPairListPage} shows. */
export interface PairListPageData {
  /** One page of pairs, newest first, and the size of the filtered list. */
  pairs: Page<PairRecord>;
  /** The filters applied. */
  filter: PairFilter;
  /** Pairs per page. */
  limit: number;
  /** Pairs skipped. */
  offset: number;
}

/** Renders a complete HTML document listing one page of pairs. */
export function renderPairListPage(context: PageContext, data: PairListPageData): string {
  const { t } = context;
  const { pairs, limit, offset } = data;
  const rows = pairs.items.map((pair) => renderPairRow(context, pair));
  const pager = renderListPager(context, {
    limit,
    offset,
    shown: pairs.items.length,
    total: pairs.total,
    rangeKey: 'list.range',
    noneKey: 'list.none',
  });

  const body = html`${renderFilters(context, data.filter, limit)} ${pager}
  ${
    pairs.items.length === 0
      ? html`<p class="muted">${t('list.empty')}</p>`
      : html`<table class="pairs">
          <thead>
            <tr>
              <th scope="col">${t('column.symbol')}</th>
              <th scope="col">${t('column.collection')}</th>
              <th scope="col">${t('column.languages')}</th>
              <th scope="col">${t('column.status')}</th>
              <th scope="col">${t('column.parity')}</th>
              <th scope="col" class="num">${t('column.beads')}</th>
              <th scope="col">${t('column.uploaded')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`
  }`;
  return renderLayout(context, { title: t('list.title'), body });
}

function renderPairRow(context: PageContext, pair: PairRecord): SafeHtml {
  const { t } = context;
  const running = pair.status !== PairStatus.done && pair.status !== PairStatus.failed;
  const parity =
    pair.parity === null
      ? html`<span class="muted">—</span>`
      : html`<span class="${pair.parity ? 'parity-ok' : 'parity-bad'}"
          >${t(pair.parity ? 'parity.yes' : 'parity.no')}</span
        >`;
  return html`<tr data-pair-id="${pair.id}" class="status-${pair.status}">
    <td><a class="pair-link" href="/review/${encodeURIComponent(pair.id)}">${pairTitle(pair)}</a></td>
    <td>${pair.collection ?? '—'}</td>
    <td>${pair.sourceLanguage} → ${pair.targetLanguage}</td>
    <td class="status">${t(`status:${pair.status}`)}${running ? ` (${pair.progress} %)` : ''}</td>
    <td class="parity">${parity}</td>
    <td class="num">${pair.counts === null ? '—' : `${pair.counts.blockBeads} / ${pair.counts.sentenceBeads}`}</td>
    <td>${formatInstant(pair.createdAt)}</td>
  </tr>`;
}

function renderFilters(context: PageContext, filter: PairFilter, limit: number): SafeHtml {
  const { t } = context;
  const option = (value: string, label: string, selected: boolean): SafeHtml =>
    html`<option value="${value}" ${selected ? html` selected` : null}>${label}</option>`;
  const parity = filter.parity === undefined ? '' : String(filter.parity);
  return html`<form class="filters" method="get" action="/review">
    <label
      >${t('column.status')}
      <select name="status">
        ${option('', t('list.any'), filter.status === undefined)}${PAIR_STATUSES.map((status) =>
          option(status, t(`status:${status}`), filter.status === status),
        )}
      </select></label
    >
    <label
      >${t('column.parity')}
      <select name="parity">
        ${option('', t('list.any'), parity === '')}${option('true', t('parity.yes'), parity === 'true')}${option(
          'false',
          t('parity.no'),
          parity === 'false',
        )}
      </select></label
    >
    <label>${t('column.collection')} <input name="collection" value="${filter.collection ?? ''}" /></label>
    <label>${t('column.symbol')} <input name="symbol" value="${filter.symbol ?? ''}" /></label>
    <input type="hidden" name="limit" value="${limit}" />
    ${context.query.lng !== undefined ? html`<input type="hidden" name="lng" value="${context.query.lng}" />` : null}
    <button type="submit">${t('list.filter')}</button>
  </form>`;
}
