/**
 * The access policy: which roles may call each route, in ONE table. One middleware applies it to every request
 * (src/api/authorize.ts), the README's roles table is rendered from it, and the role × route test walks it. A route
 * missing from the table is unreachable (404), so a new route cannot be left open by mistake.
 */
import { ROLES, type Role } from '../auth/roles.js';

/** Who may use a route: anyone, or an authenticated account of one of these roles. */
export type Access = 'public' | readonly Role[];

/** One row of the policy. */
export interface AccessRule {
  /** HTTP method (HEAD is checked as GET); `*` for every method. */
  method: 'GET' | 'POST' | 'DELETE' | '*';
  /** Path in OpenAPI's template form (`/v1/pairs/{id}`); a trailing `/*` also covers everything below it. */
  path: string;
  /** Who may call it. */
  access: Access;
  /** What the route lets one do, as the README's roles table says it; rules with the same text share its row. */
  what: string;
  /** An HTML page (a browser is answered with the sign-in page rather than JSON when not signed in). */
  page?: boolean;
}

const EVERY_ROLE: readonly Role[] = ROLES;
const UPLOADERS: readonly Role[] = ['translator', 'reviewer', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
// Issue 16 made the reviewer role for this; translators upload and read, terminologists only read.
const REVIEWERS: readonly Role[] = ['reviewer', 'admin'];

const READ_PAIRS = 'list and read pairs, alignments and parity reports';
const EXPORT = 'export pairs and the translation memory (TMX, TSV, XLIFF)';
const REVIEW = 'review pages';
const UPLOAD = 'upload pairs';
const CORRECT = 'correct and approve alignments (merge, split, move, edit, approve, reject, undo)';

/** The policy, first matching rule wins. Every role other than admin sees only its collections (if it has any). */
export const ACCESS_POLICY: readonly AccessRule[] = [
  { method: 'GET', path: '/healthz', access: 'public', what: 'health, readiness and the OpenAPI document' },
  { method: 'GET', path: '/readyz', access: 'public', what: 'health, readiness and the OpenAPI document' },
  { method: 'GET', path: '/openapi.json', access: 'public', what: 'health, readiness and the OpenAPI document' },
  { method: 'GET', path: '/sign-in', access: 'public', what: 'sign in and out of the web pages', page: true },
  { method: 'POST', path: '/sign-in', access: 'public', what: 'sign in and out of the web pages', page: true },
  { method: 'POST', path: '/sign-out', access: 'public', what: 'sign in and out of the web pages', page: true },
  { method: 'GET', path: '/review/assets/*', access: 'public', what: "the web pages' stylesheet, icon and scripts" },
  { method: 'POST', path: '/v1/pairs', access: UPLOADERS, what: UPLOAD },
  { method: 'POST', path: '/v1/documents', access: UPLOADERS, what: UPLOAD },
  { method: 'GET', path: '/v1/pairs', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/pairs/{id}', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/pairs/{id}/alignment', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/pairs/{id}/alignment/history', access: EVERY_ROLE, what: READ_PAIRS },
  {
    method: 'POST',
    path: '/v1/pairs/{id}/alignment/edits',
    access: REVIEWERS,
    what: CORRECT,
  },
  { method: 'GET', path: '/v1/pairs/{id}/report', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/documents', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/documents/{id}', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/documents/{id}/parity', access: EVERY_ROLE, what: READ_PAIRS },
  { method: 'GET', path: '/v1/pairs/{id}/export.{format}', access: EVERY_ROLE, what: EXPORT },
  { method: 'GET', path: '/v1/documents/{id}/export.tmx', access: EVERY_ROLE, what: EXPORT },
  { method: 'GET', path: '/v1/tm/export.tmx', access: EVERY_ROLE, what: EXPORT },
  { method: 'GET', path: '/v1/tm/search', access: EVERY_ROLE, what: 'concordance search' },
  { method: 'GET', path: '/review', access: EVERY_ROLE, what: REVIEW, page: true },
  // Before /review/{id}, which "upload" would match.
  { method: 'GET', path: '/review/upload', access: UPLOADERS, what: UPLOAD, page: true },
  { method: 'GET', path: '/review/search', access: EVERY_ROLE, what: 'concordance search', page: true },
  { method: 'GET', path: '/review/{id}/edit', access: REVIEWERS, what: CORRECT, page: true },
  { method: 'GET', path: '/review/documents', access: EVERY_ROLE, what: REVIEW, page: true },
  { method: 'GET', path: '/review/documents/{id}', access: EVERY_ROLE, what: REVIEW, page: true },
  { method: 'GET', path: '/review/{id}', access: EVERY_ROLE, what: REVIEW, page: true },
  // Deeper review paths: the review router answers them with its localised 404 page.
  { method: 'GET', path: '/review/*', access: EVERY_ROLE, what: REVIEW, page: true },
  { method: 'DELETE', path: '/v1/pairs/{id}', access: ADMIN, what: 'delete pairs' },
  { method: 'GET', path: '/v1/audit', access: ADMIN, what: 'read the audit trail (JSON, CSV)' },
  { method: 'GET', path: '/v1/audit.csv', access: ADMIN, what: 'read the audit trail (JSON, CSV)' },
  { method: 'GET', path: '/metrics', access: ADMIN, what: 'Prometheus metrics' },
  { method: '*', path: '/admin/queues/*', access: ADMIN, what: 'queue dashboard (Bull Board)', page: true },
];

const compiled = ACCESS_POLICY.map((rule) => ({ rule, pattern: compilePath(rule.path) }));

/** The first rule covering `method` and `path`, or undefined when none does (the route is then unreachable). */
export function findAccessRule(method: string, path: string): AccessRule | undefined {
  const verb = method === 'HEAD' ? 'GET' : method;
  return compiled.find(({ rule, pattern }) => (rule.method === '*' || rule.method === verb) && pattern.test(path))
    ?.rule;
}

/** Whether `role` may use a route under `rule`. */
export function mayAccess(rule: AccessRule, role: Role): boolean {
  return rule.access === 'public' || rule.access.includes(role);
}

/** The README's roles table (Markdown): one row per distinct `what` of the non-public rules, one column per role. */
export function renderRolesTable(policy: readonly AccessRule[] = ACCESS_POLICY): string {
  const rows = new Map<string, Set<Role>>();
  for (const rule of policy) {
    if (rule.access === 'public') continue;
    const roles = rows.get(rule.what) ?? new Set<Role>();
    for (const role of rule.access) roles.add(role);
    rows.set(rule.what, roles);
  }
  const lines = [`| may | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---|').join('')}`];
  for (const [what, roles] of rows)
    lines.push(`| ${what} | ${ROLES.map((role) => (roles.has(role) ? 'yes' : '-')).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function compilePath(path: string): RegExp {
  const prefix = path.endsWith('/*');
  const body = (prefix ? path.slice(0, -2) : path)
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}${prefix ? '(?:/.*)?' : '/?'}$`);
}
