import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiI18n, localizeRequests } from '../../src/api/i18n.js';

describe('localizeRequests', () => {
  let base = '';
  let server: ReturnType<express.Express['listen']>;
  beforeAll(async () => {
    const app = express();
    app.set('query parser', 'simple');
    app.use(localizeRequests(createApiI18n()));
    app.get('/message', (req, res) => {
      res.json({ language: req.i18n.resolvedLanguage, message: req.t('NOT_FOUND', { path: '/x' }) });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const ask = async (query: string, acceptLanguage?: string) => {
    const response = await fetch(`${base}/message${query}`, {
      headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage },
    });
    const body = (await response.json()) as { language: string; message: string };
    return { ...body, header: response.headers.get('content-language') };
  };

  it.each([
    ['', undefined, 'en'],
    ['', 'fr', 'fr'],
    ['', 'fr-CA,fr;q=0.9', 'fr'],
    ['', 'de', 'en'],
    ['', 'de,fr;q=0.5', 'fr'],
    ['', 'en-GB', 'en'],
    ['?lng=fr', 'en', 'fr'],
    ['?lng=xx', 'fr', 'fr'],
  ])('answers %s with Accept-Language %s in %s, and says so', async (query, acceptLanguage, expected) => {
    const { language, message, header } = await ask(query, acceptLanguage);
    expect(language).toBe(expected);
    expect(header).toBe(expected);
    expect(message).toBe(expected === 'fr' ? 'Ressource inconnue : /x.' : 'No such resource: /x.');
  });

  it('keeps each request to its own language when requests interleave', async () => {
    const answers = await Promise.all(['fr', 'en', 'fr', 'en'].map((language) => ask('', language)));
    expect(answers.map((answer) => answer.language)).toEqual(['fr', 'en', 'fr', 'en']);
  });
});
