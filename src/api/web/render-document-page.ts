/**
 * Renders the review page of a document of two to six language versions: its versions and their pairs, the parity
 * matrix (what each version lacks, "paragraph 12 (c) is missing in Russian only") and the n-way units, one column a
 * language, each text in its own direction (Arabic right to left).
 */
import { describeGap } from '../../core/qa/describe-gap.js';
import type { MultiAlignment, SegmentedDocument } from '../../core/model.js';
import type { ParityMatrix } from '../../core/qa/parity-matrix.js';
import { PairStatus, type DocumentRecord, type PairRecord } from '../../storage/store.js';
import { buildHref } from './build-href.js';
import { html, type SafeHtml } from './html.js';
import { formatConfidence, formatInstant, type PageContext } from './page-context.js';
import { REFRESH_SECONDS } from './render-pair-page.js';
import { renderLayout } from './render-layout.js';
import { renderListPager } from './render-list-pager.js';

/** What {@link renderDocumentPage} shows. */
export interface DocumentPageData {
  /** The document. */
  document: DocumentRecord;
  /** The pair of each version other than the pivot. */
  pairs: readonly PairRecord[];
  /** The n-way alignment and its parity matrix, once every pair is aligned; else null. */
  aligned: { alignment: MultiAlignment; matrix: ParityMatrix } | null;
  /** The units shown: `limit` of them from `offset` (a long document's page stays light). */
  page: UnitPage;
}

/** Which units of the document the page shows. */
export interface UnitPage {
  limit: number;
  offset: number;
}

// Scripts written right to left among the languages paralign reads or names (Arabic, Persian); the others are left to
// the browser (dir="auto"), which reads the direction from the first strong character.
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** The `dir` attribute of a text in `language`. */
export function textDirection(language: string): 'rtl' | 'auto' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'auto';
}

/** Renders a complete HTML document for one document of several versions. */
export function renderDocumentPage(context: PageContext, data: DocumentPageData): string {
  const { document, pairs, aligned } = data;
  const failed = pairs.filter((pair) => pair.status === PairStatus.failed);
  const running = aligned === null && failed.length === 0;
  const body = html`${renderVersions(context, document, pairs)} ${running ? renderRunning(context, pairs) : null}
  ${failed.map(
    (pair) => html`<p class="failure parity-bad">${context.t('pair.failed', { reason: pair.failureReason ?? '' })}</p>`,
  )}
  ${aligned !== null ? renderExports(context, document) : null}
  ${aligned !== null ? renderMatrix(context, aligned.matrix, data.page) : null}
  ${aligned !== null ? renderUnits(context, aligned.alignment, data.page) : null}`;
  return renderLayout(context, {
    title: context.t('document.title', { title: document.symbol ?? document.id }),
    body,
    ...(running ? { refreshSeconds: REFRESH_SECONDS } : {}),
  });
}

function renderVersions(context: PageContext, document: DocumentRecord, pairs: readonly PairRecord[]): SafeHtml {
  const { t } = context;
  const pairOf = new Map(pairs.map((pair) => [pair.id, pair]));
  return html`<dl class="facts">
      <dt>${t('document.pivot')}</dt>
      <dd>${t(`languageTitle.${document.pivotLanguage}`)}</dd>
      ${
        document.collection !== null
          ? html`<dt>${t('pair.collection')}</dt>
              <dd>${document.collection}</dd>`
          : null
      }
      <dt>${t('pair.uploaded')}</dt>
      <dd>${formatInstant(document.createdAt)}</dd>
    </dl>
    <table class="versions">
      <thead>
        <tr>
          <th scope="col">${t('document.language')}</th>
          <th scope="col">${t('document.file')}</th>
          <th scope="col">${t('document.pair')}</th>
        </tr>
      </thead>
      <tbody>
        ${document.versions.map((version) => {
          const pair = version.pairId === null ? undefined : pairOf.get(version.pairId);
          return html`<tr data-language="${version.language}">
            <th scope="row">${t(`languageTitle.${version.language}`)}</th>
            <td dir="auto">${version.fileName}</td>
            <td>
              ${
                pair === undefined
                  ? t('document.isPivot')
                  : html`<a href="/review/${encodeURIComponent(pair.id)}"
                        >${t(`language.${pair.sourceLanguage}`)} – ${t(`language.${pair.targetLanguage}`)}</a
                      >
                      (${t(`status:${pair.status}`)})`
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

function renderRunning(context: PageContext, pairs: readonly PairRecord[]): SafeHtml {
  const done = pairs.filter((pair) => pair.status === PairStatus.done).length;
  return html`<p class="running">
    ${context.t('document.aligning', { done, total: pairs.length })}
    ${context.t('pair.refreshing', { seconds: REFRESH_SECONDS })}
  </p>`;
}

function renderExports(context: PageContext, document: DocumentRecord): SafeHtml {
  const id = encodeURIComponent(document.id);
  return html`<p class="exports">
    <a href="/v1/documents/${id}/export.tmx">${context.t('document.tmx')}</a> ·
    <a href="/v1/documents/${id}/parity">${context.t('document.parityJson')}</a>
  </p>`;
}

const COUNT_ROWS = ['blocks', 'sentences', 'labelled', 'labelledParagraphs', 'footnotes'] as const;

/** The link to unit k: on the page of units that holds it, the rest of the query kept. */
function unitHref(context: PageContext, page: UnitPage, unit: number): string {
  const offset = Math.floor(unit / page.limit) * page.limit;
  return `${buildHref(context.path, context.query, { offset: offset === 0 ? undefined : offset })}#unit-${unit}`;
}

function renderMatrix(context: PageContext, matrix: ParityMatrix, page: UnitPage): SafeHtml {
  const { t } = context;
  const locale = context.language === 'fr' ? 'fr' : 'en';
  const pivotMark = html` <span class="muted">${t('document.pivotMark')}</span>`;
  const heads = matrix.languages.map(
    (language) =>
      html`<th scope="col" class="num" data-language="${language}">
        ${t(`languageTitle.${language}`)}${language === matrix.pivot ? pivotMark : null}
      </th>`,
  );
  return html`<section id="parity" aria-labelledby="parity-title">
    <h2 id="parity-title">${t('document.parityTitle')}</h2>
    <p class="verdict ${matrix.parity ? 'parity-ok' : 'parity-bad'}">
      ${t(matrix.parity ? 'document.parityOk' : 'document.parityBad', { count: matrix.gaps.length })}
    </p>
    <table class="counts matrix">
      <thead>
        <tr>
          <th></th>
          ${heads}
        </tr>
      </thead>
      <tbody>
        ${COUNT_ROWS.map(
          (key) =>
            html`<tr>
              <th scope="row">${t(`document.count.${key}`)}</th>
              ${matrix.languages.map((language) => html`<td class="num">${matrix.counts[language]?.[key] ?? 0}</td>`)}
            </tr>`,
        )}
        <tr class="lacking">
          <th scope="row">${t('document.count.gaps')}</th>
          ${matrix.languages.map(
            (language) =>
              html`<td class="num ${(matrix.lacking[language] ?? 0) > 0 ? 'parity-bad' : ''}">
                ${matrix.lacking[language] ?? 0}
              </td>`,
          )}
        </tr>
      </tbody>
    </table>
    ${
      matrix.gaps.length === 0
        ? null
        : html`<ul class="gaps">
            ${matrix.gaps.map(
              (gap) =>
                html`<li data-kind="${gap.kind}" data-missing="${gap.missingFrom.join(' ')}" data-unit="${gap.unit}">
                  <a href="${unitHref(context, page, gap.unit)}">${describeGap(gap, locale)}</a>
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function renderUnits(context: PageContext, alignment: MultiAlignment, page: UnitPage): SafeHtml {
  const { t } = context;
  const shown = alignment.blocks.slice(page.offset, page.offset + page.limit);
  const pager = renderListPager(context, {
    ...page,
    shown: shown.length,
    total: alignment.blocks.length,
    rangeKey: 'document.unitsRange',
    noneKey: 'document.unitsNone',
  });
  // The pivot first: every other version was aligned with it.
  const documents = [...alignment.documents].sort(
    (a, b) => Number(b.language === alignment.pivot) - Number(a.language === alignment.pivot),
  );
  return html`<section id="units" aria-labelledby="units-title">
    <h2 id="units-title">${t('document.unitsTitle', { count: alignment.blocks.length })}</h2>
    ${pager}
    <table class="alignment units">
      <thead>
        <tr>
          <th scope="col">${t('document.label')}</th>
          ${documents.map(
            (document) =>
              html`<th scope="col" lang="${document.language}" data-language="${document.language}">
                ${t(`languageTitle.${document.language}`)}
              </th>`,
          )}
          <th scope="col" class="num">${t('table.confidence')}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map((unit, shownAt) => {
          const k = page.offset + shownAt;
          const missing = documents.some((document) => (unit.segments[document.language] ?? []).length === 0);
          return html`<tr id="unit-${k}" data-unit="${k}" class="${missing ? 'missing' : ''}">
            <th scope="row">
              ${unitLabel(documents, unit.segments) ?? html`<span class="muted">${t('table.unlabelled')}</span>`}
            </th>
            ${documents.map((document) => renderCell(context, document, unit.segments[document.language] ?? []))}
            <td class="num conf">${formatConfidence(context, unit.confidence)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${pager}
  </section>`;
}

// The label as the first version that has the unit prints it ("12.", "(c)"): the pivot's when it has one.
function unitLabel(documents: readonly SegmentedDocument[], segments: Record<string, number[]>): string | null {
  for (const document of documents) {
    for (const index of segments[document.language] ?? []) {
      const label = document.blocks[index]?.label;
      if (label !== null && label !== undefined) return label.raw;
    }
  }
  return null;
}

function renderCell(context: PageContext, document: SegmentedDocument, blocks: readonly number[]): SafeHtml {
  const { language } = document;
  if (blocks.length === 0)
    return html`<td class="text empty-side" data-language="${language}">
      ${context.t('table.nothingIn', { language: context.t(`language.${language}`) })}
    </td>`;
  return html`<td class="text" lang="${language}" dir="${textDirection(language)}" data-language="${language}">
    ${blocks.map((index) => html`<p>${document.blocks[index]?.text ?? ''}</p>`)}
  </td>`;
}
