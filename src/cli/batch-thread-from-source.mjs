// Runs batch-thread.ts in a worker thread when the command line runs from its TypeScript sources (through tsx, see
// bin/paralign.mjs): a worker thread does not inherit tsx's loader, so it loads the thread's module through tsx itself.
const { tsImport } = await import('tsx/esm/api');
await tsImport('./batch-thread.ts', import.meta.url);
