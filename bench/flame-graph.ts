/**
 * Draws a V8 CPU profile (`node --cpu-prof`) as a flame graph in one standalone SVG (root at the bottom; hover a frame
 * for its time). Frames of the built command line are put back on the TypeScript sources through dist/'s source maps.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/paralign.mjs align --presegmented a.fr a.en -o a.links
 *   npx tsx bench/flame-graph.ts /tmp/prof/CPU.*.cpuprofile /tmp/align.svg [--title TEXT]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCallTree, type CpuProfile } from './cpu-profile.js';
import { mapProfileToSources, sourceMapsFromDisk } from './cpu-profile-source-maps.js';
import { renderFlameGraphSvg } from './flame-graph-svg.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { title: { type: 'string' } } });
const [profilePath, svgPath] = positionals;
if (!profilePath || !svgPath) {
  console.log('usage: tsx bench/flame-graph.ts PROFILE.cpuprofile OUT.svg [--title TEXT]');
  process.exit(1);
}

const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
const tree = buildCallTree(mapProfileToSources(profile, sourceMapsFromDisk()));
// Paths under the working directory (the repository, for npm scripts) are shown relative to it: src/core/align/dp.ts.
const here = pathToFileURL(`${process.cwd()}/`).href;
const displayUrl = (url: string): string =>
  url.startsWith(here) ? url.slice(here.length) : url.replace(/^file:\/\//, '');
const svg = renderFlameGraphSvg(tree, { title: values.title ?? basename(profilePath), displayUrl });
writeFileSync(svgPath, svg);
console.log(`${svgPath}: ${(tree.totalMicros / 1000).toFixed(0)} ms sampled, ${(svg.length / 1024).toFixed(0)} KB`);
