/** /review: the QA review pages (server-rendered HTML over the same store as the JSON API). */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { buildParityMatrix } from '../../core/qa/parity-matrix.js';
import { addDocumentVersions } from '../../service/add-document-versions.js';
import { PairStatus, type PairStatus as PairStatusValue } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { translateError } from '../error-handler.js';
import { listDocumentsQuerySchema } from '../document-schemas.js';
import { findDocument, listDocuments, loadDocumentAlignment } from '../find-document.js';
import { API_LANGUAGES } from '../i18n.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { collectionsOf, maySeePair, scopeFilter } from '../request-account.js';
import { listPairsQuerySchema, pairParamsSchema, searchQuerySchema } from '../schemas.js';
import type { PageContext } from './page-context.js';
import { renderDocumentListPage } from './render-document-list-page.js';
import { renderDocumentPage } from './render-document-page.js';
import { renderErrorPage } from './render-error-page.js';
import { renderSearchPage, SEARCH_PAGE_PATH } from './render-search-page.js';
import { renderPairListPage } from './render-pair-list-page.js';
import { renderPairPage } from './render-pair-page.js';
import { readQuery, reviewDocumentQuerySchema, reviewPairQuerySchema } from './review-query.js';
import { renderEditorPage } from './render-editor-page.js';
import { DOCUMENT_LIST_PATH, UPLOAD_PAGE_PATH } from './render-layout.js';
import { renderUploadPage } from './render-upload-page.js';
import { allowOwnScripts, setReviewSecurityHeaders } from './review-security-headers.js';
import { REVIEW_ICON, REVIEW_ICON_PATH, REVIEW_STYLESHEET, REVIEW_STYLESHEET_PATH } from './review-assets.js';
import { WEB_BUNDLE_DIR, WEB_BUNDLE_PATH } from './web-bundle.js';

/** Builds the router of the review pages and their stylesheet. */
export function createReviewRouter(deps: AppDeps): Router {
  const { store, logger, config } = deps;
  const router = Router();
  router.use('/review', setReviewSecurityHeaders);

  router.get(REVIEW_STYLESHEET_PATH, (_req, res) => {
    res.type('text/css; charset=utf-8').setHeader('Cache-Control', 'public, max-age=300');
    res.send(REVIEW_STYLESHEET);
  });
  router.get(REVIEW_ICON_PATH, (_req, res) => {
    res.type('image/svg+xml').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(REVIEW_ICON);
  });

  // The pages' scripts (npm run build:web; the server builds them on start when missing).
  router.use(WEB_BUNDLE_PATH, express.static(WEB_BUNDLE_DIR, { fallthrough: false, index: false, maxAge: 0 }));

  router.get('/review', async (req, res) => {
    const query = readQuery(req.query);
    const { limit, offset, collection, symbol, status, parity } = listPairsQuerySchema.parse(query);
    const filter = {
      ...(collection !== undefined ? { collection } : {}),
      ...(symbol !== undefined ? { symbol } : {}),
      ...(status !== undefined ? { status: status as PairStatusValue } : {}),
      ...(parity !== undefined ? { parity } : {}),
    };
    const pairs = await store.listPairs({ ...filter, ...scopeFilter(req) }, { limit, offset });
    sendPage(res, renderPairListPage(pageContext(req), { pairs, filter, limit, offset }));
  });

  router.get(UPLOAD_PAGE_PATH, (req, res) => {
    allowOwnScripts(res);
    sendPage(
      res,
      renderUploadPage(pageContext(req), { collections: collectionsOf(req) ?? null, messages: clientMessages(req) }),
    );
  });

  // Before /review/:id, which "documents" would match.
  router.get(DOCUMENT_LIST_PATH, async (req, res) => {
    const query = listDocumentsQuerySchema.parse(readQuery(req.query));
    const documents = await listDocuments(store, req, query);
    sendPage(res, renderDocumentListPage(pageContext(req), { documents, query }));
  });

  // Before /review/:id, which "search" would match.
  router.get(SEARCH_PAGE_PATH, async (req, res) => {
    const query = readQuery(req.query);
    if (query['q'] === undefined) {
      sendPage(res, renderSearchPage(pageContext(req), { q: '', lang: query['lang'] ?? 'fr', hits: null }));
      return;
    }
    const { q, lang, limit, offset } = searchQuerySchema.parse(query);
    const page = await store.searchSegments(q, lang, { limit, offset }, { collections: collectionsOf(req) ?? null });
    const items = await addDocumentVersions(store, page.items);
    sendPage(res, renderSearchPage(pageContext(req), { q, lang, hits: { ...page, items } }));
  });

  // Before /review/:id/edit, which /review/documents/edit would match.
  router.get('/review/documents/:id', async (req, res) => {
    const page = reviewDocumentQuerySchema.parse(readQuery(req.query));
    const found = await findDocument(store, req);
    const aligned = found.pairs.every((pair) => pair.status === PairStatus.done)
      ? await loadDocumentAlignment(store, req, found)
      : null;
    sendPage(
      res,
      renderDocumentPage(pageContext(req), {
        ...found,
        page,
        aligned:
          aligned === null
            ? null
            : { alignment: aligned.alignment, matrix: buildParityMatrix(aligned.alignment, aligned.reports) },
      }),
    );
  });

  router.get('/review/:id/edit', async (req, res) => {
    const { id } = pairParamsSchema.parse(req.params);
    const pair = await store.getPair(id);
    if (pair === null || !maySeePair(req, pair)) throw new HttpError(404, HttpErrorCode.pairNotFound, { id });
    if (pair.status !== PairStatus.done) {
      // Nothing to correct yet: the pair's page shows where the alignment stands.
      res.redirect(303, `/review/${encodeURIComponent(id)}`);
      return;
    }
    const report = await store.getReport(id);
    allowOwnScripts(res);
    sendPage(res, renderEditorPage(pageContext(req), { pair, report, messages: clientMessages(req) }));
  });

  router.get('/review/:id', async (req, res) => {
    const { id } = pairParamsSchema.parse(req.params);
    const { only, limit, offset } = reviewPairQuerySchema.parse(readQuery(req.query));
    const pair = await store.getPair(id);
    if (pair === null || !maySeePair(req, pair)) throw new HttpError(404, HttpErrorCode.pairNotFound, { id });
    const done = pair.status === PairStatus.done;
    const [report, alignment, document] = await Promise.all([
      done ? store.getReport(id) : null,
      done ? store.getAlignment(id, { limit, offset }) : null,
      store.getDocumentOfPair(id),
    ]);
    sendPage(
      res,
      renderPairPage(pageContext(req), {
        pair,
        report,
        alignment,
        page: { limit, offset },
        onlyProblems: only === 'problems',
        document,
      }),
    );
  });

  router.all('/review/*rest', (req) => {
    throw new HttpError(404, HttpErrorCode.notFound, { path: req.path });
  });

  const renderError: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const translated = translateError(error, config.maxUploadBytes);
    if (translated.status >= 500 && translated.code === HttpErrorCode.internal)
      logger.error({ err: error, path: req.path }, 'unhandled error');
    const message = req.t(translated.code, { ...translated.values, ns: 'errors', defaultValue: translated.fallback });
    res.status(translated.status);
    sendPage(res, renderErrorPage(pageContext(req), translated.status, message));
  };
  router.use('/review', renderError);
  return router;
}

/** The page context of a request: its language, catalogue, path, query and signed-in account. */
export function pageContext(req: Request): PageContext {
  const csrfToken = req.csrfToken?.();
  return {
    // resolvedLanguage is the catalogue actually used ("fr" for "fr-FR"), always one of API_LANGUAGES.
    language: req.i18n.resolvedLanguage ?? API_LANGUAGES[0],
    t: (key, values) => req.t(key, { ns: 'review', ...values }),
    path: req.path,
    query: readQuery(req.query),
    account:
      req.account === undefined || csrfToken === undefined
        ? undefined
        : { name: req.account.name, role: req.account.role, csrfToken },
    role: req.account?.role,
  };
}

/** The `client` messages of the review catalogue in the request's language, for the pages' scripts. */
function clientMessages(req: Request): unknown {
  const language = req.i18n.resolvedLanguage ?? API_LANGUAGES[0];
  const bundle: unknown = req.i18n.getResourceBundle(language, 'review');
  return typeof bundle === 'object' && bundle !== null ? (bundle as Record<string, unknown>)['client'] : {};
}

/** Sends a complete HTML page, never cached. */
export function sendPage(res: Response, page: string): void {
  res.type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-store');
  res.send(page);
}
