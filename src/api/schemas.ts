/**
 * Zod schemas of the API: they validate requests at run time and generate the OpenAPI document (zod-openapi 5).
 */
import 'zod-openapi';
import { z } from 'zod';
import { UN_LANGUAGES } from '../core/model.js';
import { MAX_EDIT_LENGTH } from '../core/review/edit-bead-text.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../core/review/review-model.js';
import { AUDIT_ACTIONS, PAIR_STATUSES, SEARCH_COUNT_LIMIT } from '../storage/store.js';

const MAX_PAGE = 200;

/** `limit`/`offset` query parameters, shared by every paginated route. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(20)
    .meta({ description: `Items per page, 1-${MAX_PAGE}.` }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Items to skip.' }),
});

const statusSchema = z
  .enum(PAIR_STATUSES as [string, ...string[]])
  .meta({ id: 'PairStatus', description: 'Where the pair is in its life.' });

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .meta({ description: '"true" or "false".' });

/** Query of GET /v1/pairs. */
export const listPairsQuerySchema = pageQuerySchema.extend({
  collection: z.string().min(1).optional().meta({ description: 'Exact collection.' }),
  symbol: z.string().min(1).optional().meta({ description: 'Exact document symbol.' }),
  status: statusSchema.optional(),
  parity: booleanQuery.optional(),
});

/** Path parameters of /v1/pairs/{id}/... */
export const pairParamsSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: 'Pair id (UUID).' }),
});

/** Longest a GET /v1/pairs/{id} may wait for the pair to settle or change, in seconds. */
export const MAX_PAIR_WAIT_SECONDS = 30;

/** Query of GET /v1/pairs/{id}. */
export const pairQuerySchema = z.object({
  wait: z.coerce
    .number()
    .min(0)
    .max(MAX_PAIR_WAIT_SECONDS)
    .default(0)
    .meta({
      description:
        'Seconds to wait for the pair to be done or failed before answering (at most 30): one request instead ' +
        'of polling. The answer comes as soon as the pair settles, or after this time with the pair as it stands.',
    }),
  after: z.iso
    .datetime()
    .optional()
    .meta({
      description:
        'With `wait`: the `updatedAt` the client last saw; the answer then also comes as soon as the pair has ' +
        'changed since (a new stage or progress), so that a client can follow the progress without polling.',
    }),
});

/** The form fields of POST /v1/pairs besides the two files. */
export const uploadFieldsSchema = z.object({
  sourceLanguage: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .meta({
      description:
        'Which version is the source side (the original): the language code of one of the two files. By default ' +
        '"fr" for a French-English pair (as before other languages were read), else the original the headers ' +
        'name ("Original: English"), else English. Any other value is refused (400), naming the language.',
    }),
  collection: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Collection the pair belongs to, e.g. "CTOC".' }),
  symbol: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Document symbol, e.g. "CTOC/COP/2018/1"; read from the documents when absent.' }),
});

const pairVersionFile = (name: string): z.ZodOptional<z.ZodString> =>
  z
    .string()
    .optional()
    .meta({ format: 'binary', description: `The ${name} version (.txt, .md, .html, .docx, .pdf).` });

/**
 * The multipart body of POST /v1/pairs (documentation only: multer parses it): two files, each named by its language.
 */
export const uploadBodySchema = uploadFieldsSchema.extend({
  ar: pairVersionFile('Arabic'),
  en: pairVersionFile('English'),
  es: pairVersionFile('Spanish'),
  fr: pairVersionFile('French'),
  ru: pairVersionFile('Russian'),
  zh: pairVersionFile('Chinese'),
  dictionary: z
    .string()
    .optional()
    .meta({
      format: 'binary',
      description:
        'Optional bilingual dictionary for the aligner, plain text (UTF-8, BOM optional, or Windows-1252): ' +
        'one "source<TAB>target" or hunalign "target @ source" line per entry, source = the `sourceLanguage` side; ' +
        "`#` starts a comment. Part of the pair's identity: the same files with another dictionary are another pair. " +
        'Refused (422) when binary, malformed or without entries.',
    }),
});

/** Query of GET /v1/pairs/{id}/report. */
export const reportQuerySchema = z.object({
  format: z.enum(['json', 'text']).default('json').meta({ description: 'JSON report, or the text the CLI prints.' }),
});

const reviewStatusSchema = z
  .enum(REVIEW_STATUSES as [ReviewStatus, ...ReviewStatus[]])
  .meta({ id: 'ReviewStatus', description: 'Where a bead stands in review.' });

/** `status` of the exports: a comma-separated list of review statuses to export. */
const statusesQuery = z
  .string()
  .default('pending,approved')
  .transform((value, ctx) => {
    const statuses = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const unknown = statuses.filter((status) => !(REVIEW_STATUSES as readonly string[]).includes(status));
    if (statuses.length === 0 || unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a comma-separated list of ${REVIEW_STATUSES.join(', ')}, got "${value}"`,
      });
      return z.NEVER;
    }
    return statuses as ReviewStatus[];
  })
  .meta({
    description:
      'Review statuses to export, comma-separated: pending, approved, rejected. Default pending,approved ' +
      '(rejected units are left out); "approved" exports only approved units.',
  });

/** Query of the per-pair exports. */
export const exportQuerySchema = z.object({
  status: statusesQuery,
  minConfidence: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Leave out beads below this confidence (0-1).' }),
  units: z.enum(['sentence', 'paragraph']).default('sentence').meta({ description: 'Sentence or paragraph units.' }),
});

/** Path parameters of GET /v1/pairs/{id}/export.{format}. */
export const exportParamsSchema = pairParamsSchema.extend({
  format: z.enum(['tmx', 'tsv', 'xliff']).meta({ description: 'Export format.' }),
});

const dateQuery = z.iso
  .datetime({ offset: true, local: false })
  .or(z.iso.date())
  .transform((value) => new Date(value))
  .meta({ description: 'ISO 8601 date or date-time (UTC unless an offset is given).' });

/** Query of GET /v1/tm/export.tmx. */
export const tmExportQuerySchema = z.object({
  status: statusesQuery,
  provenance: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({
      description:
        "true: each unit also gets creationdate (its pair's upload) and changedate (its last change), and its " +
        "pair's collection and file names as props (x-paralign-collection, x-paralign-source-file, " +
        'x-paralign-target-file).',
    }),
  duplicates: z
    .enum(['merge', 'keep'])
    .default('merge')
    .meta({ description: 'merge (default): identical units once, with their count; keep: every unit.' }),
  collection: z.string().min(1).optional().meta({ description: 'Exact collection.' }),
  symbolPrefix: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Document symbols starting with this, e.g. "CTOC/COP/".' }),
  from: dateQuery.optional().meta({ description: 'Pairs uploaded at or after this instant.' }),
  to: dateQuery.optional().meta({ description: 'Pairs uploaded before this instant.' }),
  minConfidence: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Units with at least this confidence.' }),
  srcLang: z
    .enum(UN_LANGUAGES)
    .default('en')
    .meta({ description: 'TMX header srclang: units with no side in this language are left out.' }),
  tgtLang: z
    .enum(UN_LANGUAGES)
    .optional()
    .meta({
      description:
        'Only units whose other side is in this language (one language pair); all by default. A pair of two ' +
        'versions of documents aligned through a pivot (French-Spanish with English as the pivot) comes from each ' +
        "document holding both, through its pivot, with the pairs' current versions.",
    }),
});

/** Query of GET /v1/tm/search. */
export const searchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(500).meta({ description: 'Text to look for (substring, case ignored).' }),
  lang: z
    .enum(UN_LANGUAGES)
    .default('fr')
    .meta({ description: 'Language of the text searched: ar, en, es, fr, ru or zh.' }),
});

/** The error body of every 4xx/5xx answer. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code.' }),
      message: z.string().meta({ description: 'One line in the language chosen by Accept-Language (en, fr).' }),
    }),
  })
  .meta({ id: 'Error' });

const countsSchema = z
  .object({
    sourceBlocks: z.number().int(),
    targetBlocks: z.number().int(),
    sourceSentences: z.number().int(),
    targetSentences: z.number().int(),
    blockBeads: z.number().int(),
    sentenceBeads: z.number().int(),
  })
  .meta({ id: 'PairCounts' });

/** A pair as the API shows it. */
export const pairSchema = z
  .object({
    id: z.string(),
    status: statusSchema,
    statusText: z.string().meta({ description: 'The status in the request language.' }),
    progress: z.number().int().min(0).max(100).meta({ description: 'Percent done.' }),
    failureReason: z.string().nullable(),
    symbol: z.string().nullable(),
    collection: z.string().nullable(),
    sourceLanguage: z.string(),
    targetLanguage: z.string(),
    sourceFile: z.object({ name: z.string(), bytes: z.number().int() }),
    targetFile: z.object({ name: z.string(), bytes: z.number().int() }),
    contentHash: z.string(),
    counts: countsSchema.nullable(),
    parity: z.boolean().nullable(),
    lexiconVersion: z
      .string()
      .nullable()
      .meta({
        description:
          'Which sample of earlier pairs in the store trained the lexicon: "<segments>@<last seq>-<hash>", ' +
          '"none" when the store had none; null until aligned.',
      }),
    hasDictionary: z.boolean().meta({ description: 'Whether the pair was uploaded with a dictionary.' }),
    alignmentVersion: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Current version of its sentence alignment (its ETag); null until aligned.' }),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
    jobId: z.string(),
  })
  .meta({ id: 'Pair' });

/** Answer of POST /v1/pairs. */
export const uploadResultSchema = z
  .object({
    pairId: z.string(),
    jobId: z.string(),
    created: z.boolean().meta({ description: 'False when the same two files were uploaded before.' }),
    pair: pairSchema,
  })
  .meta({ id: 'UploadResult' });

/** A page of pairs. */
export const pairPageSchema = z
  .object({ items: z.array(pairSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'PairPage' });

const segmentSchema = z.object({
  index: z.number().int().meta({ description: 'The bead number edit operations use (0-based, whole version).' }),
  sourceText: z.string().meta({ description: 'Source text as exported: the edited text when the side is edited.' }),
  targetText: z.string().meta({ description: 'Target text as exported: the edited text when the side is edited.' }),
  originalSourceText: z.string().nullable().meta({ description: "The sentences' own text when edited, else null." }),
  originalTargetText: z.string().nullable().meta({ description: "The sentences' own text when edited, else null." }),
  confidence: z.number().meta({ description: "The aligner's confidence; 1 once approved." }),
  status: reviewStatusSchema,
  changedBy: z.string().nullable().meta({ description: 'Account that last changed the bead; null: the aligner.' }),
  changedAt: z.string().meta({ format: 'date-time', description: 'When the bead last changed.' }),
  label: z.string().nullable(),
  blockBead: z.number().int(),
  sourceSentences: z.array(z.number().int()),
  targetSentences: z.array(z.number().int()),
  sourceSentenceTexts: z
    .array(z.string())
    .meta({ description: "The source sentences' own texts, in order (where a split would fall); edits aside." }),
  targetSentenceTexts: z.array(z.string()).meta({ description: "The target sentences' own texts, in order." }),
});

/** A page of block beads with their sentence beads, of one version. */
export const alignmentPageSchema = z
  .object({
    version: z.number().int().meta({ description: 'The version shown (also the ETag).' }),
    items: z.array(
      z.object({
        index: z.number().int(),
        method: z.enum(['label', 'content']),
        confidence: z.number(),
        label: z.string().nullable(),
        sourceBlocks: z.array(z.number().int()),
        targetBlocks: z.array(z.number().int()),
        sourceText: z.string(),
        targetText: z.string(),
        status: reviewStatusSchema,
        segments: z.array(segmentSchema),
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'AlignmentPage' });

/** Query of GET /v1/pairs/{id}/alignment. */
export const alignmentQuerySchema = pageQuerySchema.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'An older version to read; the current one by default.' }),
});

const sideSchema = z.enum(['source', 'target']);

/** One edit operation (issue 17). Bead numbers are checked against the alignment, not here (422 either way). */
export const editOpSchema = z
  .discriminatedUnion('op', [
    z.strictObject({ op: z.literal('merge'), bead: z.number() }).meta({ description: 'Bead i with bead i + 1.' }),
    z
      .strictObject({ op: z.literal('split'), bead: z.number(), source: z.number(), target: z.number() })
      .meta({ description: 'Bead i after its first `source` source and `target` target sentences.' }),
    z
      .strictObject({ op: z.literal('move'), bead: z.number(), side: sideSchema, to: z.enum(['previous', 'next']) })
      .meta({ description: "previous: the side's first sentence to the end of bead i - 1; next: its last to i + 1." }),
    z
      .strictObject({
        op: z.literal('edit'),
        bead: z.number(),
        side: sideSchema,
        text: z.string().max(MAX_EDIT_LENGTH * 2),
      })
      .meta({ description: `New text for one side (trimmed, 1-${MAX_EDIT_LENGTH} characters); the original is kept.` }),
    z.strictObject({ op: z.literal('approve'), beads: z.array(z.number()).max(1_000_000) }),
    z.strictObject({ op: z.literal('reject'), beads: z.array(z.number()).max(1_000_000) }),
    z
      .strictObject({ op: z.literal('undo') })
      .meta({ description: 'A new version equal to the state before the last change; alone in its request.' }),
  ])
  .meta({ id: 'EditOp' });

/** The body of POST /v1/pairs/{id}/alignment/edits: operations applied in order, all or nothing. */
export const editsBodySchema = z.array(editOpSchema).min(1).max(10_000).meta({ id: 'EditOps' });

/** Answer of GET /v1/pairs/{id}/alignment/history. */
export const historySchema = z
  .object({
    version: z.number().int().meta({ description: 'The current version.' }),
    items: z.array(
      z.object({
        version: z.number().int(),
        author: z.string().nullable().meta({ description: 'Account name; null for the aligner.' }),
        createdAt: z.string().meta({ format: 'date-time' }),
        operations: z.array(editOpSchema),
        restores: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'For an undo, the version whose state it brought back.' }),
      }),
    ),
  })
  .meta({ id: 'AlignmentHistory' });

/** A page of concordance hits. */
export const searchPageSchema = z
  .object({
    items: z.array(
      z.object({
        pairId: z.string(),
        symbol: z.string().nullable(),
        index: z.number().int(),
        language: z.string(),
        text: z.string(),
        otherLanguage: z.string(),
        otherText: z.string(),
        confidence: z.number(),
        label: z.string().nullable(),
      }),
    ),
    total: z
      .number()
      .int()
      .meta({ description: `Hits, counted up to ${SEARCH_COUNT_LIMIT}.` }),
    totalIsExact: z.boolean().meta({ description: `False when there are more than ${SEARCH_COUNT_LIMIT} hits.` }),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'SearchPage' });

/** Answer of /healthz and /readyz. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), message: z.string().optional() })).optional(),
  })
  .meta({ id: 'Health' });

const auditFilterShape = {
  actor: z.string().min(1).optional().meta({ description: 'Exact account name ("cli" for the command line).' }),
  action: z
    .enum(AUDIT_ACTIONS as [string, ...string[]])
    .optional()
    .meta({ id: 'AuditAction', description: 'What was done.' }),
  pairId: z.string().min(1).optional().meta({ description: 'Exact pair id.' }),
  collection: z.string().min(1).optional().meta({ description: 'Exact collection.' }),
  from: dateQuery.optional().meta({ description: 'Rows at or after this instant.' }),
  to: dateQuery.optional().meta({ description: 'Rows before this instant.' }),
};

/** Query of GET /v1/audit.csv (the whole filtered trail, oldest first). */
export const auditCsvQuerySchema = z.object(auditFilterShape);

/** Query of GET /v1/audit (a page of the filtered trail, newest first). */
export const auditQuerySchema = pageQuerySchema.extend(auditFilterShape);

/** One row of the audit trail. */
export const auditRowSchema = z
  .object({
    seq: z.number().int().meta({ description: 'Position in the trail, increasing.' }),
    at: z.string().meta({ format: 'date-time' }),
    actor: z.string().nullable().meta({ description: 'Account name, "cli", or null for an anonymous caller.' }),
    action: z.string(),
    pairId: z.string().nullable(),
    collection: z.string().nullable(),
    detail: z.string().nullable(),
    address: z.string().nullable().meta({ description: "The client's IP address." }),
  })
  .meta({ id: 'AuditRow' });

/** A page of the audit trail. */
export const auditPageSchema = z
  .object({
    items: z.array(auditRowSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'AuditPage' });
