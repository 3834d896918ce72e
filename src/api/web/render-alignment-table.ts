/** Renders the alignment as a two-column table (French | English), one group of rows per paragraph label. */
import type { TokenMismatch } from '../../core/qa/parity-report.js';
import type { AlignmentGroup, AlignmentRow } from './build-alignment-rows.js';
import { RowClass, type ColumnSides } from './row-class.js';
import { html, type SafeHtml } from './html.js';
import { formatConfidence, type PageContext } from './page-context.js';

/** Renders `groups` as `<table class="alignment">`; `threshold` is the low-confidence limit shown in the legend. */
export function renderAlignmentTable(
  context: PageContext,
  groups: readonly AlignmentGroup[],
  columns: ColumnSides,
  threshold: number,
): SafeHtml {
  const { t } = context;
  return html`<p class="legend">
      ${Object.values(RowClass).map(
        (name) =>
          html`<span class="${name}"
            >${t(`rowClass.${name}`, { threshold: formatConfidence(context, threshold) })}</span
          >`,
      )}
    </p>
    <table class="alignment">
      <thead>
        <tr>
          <th scope="col" lang="${columns.left}">${t(`languageTitle.${columns.left}`)}</th>
          <th scope="col" lang="${columns.right}">${t(`languageTitle.${columns.right}`)}</th>
          <th scope="col" class="num">${t('table.confidence')}</th>
        </tr>
      </thead>
      ${groups.map((group) => renderGroup(context, group, columns))}
    </table>`;
}

function renderGroup(context: PageContext, group: AlignmentGroup, columns: ColumnSides): SafeHtml {
  const { t } = context;
  const classes = [
    'group',
    ...group.classes,
    group.missingLanguage !== null ? `missing-${safeToken(group.missingLanguage)}` : '',
  ];
  return html`<tbody data-block-bead="${group.bead}">
    <tr class="${classes.filter(Boolean).join(' ')}" data-shape="${group.shape}" data-label="${group.label ?? ''}">
      <th colspan="3" scope="rowgroup">
        ${
          group.label !== null
            ? html`<span class="label">${group.label}</span>`
            : html`<span class="label muted">${t('table.unlabelled')}</span>`
        }<span class="shape"
          >${group.shape} · ${t(`method.${group.method}`)} ·
          ${formatConfidence(context, group.confidence)}${
            group.classes.length > 0
              ? html` · ${group.classes.map((name) => t(`rowClass.${name}`, { threshold: '' })).join(', ')}`
              : null
          }</span
        >${group.tokens !== null ? renderTokens(context, group.tokens, columns) : null}
      </th>
    </tr>
    ${
      group.rows.length === 0
        ? html`<tr class="no-sentences">
            <td colspan="3" class="muted">${t('table.noSentences')}</td>
          </tr>`
        : null
    }
    ${group.rows.map((row) => renderRow(context, row, group, columns))}
  </tbody>`;
}

function renderRow(context: PageContext, row: AlignmentRow, group: AlignmentGroup, columns: ColumnSides): SafeHtml {
  const classes = ['bead', ...row.classes];
  if (row.missingLanguage !== null) classes.push(`missing-${safeToken(row.missingLanguage)}`);
  if (row.problem) classes.push('problem');
  return html`<tr
    class="${classes.join(' ')}"
    data-bead="${row.bead}"
    data-shape="${row.shape}"
    data-label="${group.label ?? ''}"
  >
    ${renderCell(context, row.left, columns.left)}${renderCell(context, row.right, columns.right)}
    <td class="num conf">${formatConfidence(context, row.confidence)}</td>
  </tr> `;
}

function renderCell(context: PageContext, text: string, language: string): SafeHtml {
  return text === ''
    ? html`<td class="text empty-side">
        ${context.t('table.nothingIn', { language: context.t(`language.${language}`) })}
      </td>`
    : // Arabic runs right to left: the browser takes each cell's direction from its first strong character.
      html`<td class="text" lang="${language}" dir="auto">${text}</td>`;
}

function renderTokens(context: PageContext, tokens: TokenMismatch, columns: ColumnSides): SafeHtml {
  const { t } = context;
  const sideOf = (language: string): 'sourceOnly' | 'targetOnly' =>
    (language === columns.left) === columns.leftIsSource ? 'sourceOnly' : 'targetOnly';
  const lines = (['numbers', 'symbols', 'dates'] as const).flatMap((kind) =>
    [columns.left, columns.right].flatMap((language) => {
      const values = tokens[kind][sideOf(language)];
      return values.length === 0
        ? []
        : [
            html`<div class="tokens">
              ${t(`token.${kind}`)} — ${t('detail.onlyIn', { language: t(`language.${language}`) })}:
              ${values.map((value) => html`<code>${value}</code>`)}
            </div>`,
          ];
    }),
  );
  return html`${lines}`;
}

// Language codes become part of a class name; keep only what a class name may hold.
function safeToken(code: string): string {
  return code.replace(/[^a-zA-Z0-9_-]/g, '');
}
