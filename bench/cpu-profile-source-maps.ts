/**
 * Puts a CPU profile of the built command line (dist/, bundled into a few chunks by scripts/build.mjs) back onto the
 * TypeScript sources, through the source maps the build writes beside each chunk, so a frame names src/core/align/dp.ts
 * rather than dist/chunk-….js.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload, type SourceMapping } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CallFrame, CpuProfile } from './cpu-profile.js';

/** The source map of a script, or undefined when it has none. */
export type SourceMapLookup = (scriptUrl: string) => SourceMap | undefined;

/** The profile with every frame that a source map covers moved to its original file and line (URLs stay absolute). */
export function mapProfileToSources(profile: CpuProfile, sourceMapOf: SourceMapLookup): CpuProfile {
  const mapFrame = (frame: CallFrame): CallFrame => {
    const map = frame.url && frame.lineNumber >= 0 ? sourceMapOf(frame.url) : undefined;
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!entry || !('originalSource' in entry)) return frame;
    const { originalSource, originalLine, originalColumn } = entry as SourceMapping;
    // The map's sources are relative to the map, which the build writes beside its script.
    const url = new URL(originalSource, frame.url).href;
    return { ...frame, url, lineNumber: originalLine, columnNumber: originalColumn };
  };
  return { ...profile, nodes: profile.nodes.map((node) => ({ ...node, callFrame: mapFrame(node.callFrame) })) };
}

/**
 * Reads the source map a `file://` script names in its last `//# sourceMappingURL=` comment, once a script; undefined
 * for other URLs, scripts without one, or files that cannot be read.
 */
export function sourceMapsFromDisk(): SourceMapLookup {
  const cache = new Map<string, SourceMap | undefined>();
  const load = (scriptUrl: string): SourceMap | undefined => {
    if (!scriptUrl.startsWith('file:')) return undefined;
    try {
      const script = readFileSync(fileURLToPath(scriptUrl), 'utf8');
      const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(script)?.[1];
      if (!mapName || mapName.startsWith('data:')) return undefined;
      const payload = JSON.parse(readFileSync(fileURLToPath(new URL(mapName, scriptUrl)), 'utf8')) as SourceMapPayload;
      return new SourceMap(payload);
    } catch {
      // A script deleted since the profile was taken keeps its bundled position: the graph is still usable.
      return undefined;
    }
  };
  return (scriptUrl) => {
    if (!cache.has(scriptUrl)) cache.set(scriptUrl, load(scriptUrl));
    return cache.get(scriptUrl);
  };
}
