/** Prometheus metrics of the API process: queue jobs by state, job durations, upload sizes, uploads by outcome. */
import type { Queue, QueueEvents } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AlignJobData, AlignJobResult } from '../queue/align-queue.js';

/** The metrics routes and handlers update; `registry` is what /metrics prints. */
export interface ApiMetrics {
  /** This process's registry (never the global one: tests build several apps in one process). */
  registry: Registry;
  /** Bytes of each upload's files: both documents and the dictionary, if any. */
  uploadBytes: Histogram;
  /** Uploads by outcome (created, existing). */
  uploads: Counter<'outcome'>;
  /** Stops listening to queue events (their owner closes them). */
  close(): void;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;

/** Creates the registry; with `events` (the alignment queue's), also follows job completions to time them. */
export function createApiMetrics(queue: Queue<AlignJobData, AlignJobResult>, events?: QueueEvents): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'paralign_jobs',
    help: 'Alignment jobs in the queue by state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
      } catch {
        // Redis is down: leave the last values; /readyz tells the outage.
      }
    },
  });
  const uploadBytes = new Histogram({
    name: 'paralign_upload_bytes',
    help: 'Size of the files of an upload (both documents and the dictionary, if any), in bytes.',
    buckets: [1e3, 1e4, 1e5, 1e6, 1e7, 1e8],
    registers: [registry],
  });
  const uploads = new Counter({
    name: 'paralign_uploads_total',
    help: 'Uploads by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'paralign_job_duration_seconds',
    help: 'Time a worker spent on a completed alignment job, in seconds.',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'paralign_job_failures_total',
    help: 'Failed alignment job attempts.',
    registers: [registry],
  });

  const onCompleted = ({ returnvalue }: { returnvalue: unknown }): void => {
    const result = returnvalue as Partial<AlignJobResult> | undefined;
    if (typeof result?.durationMs === 'number') durations.observe(result.durationMs / 1000);
  };
  const onFailed = (): void => failures.inc();
  events?.on('completed', onCompleted);
  events?.on('failed', onFailed);
  return {
    registry,
    uploadBytes,
    uploads,
    close() {
      events?.off('completed', onCompleted);
      events?.off('failed', onFailed);
    },
  };
}
