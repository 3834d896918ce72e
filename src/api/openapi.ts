/** The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate the requests. */
import { createDocument, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import { PARALIGN_VERSION } from '../version.js';
import {
  alignmentPageSchema,
  alignmentQuerySchema,
  editsBodySchema,
  historySchema,
  auditCsvQuerySchema,
  auditPageSchema,
  auditQuerySchema,
  errorBodySchema,
  exportQuerySchema,
  healthSchema,
  listPairsQuerySchema,
  pageQuerySchema,
  pairPageSchema,
  pairParamsSchema,
  pairQuerySchema,
  pairSchema,
  reportQuerySchema,
  searchPageSchema,
  searchQuerySchema,
  tmExportQuerySchema,
  uploadBodySchema,
  uploadResultSchema,
} from './schemas.js';
import {
  documentPageSchema,
  documentParamsSchema,
  documentSchema,
  documentUploadBodySchema,
  documentUploadResultSchema,
  listDocumentsQuerySchema,
} from './document-schemas.js';

const errorContent = { 'application/json': { schema: errorBodySchema } };
const errors = (...statuses: number[]): ZodOpenApiResponsesObject =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { description: ERROR_TEXT[status] ?? 'Error.', content: errorContent }]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request.',
  401: 'No valid token (send Authorization: Bearer TOKEN).',
  403: "The account's role may not do this.",
  404: 'No such pair.',
  409: 'The pair is not aligned yet, or failed.',
  412: 'If-Match names a version that is no longer current: someone else changed the alignment (reload it).',
  413: 'A file is too large.',
  415: 'A file is not a supported document.',
  422:
    'A file or the pair cannot be aligned (empty, corrupt, nothing to align, the same text, wrong language, ' +
    'swapped).',
  428: 'No If-Match: send the ETag of the version you edit.',
  503: 'Redis or the store is unavailable.',
};

const xmlStream = (description: string, type: string) => ({ description, content: { [type]: { schema: z.string() } } });

/** Builds the OpenAPI document served at /openapi.json. */
export function createOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'paralign alignment service',
      version: PARALIGN_VERSION,
      description:
        'Upload French/English UN document pairs, get them aligned by workers, export translation memories. ' +
        'Errors are `{ error: { code, message } }` in the language of Accept-Language (en, fr). ' +
        'Every route but /healthz, /readyz and /openapi.json needs `Authorization: Bearer TOKEN` ' +
        '(`npx paralign users add NAME --role ROLE` prints one); what each role may call is in the README.',
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token from `paralign users add`.' },
      },
    },
    security: [{ bearerAuth: [] }],
    paths: {
      '/v1/pairs': {
        post: {
          summary: 'Upload a French/English pair; its alignment is queued.',
          requestBody: { content: { 'multipart/form-data': { schema: uploadBodySchema } } },
          responses: {
            '202': {
              description: 'Accepted: the pair is queued.',
              content: { 'application/json': { schema: uploadResultSchema } },
            },
            '200': {
              description: 'The same files were uploaded before: the existing pair.',
              content: { 'application/json': { schema: uploadResultSchema } },
            },
            ...errors(400, 413, 415, 422, 503),
          },
        },
        get: {
          summary: 'List pairs, newest first.',
          requestParams: { query: listPairsQuerySchema },
          responses: {
            '200': { description: 'A page of pairs.', content: { 'application/json': { schema: pairPageSchema } } },
            ...errors(400),
          },
        },
      },
      '/v1/pairs/{id}': {
        get: {
          summary:
            'Status, progress, metadata and failure reason of a pair; with `wait`, once it is done or failed ' +
            '(or, with `after`, has changed).',
          requestParams: { path: pairParamsSchema, query: pairQuerySchema },
          responses: {
            '200': { description: 'The pair.', content: { 'application/json': { schema: pairSchema } } },
            ...errors(404),
          },
        },
        delete: {
          summary: 'Delete a pair with its files and segments.',
          requestParams: { path: pairParamsSchema },
          responses: { '204': { description: 'Deleted.' }, ...errors(404) },
        },
      },
      '/v1/pairs/{id}/alignment': {
        get: {
          summary:
            'Block beads with their sentence beads, review status and edited texts, of the current version or ' +
            'of `version`, paginated. The ETag is the version ("3"); send it as If-Match to edit.',
          requestParams: { path: pairParamsSchema, query: alignmentQuerySchema },
          responses: {
            '200': {
              description: 'A page of block beads.',
              headers: z.object({ ETag: z.string().meta({ description: 'The version shown, e.g. "3".' }) }),
              content: { 'application/json': { schema: alignmentPageSchema } },
            },
            '304': { description: 'If-None-Match names this version: nothing changed.' },
            ...errors(404, 409),
          },
        },
      },
      '/v1/pairs/{id}/alignment/history': {
        get: {
          summary: 'Every version of the alignment, oldest first: who made it, when, with which operations.',
          requestParams: { path: pairParamsSchema },
          responses: {
            '200': { description: 'The history.', content: { 'application/json': { schema: historySchema } } },
            ...errors(404, 409),
          },
        },
      },
      '/v1/pairs/{id}/alignment/edits': {
        post: {
          summary:
            'Correct or approve the alignment (reviewers and admins): the operations apply in order, each to the ' +
            'result of the ones before, all or nothing, to the version If-Match names, and make the next version. ' +
            'Bead numbers are the `index` of the sentence beads (segments) of that version. `undo` (alone) makes a ' +
            'new version equal to the state before the last change. The answer is the new version, paginated ' +
            'like GET …/alignment (limit, offset).',
          requestParams: {
            path: pairParamsSchema,
            query: pageQuerySchema,
            header: z.object({
              'if-match': z.string().meta({ description: 'The ETag of the version edited, e.g. "3".' }),
            }),
          },
          requestBody: { content: { 'application/json': { schema: editsBodySchema } } },
          responses: {
            '200': {
              description: 'The new version (first page unless limit/offset say otherwise).',
              headers: z.object({ ETag: z.string().meta({ description: 'The new version, e.g. "4".' }) }),
              content: { 'application/json': { schema: alignmentPageSchema } },
            },
            ...errors(400, 401, 403, 404, 409, 412, 428),
            '422': {
              description: 'An operation cannot be applied (the message names its index and why); nothing was.',
              content: errorContent,
            },
          },
        },
      },
      '/v1/pairs/{id}/report': {
        get: {
          summary: 'The paragraph-parity report (JSON, or the CLI text with format=text).',
          requestParams: { path: pairParamsSchema, query: reportQuerySchema },
          responses: {
            '200': {
              description: 'The report.',
              content: {
                'application/json': { schema: z.record(z.string(), z.unknown()) },
                'text/plain': { schema: z.string() },
              },
            },
            ...errors(404, 409),
          },
        },
      },
      '/v1/documents': {
        post: {
          summary:
            'Upload two to six language versions of one document (files named ar, en, es, fr, ru, zh); each ' +
            'version is queued as a pair with the pivot.',
          requestBody: { content: { 'multipart/form-data': { schema: documentUploadBodySchema } } },
          responses: {
            '202': {
              description: 'Accepted: the pairs are queued.',
              content: { 'application/json': { schema: documentUploadResultSchema } },
            },
            '200': {
              description: 'The same versions were uploaded before: the existing document.',
              content: { 'application/json': { schema: documentUploadResultSchema } },
            },
            ...errors(400, 403, 409, 413, 415, 422, 503),
          },
        },
        get: {
          summary: 'List documents of several language versions, oldest first, each with its pairs.',
          requestParams: { query: listDocumentsQuerySchema },
          responses: {
            '200': {
              description: 'A page of documents.',
              content: { 'application/json': { schema: documentPageSchema } },
            },
            ...errors(400),
          },
        },
      },
      '/v1/documents/{id}/export.tmx': {
        get: {
          summary:
            "The document's multilingual TMX: one <tu> a unit, one <tuv> a language, the pivot's first; once every " +
            "pair is aligned. Units follow each pair's current version (edits, rejections, approvals); a unit is " +
            'approved when every bead merged into it is.',
          requestParams: { path: documentParamsSchema, query: exportQuerySchema },
          responses: {
            '200': xmlStream('TMX 1.4b, streamed.', 'application/x-tmx+xml'),
            ...errors(400, 404, 409),
          },
        },
      },
      '/v1/documents/{id}/parity': {
        get: {
          summary:
            'The parity matrix of the document once every pair is aligned: what each version has, and each gap ' +
            '(a label, paragraph, number or footnote some versions lack) with the languages that lack it and a ' +
            'description in the request\'s language ("paragraph 2 (c) is missing in Russian only").',
          requestParams: { path: documentParamsSchema },
          responses: {
            '200': {
              description: 'The matrix.',
              content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
            },
            ...errors(404, 409),
          },
        },
      },
      '/v1/documents/{id}': {
        get: {
          summary: 'A document of several language versions, with the pair of each version and the pivot.',
          requestParams: { path: documentParamsSchema },
          responses: {
            '200': { description: 'The document.', content: { 'application/json': { schema: documentSchema } } },
            ...errors(404),
          },
        },
      },
      '/v1/pairs/{id}/export.tmx': {
        get: {
          summary: 'The pair as TMX 1.4b.',
          requestParams: { path: pairParamsSchema, query: exportQuerySchema },
          responses: { '200': xmlStream('TMX 1.4b.', 'application/x-tmx+xml'), ...errors(400, 404, 409) },
        },
      },
      '/v1/pairs/{id}/export.tsv': {
        get: {
          summary: 'The pair as tab-separated values.',
          requestParams: { path: pairParamsSchema, query: exportQuerySchema },
          responses: {
            '200': xmlStream('source, target, confidence, label.', 'text/tab-separated-values'),
            ...errors(400, 404, 409),
          },
        },
      },
      '/v1/pairs/{id}/export.xliff': {
        get: {
          summary: 'The pair as XLIFF 1.2.',
          requestParams: { path: pairParamsSchema, query: exportQuerySchema },
          responses: { '200': xmlStream('XLIFF 1.2.', 'application/x-xliff+xml'), ...errors(400, 404, 409) },
        },
      },
      '/v1/tm/export.tmx': {
        get: {
          summary: 'The translation memory (whole store or a filtered part) as TMX 1.4b, streamed.',
          requestParams: { query: tmExportQuerySchema },
          responses: { '200': xmlStream('TMX 1.4b.', 'application/x-tmx+xml'), ...errors(400, 503) },
        },
      },
      '/v1/tm/search': {
        get: {
          summary: 'Concordance search over stored segments, the other language beside.',
          requestParams: { query: searchQuerySchema },
          responses: {
            '200': { description: 'A page of hits.', content: { 'application/json': { schema: searchPageSchema } } },
            ...errors(400),
          },
        },
      },
      '/v1/audit': {
        get: {
          summary: 'The audit trail, newest first (admins only; nothing changes or deletes it).',
          requestParams: { query: auditQuerySchema },
          responses: {
            '200': { description: 'A page of rows.', content: { 'application/json': { schema: auditPageSchema } } },
            ...errors(400, 401, 403),
          },
        },
      },
      '/v1/audit.csv': {
        get: {
          summary: 'The whole filtered audit trail as CSV, oldest first (admins only).',
          requestParams: { query: auditCsvQuerySchema },
          responses: {
            '200': { description: 'RFC 4180 CSV.', content: { 'text/csv': { schema: z.string() } } },
            ...errors(400, 401, 403),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'The process answers.',
          security: [],
          responses: { '200': { description: 'Alive.', content: { 'application/json': { schema: healthSchema } } } },
        },
      },
      '/readyz': {
        get: {
          summary: 'Redis and the store answer.',
          security: [],
          responses: {
            '200': { description: 'Ready.', content: { 'application/json': { schema: healthSchema } } },
            '503': { description: 'Not ready.', content: { 'application/json': { schema: healthSchema } } },
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (admins only).',
          responses: {
            '200': { description: 'Prometheus text format.', content: { 'text/plain': { schema: z.string() } } },
          },
        },
      },
    },
  });
}
