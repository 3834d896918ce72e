import { SourceMap } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CpuProfile } from '../../bench/cpu-profile.js';
import { mapProfileToSources } from '../../bench/cpu-profile-source-maps.js';

// Generated line 0 comes from line 0 of ../src/a.ts, generated line 1 from its line 5 ("K" is 5 in base-64 VLQ).
const map = new SourceMap({
  version: 3,
  file: 'chunk.js',
  sources: ['../src/a.ts'],
  sourcesContent: [],
  names: [],
  mappings: 'AAAA;AAKA',
  sourceRoot: '',
});
const bundle = 'file:///repo/dist/chunk.js';

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 3] },
    { id: 2, callFrame: { functionName: 'align', url: bundle, lineNumber: 1, columnNumber: 0 } },
    { id: 3, callFrame: { functionName: 'readFile', url: 'node:fs', lineNumber: 7, columnNumber: 2 } },
  ],
  startTime: 0,
  endTime: 2,
  samples: [2, 3],
  timeDeltas: [1, 1],
};

describe('mapProfileToSources', () => {
  const mapped = mapProfileToSources(profile, (url) => (url === bundle ? map : undefined));

  it('moves a bundled frame to its source file and line, resolved beside the bundle', () => {
    expect(mapped.nodes[1]?.callFrame).toMatchObject({ functionName: 'align', url: 'file:///repo/src/a.ts' });
    expect(mapped.nodes[1]?.callFrame.lineNumber).toBe(5);
  });

  it('leaves frames without a source map as they are', () => {
    expect(mapped.nodes[0]?.callFrame).toEqual(profile.nodes[0]?.callFrame);
    expect(mapped.nodes[2]?.callFrame).toEqual(profile.nodes[2]?.callFrame);
  });
});
