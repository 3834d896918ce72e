import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY, findAccessRule, mayAccess, renderRolesTable } from '../../src/api/access-policy.js';
import { createOpenApiDocument } from '../../src/api/openapi.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const START = '<!-- roles-table: rendered from src/api/access-policy.ts; tests/api/access-policy.test.ts checks it -->';
const END = '<!-- /roles-table -->';

describe('access policy', () => {
  it('covers every operation of the OpenAPI document with a rule', () => {
    const paths = createOpenApiDocument().paths ?? {};
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      ['get', 'post', 'delete', 'put', 'patch']
        .filter((method) => item !== undefined && method in item)
        .map((method) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x')] as const),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const [method, path] of operations) expect(findAccessRule(method, path), `${method} ${path}`).toBeDefined();
  });

  it.each([
    ['GET', '/healthz', 'translator', true],
    ['GET', '/review/assets/review.css', 'translator', true],
    ['GET', '/review/abc', 'terminologist', true],
    ['POST', '/v1/pairs', 'terminologist', false],
    ['POST', '/v1/pairs', 'translator', true],
    ['DELETE', '/v1/pairs/abc', 'reviewer', false],
    ['DELETE', '/v1/pairs/abc', 'admin', true],
    ['HEAD', '/metrics', 'reviewer', false],
    ['GET', '/metrics', 'admin', true],
    ['POST', '/admin/queues/api/queues/pause', 'reviewer', false],
    ['PUT', '/admin/queues/api/queues/pause', 'admin', true],
    ['GET', '/v1/audit.csv', 'terminologist', false],
  ] as const)('%s %s as %s: %s', (method, path, role, allowed) => {
    const rule = findAccessRule(method, path);
    expect(rule).toBeDefined();
    if (rule !== undefined) expect(mayAccess(rule, role)).toBe(allowed);
  });

  it('leaves routes outside the table unreachable', () => {
    expect(findAccessRule('DELETE', '/v1/audit')).toBeUndefined();
    expect(findAccessRule('PUT', '/v1/pairs/abc')).toBeUndefined();
    expect(findAccessRule('GET', '/v1/pairs/abc/def')).toBeUndefined();
    expect(findAccessRule('POST', '/review/abc')).toBeUndefined();
    expect(findAccessRule('GET', '/admin')).toBeUndefined();
  });

  it('is the roles table the README prints', () => {
    const start = README.indexOf(START);
    const end = README.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(README.slice(start + START.length, end).trim()).toBe(renderRolesTable(ACCESS_POLICY).trim());
  });
});
