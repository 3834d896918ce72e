/** The HTML document around every review page: head, language switch, stylesheet link, optional self-refresh. */
import { buildHref } from './build-href.js';
import { html, type SafeHtml } from './html.js';
import { mayUse, type PageContext } from './page-context.js';
import { REVIEW_ICON_PATH, REVIEW_STYLESHEET_PATH } from './review-assets.js';

/** Where the upload form is. */
export const UPLOAD_PAGE_PATH = '/review/upload';

/** Where the list of documents of several language versions is served; each document's page is under it. */
export const DOCUMENT_LIST_PATH = '/review/documents';

/** Languages offered by the switch at the top of each page, with their own names. */
const LANGUAGE_NAMES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['en', 'English'],
  ['fr', 'Français'],
];

/** What {@link renderLayout} wraps. */
export interface LayoutInput {
  /** Text of `<title>` and of the page's `<h1>`. */
  title: string;
  /** Page content after the `<h1>`. */
  body: SafeHtml;
  /** Reload the page after this many seconds (meta refresh, no script needed); absent for a page that stays. */
  refreshSeconds?: number;
  /** URLs of our own module scripts the page runs (the editor, the upload form); most pages run none. */
  scripts?: readonly string[];
}

/** Renders a complete HTML document in the context's language. */
export function renderLayout(context: PageContext, input: LayoutInput): string {
  const { t } = context;
  const refresh =
    input.refreshSeconds !== undefined ? html`<meta http-equiv="refresh" content="${input.refreshSeconds}" />` : null;
  const switcher = LANGUAGE_NAMES.map(([code, name]) =>
    code === context.language
      ? html`<strong lang="${code}">${name}</strong>`
      : html`<a lang="${code}" hreflang="${code}" href="${buildHref(context.path, context.query, { lng: code })}"
          >${name}</a
        >`,
  );
  return html`<!DOCTYPE html>
    <html lang="${context.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${refresh}
        <title>${input.title} · paralign</title>
        <link rel="stylesheet" href="${REVIEW_STYLESHEET_PATH}" />
        <link rel="icon" type="image/svg+xml" href="${REVIEW_ICON_PATH}" />
        ${(input.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
      </head>
      <body>
        <header class="top">
          <nav class="site">
            <a href="/review">${t('nav.pairs')}</a><a href="${DOCUMENT_LIST_PATH}">${t('nav.documents')}</a
            ><a href="/review/search">${t('nav.search')}</a>${
              mayUse(context, 'GET', UPLOAD_PAGE_PATH)
                ? html`<a href="${UPLOAD_PAGE_PATH}">${t('nav.upload')}</a>`
                : null
            }
          </nav>
          <nav class="languages" aria-label="${t('nav.language')}">
            ${switcher}
            ${
              context.account === undefined
                ? null
                : html`<form class="sign-out" method="post" action="/sign-out">
                    <span>${t('signIn.signedInAs', { name: context.account.name, role: context.account.role })}</span>
                    <input type="hidden" name="_csrf" value="${context.account.csrfToken}" />
                    <button type="submit">${t('signIn.signOut')}</button>
                  </form>`
            }
          </nav>
        </header>
        <main>
          <h1>${input.title}</h1>
          ${input.body}
        </main>
      </body>
    </html> `.value;
}
