import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('listens on 127.0.0.1 with accounts and no CORS unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', auth: 'on', corsOrigins: [] });
    expect(loadConfig({ HOST: '0.0.0.0', CORS_ORIGINS: ' https://a.example/, https://b.example ' })).toMatchObject({
      host: '0.0.0.0',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(loadConfig({ PARALIGN_AUTH: 'off' })).toMatchObject({ auth: 'off', host: '127.0.0.1' });
  });

  it.each([
    [{ PARALIGN_AUTH: 'off', HOST: '0.0.0.0' }, /PARALIGN_AUTH=off listens on 127.0.0.1 only/],
    [{ PARALIGN_AUTH: 'maybe' }, /PARALIGN_AUTH must be "on" or "off"/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    // toMatchObject: other parts of the service add their own settings.
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: 'redis://127.0.0.1:6379',
      dataDir: './data',
      sqlitePath: 'data/paralign.sqlite',
      workerConcurrency: 2,
      queuePrefix: 'paralign',
      maxUploadBytes: 50 * 1024 * 1024,
      lexiconUnits: 5000,
      lexiconMinConfidence: 0.9,
      lexiconMinIntervalMs: 60_000,
    });
    expect(config).not.toHaveProperty('databaseUrl');
    expect(config).not.toHaveProperty('databaseSchema');
  });

  it('reads every variable, an empty one counting as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://cache:6379',
      DATABASE_URL: 'postgres://u@db/paralign',
      DATABASE_SCHEMA: 'tm',
      DATA_DIR: '/var/lib/paralign',
      WORKER_CONCURRENCY: '8',
      QUEUE_PREFIX: 'run1',
      MAX_UPLOAD_BYTES: '1000',
      SQLITE_PATH: '',
      PARALIGN_LEXICON_UNITS: '0',
      PARALIGN_LEXICON_MIN_CONFIDENCE: '0.75',
      PARALIGN_LEXICON_MIN_INTERVAL_MS: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrl: 'redis://cache:6379',
      databaseUrl: 'postgres://u@db/paralign',
      databaseSchema: 'tm',
      sqlitePath: '/var/lib/paralign/paralign.sqlite',
      workerConcurrency: 8,
      queuePrefix: 'run1',
      maxUploadBytes: 1000,
      lexiconUnits: 0,
      lexiconMinConfidence: 0.75,
      lexiconMinIntervalMs: 0,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['WORKER_CONCURRENCY', '0'],
    ['WORKER_CONCURRENCY', '1.5'],
    ['MAX_UPLOAD_BYTES', '-1'],
    ['PARALIGN_LEXICON_UNITS', '-1'],
    ['PARALIGN_LEXICON_UNITS', '2.5'],
    ['PARALIGN_LEXICON_MIN_CONFIDENCE', '1.5'],
    ['PARALIGN_LEXICON_MIN_INTERVAL_MS', '-1'],
    ['PARALIGN_LEXICON_MIN_CONFIDENCE', 'high'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
