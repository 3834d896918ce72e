/** The sign-in page: a name and password form, with the CSRF token and where to go next. */
import { html } from './html.js';
import type { PageContext } from './page-context.js';
import { renderLayout } from './render-layout.js';

/** What {@link renderSignInPage} shows. */
export interface SignInPageInput {
  /** Local path to return to after signing in. */
  next: string;
  /** The form's CSRF token. */
  csrfToken: string;
  /** Name to fill in again after a failed attempt. */
  name?: string;
  /** Localised one-line message above the form (why sign-in is needed, or why it failed). */
  message?: string;
}

/** Renders the complete sign-in document. */
export function renderSignInPage(context: PageContext, input: SignInPageInput): string {
  const { t } = context;
  const body = html`${input.message !== undefined ? html`<p class="error-message">${input.message}</p>` : null}
    <form class="sign-in" method="post" action="/sign-in">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      <input type="hidden" name="next" value="${input.next}" />
      <p>
        <label
          >${t('signIn.name')}<br /><input name="name" autocomplete="username" required value="${input.name ?? ''}"
        /></label>
      </p>
      <p>
        <label
          >${t('signIn.password')}<br /><input name="password" type="password" autocomplete="current-password" required
        /></label>
      </p>
      <p><button type="submit">${t('signIn.submit')}</button></p>
    </form>`;
  return renderLayout({ ...context, account: undefined }, { title: t('signIn.title'), body });
}
