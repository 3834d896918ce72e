/**
 * Prints where a V8 CPU profile (`node --cpu-prof`) spends its time: the functions with the most self time, with
 * their share of all samples, and the same summed by source file (the TypeScript file, for the built command line).
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/paralign.mjs align --presegmented a.fr a.en -o a.links
 *   npx tsx bench/profile-top.ts /tmp/prof/CPU.*.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CpuProfile, type CpuProfileNode, selfMicrosById } from './cpu-profile.js';
import { mapProfileToSources, sourceMapsFromDisk } from './cpu-profile-source-maps.js';

const [path, rowsArgument] = process.argv.slice(2);
if (!path) {
  console.log('usage: tsx bench/profile-top.ts PROFILE.cpuprofile [rows]');
  process.exit(1);
}
const rows = Number(rowsArgument ?? 25);
// Through dist/'s source maps, so that rows name src/core/align/dp.ts:116 rather than a bundle chunk's line.
const profile = mapProfileToSources(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, sourceMapsFromDisk());
const selfMicros = selfMicrosById(profile);
const total = [...selfMicros.values()].reduce((sum, t) => sum + t, 0);

function tally(keyOf: (node: CpuProfileNode) => string): [string, number][] {
  const byKey = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros > 0) byKey.set(keyOf(node), (byKey.get(keyOf(node)) ?? 0) + micros);
  }
  return [...byKey].sort((a, b) => b[1] - a[1]);
}

const where = (node: CpuProfileNode): string => (node.callFrame.url ? basename(node.callFrame.url) : '');
const print = (title: string, entries: [string, number][]): void => {
  console.log(`\n${title}`);
  for (const [key, micros] of entries.slice(0, rows))
    console.log(
      `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
};

// Total time of a function: every sample with the function anywhere on its stack (once, however deep it recurses).
function inclusive(): [string, number][] {
  const parent = new Map<number, CpuProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byName = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const names = new Set<string>();
    for (let node = byId.get(id); node; node = parent.get(node.id)) names.add(node.callFrame.functionName);
    for (const name of names) if (name) byName.set(name, (byName.get(name) ?? 0) + micros);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

console.log(`${(total / 1000).toFixed(0)} ms sampled`);
print(
  'self time by function',
  tally((n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`),
);
print('total time by function name (self and callees)', inclusive());
print(
  'self time by file',
  tally((n) => where(n) || n.callFrame.functionName),
);
