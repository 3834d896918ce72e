/** Bull Board, the queue dashboard, mounted at /admin/queues. */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { AppDeps } from '../app-deps.js';

/** Where the dashboard is mounted; Bull Board's base path must be this full path or its assets 404. */
export const ADMIN_QUEUES_PATH = '/admin/queues';

/** Builds the dashboard's router over the alignment queue. */
export function createAdminRouter(deps: AppDeps): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: [new BullMQAdapter(deps.queue)], serverAdapter });
  const dashboard = serverAdapter.getRouter() as Router & { disable?: (setting: string) => void };
  // The adapter's router is an Express application of its own, which announces itself unless told not to.
  dashboard.disable?.('x-powered-by');
  return dashboard;
}
