/** Renders the page shown when a review page cannot be: unknown pair, bad query, or an error of ours. */
import { html } from './html.js';
import type { PageContext } from './page-context.js';
import { renderLayout } from './render-layout.js';

/** Renders a complete HTML error document; `message` is the already localised one-line explanation. */
export function renderErrorPage(context: PageContext, status: number, message: string): string {
  const { t } = context;
  const titleKey = status === 404 ? 'error.notFound' : status < 500 ? 'error.badRequest' : 'error.internal';
  const body = html`<p class="error-message" data-status="${status}">${message}</p>
    <p><a href="/review">${t('error.back')}</a></p>`;
  return renderLayout(context, { title: t(titleKey), body });
}
