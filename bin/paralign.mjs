#!/usr/bin/env node
// Runs the compiled command line (dist/cli.js, built by `npm ci` through the `prepare` script). Where none was built,
// or a source file changed since (a checkout being worked on), it runs the TypeScript through tsx instead, so that
// `npx paralign` always runs the code as it stands.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function builtAt() {
  try {
    return statSync(`${root}dist/cli.js`).mtimeMs;
  } catch {
    return -1;
  }
}

// A walk by hand: readdirSync's own recursive mode takes three times as long, at every start.
function hasSourceNewerThan(time, dir = `${root}src`) {
  return readdirSync(dir, { withFileTypes: true }).some((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? hasSourceNewerThan(time, path) : statSync(path).mtimeMs > time;
  });
}

const built = builtAt();
if (built >= 0 && !hasSourceNewerThan(built)) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
