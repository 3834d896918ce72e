import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebBundle, hasWebBundle, WEB_SCRIPTS } from '../../../src/api/web/web-bundle.js';

describe('the web bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-web-'));
  const outDir = join(dir, 'web');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is built when missing, then found; nothing remote, no markup parsed from strings', async () => {
    expect(hasWebBundle(outDir)).toBe(false);
    expect(await ensureWebBundle(outDir)).toBe('built');
    expect(await ensureWebBundle(outDir)).toBe('present');
    const files = [
      ...Object.keys(WEB_SCRIPTS).map((name) => `${name}.js`),
      ...readdirSync(join(outDir, 'chunks'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => `chunks/${name}`),
    ];
    expect(files.length).toBeGreaterThan(Object.keys(WEB_SCRIPTS).length);
    for (const file of files) {
      const code = readFileSync(join(outDir, file), 'utf8');
      // Imports only of our own chunks, by relative path: no CDN, no remote module.
      expect(code, file).not.toMatch(/https?:\/\//);
      for (const specifier of code.matchAll(/\bfrom\s*"([^"]+)"/g)) expect(specifier[1], file).toMatch(/^\.\.?\//);
      // Trusted Types are required by the pages' policy: the scripts build nodes, never parse markup.
      expect(code, file).not.toMatch(/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|\beval\(/);
    }
  }, 60_000);
});
