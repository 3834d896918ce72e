/** Renders the parity report: the verdict and its reasons, what each version has, and each list of problems. */
import type { ParityReport } from '../../core/qa/parity-report.js';
import type { BlockRef, SentenceRef, Side } from '../../core/qa/unit-ref.js';
import { html, type SafeHtml } from './html.js';
import { formatConfidence, type PageContext } from './page-context.js';

/** Longest list a section prints; the table below the report marks every row anyway. */
export const MAX_LISTED = 100;

const SUMMARY_KEYS = [
  'missing',
  'outOfOrder',
  'numberingShifts',
  'splitsAndMerges',
  'footnoteMismatches',
  'tokenMismatches',
  'lengthOutliers',
  'untranslated',
  'lowConfidence',
  'unalignedSentences',
] as const;

/** Renders `report` as the "Parity report" section of a pair page. */
export function renderReportSummary(context: PageContext, report: ParityReport): SafeHtml {
  const { t } = context;
  const language = (side: Side): string => report.languages[side];
  const languageName = (side: Side): string => t(`language.${language(side)}`);
  const sides = ['source', 'target'] as const;

  const verdict = report.parity
    ? html`<p class="verdict parity-ok">${t('report.verdictOk')}</p>`
    : html`<p class="verdict parity-bad">${t('report.verdictBad')}</p>
        <ul class="blockers">
          ${report.summary.blockers.map(
            (blocker) => html`<li data-blocker="${blocker}">${t(`blocker.${blocker}`)}</li>`,
          )}
        </ul>`;

  const summary = html`<table class="summary">
    <thead>
      <tr>
        <th scope="col">${t('report.problem')}</th>
        <th scope="col" class="num">${t('report.count')}</th>
      </tr>
    </thead>
    <tbody>
      ${SUMMARY_KEYS.map(
        (key) =>
          html`<tr data-summary="${key}" ${report.summary[key] > 0 ? html` class="has-problems"` : null}>
            <th scope="row">${t(`summary.${key}`)}</th>
            <td class="num">${report.summary[key]}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;

  const countRows = (['blocks', 'sentences', 'labelledParagraphs', 'footnotes'] as const).map(
    (key) =>
      html`<tr>
        <th scope="row">${t(`counts.${key}`)}</th>
        ${sides.map((side) => html`<td class="num">${report.counts[side][key]}</td>`)}
      </tr>`,
  );
  const counts = html`<table class="counts">
    <thead>
      <tr>
        <th></th>
        ${sides.map((side) => html`<th scope="col" class="num">${t(`languageTitle.${language(side)}`)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${countRows}
    </tbody>
  </table>`;

  const onlyIn = (side: Side): string => t('detail.onlyIn', { language: languageName(side) });
  const inLanguage = (side: Side): string => t('detail.inLanguage', { language: languageName(side) });
  const blockText = (refs: readonly BlockRef[]): SafeHtml => html`${refs.map((ref) => html`<q>${ref.text}</q> `)}`;
  const sentenceText = (refs: readonly SentenceRef[]): SafeHtml =>
    html`${refs.map((ref) => html`<q>${ref.text}</q> `)}`;
  // No block on a side prints as a dash; a block without a number says so.
  const labelsOf = (refs: readonly BlockRef[]): string =>
    refs.length === 0 ? '—' : refs.map((ref) => ref.path ?? ref.label ?? t('table.unlabelled')).join(', ');

  const sections: SafeHtml[] = [
    section(
      context,
      'missing',
      report.missing,
      (item) => html`<strong>${item.path}</strong> — ${onlyIn(item.side)}: <q>${item.text}</q>`,
    ),
    section(context, 'outOfOrder', report.outOfOrder, (item) => {
      const previous = item.previous?.label ?? t('detail.start');
      return html`<strong>${item.label}</strong> ${inLanguage(item.side)} —
        ${t(`problem.${item.problem}`, { previous, skipped: item.skipped.join(' ') })}`;
    }),
    section(context, 'numberingShifts', report.numberingShifts, (shift) => {
      const other: Side = shift.side === 'source' ? 'target' : 'source';
      const by = shift.by < 0 ? `\u2212${-shift.by}` : `+${shift.by}`;
      const language = languageName(shift.side);
      // Plural forms by key, one or many: the catalogues hold no i18next plural suffixes.
      const paragraphs = (paths: string[], key: 'shiftMissing' | 'shiftExtra'): string[] =>
        paths.length === 0
          ? []
          : [t(`detail.${key}${paths.length === 1 ? 'One' : 'Many'}`, { paths: paths.join(', '), language })];
      const causes = [...paragraphs(shift.missing, 'shiftMissing'), ...paragraphs(shift.extra, 'shiftExtra')];
      const detail =
        causes.length > 0
          ? causes.join('; ')
          : t('detail.shiftSame', {
              language: languageName(other),
              path: shift.from,
              shiftedLanguage: language,
              shiftedPath: shift.to,
            });
      return html`<strong>${t('detail.shift', { language, by, from: shift.from })}</strong>: ${detail}`;
    }),
    section(
      context,
      'splitsAndMerges',
      report.splitsAndMerges,
      (item) =>
        html`<strong>${item.shape}</strong> — ${languageName('source')}: ${labelsOf(item.source)};
          ${languageName('target')}: ${labelsOf(item.target)} ${blockText([...item.source, ...item.target])}`,
    ),
    renderFootnotes(context, report),
    section(
      context,
      'tokenMismatches',
      report.tokenMismatches,
      (item) =>
        html`<strong>${labelsOf(item.source)}</strong> ${(['numbers', 'symbols', 'dates'] as const).flatMap((kind) =>
            sides.flatMap((side) => {
              const values = item[kind][side === 'source' ? 'sourceOnly' : 'targetOnly'];
              return values.length === 0
                ? []
                : [
                    html`<span class="tokens"
                      >${t(`token.${kind}`)} ${onlyIn(side)}:
                      ${values.map((value) => html`<code>${value}</code>`)}</span
                    > `,
                  ];
            }),
          )}`,
    ),
    section(
      context,
      'untranslated',
      report.untranslated,
      (item) => html`${pathOf(item.source)} ${sentenceText(item.source)}`,
    ),
    section(
      context,
      'lengthOutliers',
      report.lengthOutliers,
      (item) =>
        html`${pathOf(item.source)} ${t('detail.ratio', { ratio: item.ratio, median: item.medianRatio })}
        ${sentenceText([...item.source, ...item.target])}`,
    ),
    section(
      context,
      'lowConfidence',
      report.lowConfidence,
      (item) =>
        html`${pathOf([...item.source, ...item.target])} <strong>${item.shape}</strong> ·
          ${formatConfidence(context, item.confidence)} ${sentenceText([...item.source, ...item.target])}`,
    ),
  ];

  return html`<section class="report" id="report">
    <h2>${t('report.title')}</h2>
    ${verdict}
    <div class="report-tables">${summary}${counts}</div>
    ${sections}
  </section>`;
}

function renderFootnotes(context: PageContext, report: ParityReport): SafeHtml {
  const { t } = context;
  const notes = report.footnotes;
  if (notes.match) return html``;
  const items = (['source', 'target'] as const).map((side) => {
    const language = t(`language.${report.languages[side]}`);
    const markers = side === 'source' ? notes.sourceOnly : notes.targetOnly;
    const references = side === 'source' ? notes.references.sourceOnly : notes.references.targetOnly;
    return html`<li>
      ${t('detail.footnotes', { language, notes: notes.counts[side], references: notes.references[side] })}${
        markers.length > 0
          ? html` — ${t('detail.onlyIn', { language })}:
            ${markers.map((note) => html`<code>${note.label ?? '—'}</code>`)}`
          : null
      }${
        references.length > 0
          ? html` — ${t('detail.referencesOnlyIn', { language })}:
            ${references.map((marker) => html`<code>${marker}</code>`)}`
          : null
      }
    </li>`;
  });
  return html`<section class="problem-list" data-section="footnotes">
    <h3>${t('summary.footnoteMismatches')} (${report.summary.footnoteMismatches})</h3>
    <ul class="problems">
      ${items}
    </ul>
  </section>`;
}

function pathOf(refs: readonly SentenceRef[]): SafeHtml {
  const path = refs.find((ref) => ref.path !== null)?.path;
  return path === undefined ? html`` : html`<strong>${path}</strong>`;
}

function section<T>(
  context: PageContext,
  key: string,
  items: readonly T[],
  renderItem: (item: T) => SafeHtml,
): SafeHtml {
  if (items.length === 0) return html``;
  const shown = items.slice(0, MAX_LISTED);
  const hidden = items.length - shown.length;
  return html`<section class="problem-list" data-section="${key}">
    <h3>${context.t(`summary.${key}`)} (${items.length})</h3>
    <ul class="problems">
      ${shown.map(
        (item) => html`<li>${renderItem(item)}</li>`,
      )}${hidden > 0 ? html`<li class="muted">${context.t('detail.more', { count: hidden })}</li>` : null}
    </ul>
  </section>`;
}
