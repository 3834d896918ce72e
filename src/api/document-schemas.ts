/** Zod schemas of /v1/documents: validation and the OpenAPI document come from the same source. */
import { z } from 'zod';
import { UN_LANGUAGES } from '../core/model.js';
import { pageQuerySchema, pairSchema } from './schemas.js';

/** Path parameters of /v1/documents/{id}. */
export const documentParamsSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: 'Document id.' }),
});

/** The form fields of POST /v1/documents besides the files. */
export const documentFieldsSchema = z.object({
  pivot: z
    .enum(UN_LANGUAGES)
    .optional()
    .meta({
      description:
        'The version the others are aligned with; by default the original language the headers name ' +
        '("Original: English"), else English.',
    }),
  collection: z.string().trim().min(1).max(200).optional().meta({ description: 'Collection the pairs belong to.' }),
  symbol: z.string().trim().min(1).max(200).optional().meta({ description: 'Document symbol, e.g. "A/73/100".' }),
});

const versionFile = (name: string): z.ZodOptional<z.ZodString> =>
  z
    .string()
    .optional()
    .meta({ format: 'binary', description: `The ${name} version (.txt, .md, .html, .docx, .pdf).` });

/** The multipart body of POST /v1/documents: two to six files, each named by its language code. */
export const documentUploadBodySchema = documentFieldsSchema.extend({
  ar: versionFile('Arabic'),
  en: versionFile('English'),
  es: versionFile('Spanish'),
  fr: versionFile('French'),
  ru: versionFile('Russian'),
  zh: versionFile('Chinese'),
});

/** Query of GET /v1/documents. */
export const listDocumentsQuerySchema = pageQuerySchema.extend({
  language: z.enum(UN_LANGUAGES).optional().meta({ description: 'Documents with a version in this language.' }),
  collection: z.string().min(1).optional().meta({ description: 'Exact collection.' }),
  symbolPrefix: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Document symbols starting with this, e.g. "CTOC/COP/".' }),
});

/** A parsed query of GET /v1/documents (and of the page /review/documents). */
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;

/** One language version of a document. */
export const documentVersionSchema = z.object({
  language: z.string(),
  fileName: z.string(),
  pairId: z.string().nullable().meta({ description: "The version's pair with the pivot; null for the pivot." }),
});

/** A document of several language versions, with the pairs that align them with the pivot. */
export const documentSchema = z
  .object({
    id: z.string(),
    pivot: z.string(),
    collection: z.string().nullable(),
    symbol: z.string().nullable(),
    createdAt: z.string(),
    versions: z.array(documentVersionSchema),
    pairs: z.array(pairSchema),
  })
  .meta({ id: 'Document' });

/** The answer to POST /v1/documents. */
export const documentUploadResultSchema = z
  .object({
    documentId: z.string(),
    created: z.boolean().meta({ description: 'False when the same versions were uploaded before.' }),
    document: documentSchema,
  })
  .meta({ id: 'DocumentUploadResult' });

/** A page of documents, oldest first. */
export const documentPageSchema = z
  .object({
    items: z.array(documentSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'DocumentPage' });
