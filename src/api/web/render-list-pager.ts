/** The pager of a list page: previous and next links around "Pairs 21–40 of 95", the rest of the query kept. */
import { buildHref } from './build-href.js';
import { html, type SafeHtml } from './html.js';
import type { PageContext } from './page-context.js';

/** Where a list page stands, and the keys of its two range texts ("range" with from/to/total, "none" with total). */
export interface ListPosition {
  /** Items per page. */
  limit: number;
  /** Items skipped. */
  offset: number;
  /** Items on this page. */
  shown: number;
  /** Items in the whole filtered list. */
  total: number;
  /** i18n keys of the range shown and of an empty page. */
  rangeKey: string;
  noneKey: string;
}

/** The `<nav class="pager">` of a list page. */
export function renderListPager(context: PageContext, position: ListPosition): SafeHtml {
  const { t } = context;
  const { limit, offset, shown, total } = position;
  const previous = offset > 0 ? buildHref(context.path, context.query, { offset: Math.max(0, offset - limit) }) : null;
  const next = offset + limit < total ? buildHref(context.path, context.query, { offset: offset + limit }) : null;
  return html`<nav class="pager">
    ${previous !== null ? html`<a rel="prev" href="${previous}">${t('list.previous')}</a>` : null}<span class="range"
      >${
        shown === 0
          ? t(position.noneKey, { total })
          : t(position.rangeKey, { from: offset + 1, to: offset + shown, total })
      }</span
    >${next !== null ? html`<a rel="next" href="${next}">${t('list.next')}</a>` : null}
  </nav>`;
}
