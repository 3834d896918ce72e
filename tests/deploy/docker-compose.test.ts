/** No Docker engine runs here: docker-compose.yml is kept correct by reading it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, Service>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has redis, postgres, api and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
  });

  it('publishes the API port only, and nothing on the worker, so --scale worker=N works', () => {
    expect(services.api?.ports).toEqual(['3000:3000']);
    expect(services.api?.environment?.PORT).toBe('3000');
    // Reachable through the published port, and never without accounts.
    expect(loadConfig(services.api?.environment ?? {})).toMatchObject({ host: '0.0.0.0', auth: 'on' });
    expect(services.worker?.ports).toBeUndefined();
    expect(services.worker?.container_name).toBeUndefined();
  });

  it.each(['api', 'worker'])(
    'points %s at the compose Redis and PostgreSQL with a configuration loadConfig accepts',
    (name) => {
      const environment = services[name]?.environment ?? {};
      expect(environment.REDIS_URL).toBe('redis://redis:6379');
      expect(environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
      const config = loadConfig(environment);
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.databaseUrl).toBe(environment.DATABASE_URL);
      expect(services[name]?.depends_on?.redis?.condition).toBe('service_healthy');
      expect(services[name]?.depends_on?.postgres?.condition).toBe('service_healthy');
    },
  );

  it('uses one queue prefix for the API and the workers', () => {
    expect(services.api?.environment?.QUEUE_PREFIX).toBe(services.worker?.environment?.QUEUE_PREFIX);
  });

  it('runs the API without an embedded worker and the workers from the worker entry', () => {
    expect(services.api?.command).toContain('--api-only');
    expect(services.api?.command).toContain('dist/server.js');
    expect(services.worker?.command).toContain('dist/align-worker.js');
  });

  it('runs entries the build makes: the server and the worker are entry points of scripts/build.mjs', () => {
    const build = readFileSync(new URL('../../scripts/build.mjs', import.meta.url), 'utf8');
    expect(build).toContain("server: 'src/server.ts'");
    expect(build).toContain("'align-worker': 'workers/align-worker.ts'");
  });

  it('matches the database credentials the postgres service creates', () => {
    const env = services.postgres?.environment ?? {};
    const url = new URL(services.api?.environment?.DATABASE_URL ?? '');
    expect([url.username, url.password, url.pathname.slice(1)]).toEqual([
      env.POSTGRES_USER,
      env.POSTGRES_PASSWORD,
      env.POSTGRES_DB,
    ]);
  });
});
