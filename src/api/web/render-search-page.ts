/**
 * Renders the concordance search page: a form (words, language) and the hits, each with the other language of its
 * pair beside and, for a pair of a document, the same unit in the document's other languages.
 */
import { UN_LANGUAGES } from '../../core/model.js';
import type { HitWithVersions } from '../../service/add-document-versions.js';
import { html, type SafeHtml } from './html.js';
import type { PageContext } from './page-context.js';
import { textDirection } from './render-document-page.js';
import { renderLayout } from './render-layout.js';

/** Where the search page is. */
export const SEARCH_PAGE_PATH = '/review/search';

/** What {@link renderSearchPage} shows. */
export interface SearchPageData {
  /** The words searched, or "" before a search. */
  q: string;
  /** The language searched. */
  lang: string;
  /** The hits of the page, or null before a search. */
  hits: { items: HitWithVersions[]; total: number; totalIsExact: boolean } | null;
}

/** Renders a complete HTML document for the search page. */
export function renderSearchPage(context: PageContext, data: SearchPageData): string {
  const { t } = context;
  const form = html`<form class="filters" method="get" action="${SEARCH_PAGE_PATH}" role="search">
    <label
      >${t('search.words')}
      <input type="search" name="q" value="${data.q}" maxlength="500" required dir="auto" lang="${data.lang}"
    /></label>
    <label
      >${t('search.language')}
      <select name="lang">
        ${UN_LANGUAGES.map(
          (language) =>
            html`<option value="${language}" ${language === data.lang ? html`selected` : null}>
              ${t(`languageTitle.${language}`)}
            </option>`,
        )}
      </select></label
    >
    <button type="submit" class="primary">${t('search.submit')}</button>
  </form>`;
  return renderLayout(context, {
    title: t('search.title'),
    body: html`${form} ${data.hits === null ? null : renderHits(context, data.hits)}`,
  });
}

function renderHits(context: PageContext, hits: NonNullable<SearchPageData['hits']>): SafeHtml {
  const { t } = context;
  if (hits.items.length === 0) return html`<p class="muted">${t('search.none')}</p>`;
  return html`<p>${t(hits.totalIsExact ? 'search.total' : 'search.totalAtLeast', { count: hits.total })}</p>
    <table class="alignment hits">
      <thead>
        <tr>
          <th scope="col">${t('search.found')}</th>
          <th scope="col">${t('search.beside')}</th>
        </tr>
      </thead>
      <tbody>
        ${hits.items.map((hit) => {
          const beside = hit.document?.versions ?? [{ language: hit.otherLanguage, text: hit.otherText }];
          return html`<tr data-pair="${hit.pairId}" data-index="${hit.index}">
            <td class="text" lang="${hit.language}" dir="${textDirection(hit.language)}">
              <p>${hit.text}</p>
              <p class="muted" dir="auto">
                <a href="/review/${encodeURIComponent(hit.pairId)}">${hit.symbol ?? hit.pairId}</a>${
                  hit.label !== null ? html` · ${hit.label}` : null
                }
              </p>
            </td>
            <td>
              <dl class="beside">
                ${beside.map(
                  (version) =>
                    html`<dt>${t(`languageTitle.${version.language}`)}</dt>
                      ${
                        version.text === ''
                          ? html`<dd class="empty-side" data-language="${version.language}">
                              ${t('table.nothingIn', { language: t(`language.${version.language}`) })}
                            </dd>`
                          : html`<dd
                              lang="${version.language}"
                              dir="${textDirection(version.language)}"
                              data-language="${version.language}"
                            >
                              ${version.text}
                            </dd>`
                      }`,
                )}
              </dl>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
