import { describe, expect, it } from 'vitest';
import { buildCallTree, type CallTreeNode, type CpuProfile, selfMicrosById } from '../../bench/cpu-profile.js';

const frame = (functionName: string, lineNumber = 0, columnNumber = 0) => ({
  functionName,
  url: 'file:///repo/src/a.ts',
  lineNumber,
  columnNumber,
});

// (root) → main → f (column 4) → f → g; main → f (column 9: V8 may split one function so) → h; main → k → f.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
    { id: 2, callFrame: frame('main'), children: [3, 6, 8] },
    { id: 3, callFrame: frame('f', 10, 4), children: [4] },
    { id: 4, callFrame: frame('f', 10, 4), children: [5] },
    { id: 5, callFrame: frame('g', 20) },
    { id: 6, callFrame: frame('f', 10, 9), children: [7] },
    { id: 7, callFrame: frame('h', 30) },
    { id: 8, callFrame: frame('k', 40), children: [9] },
    { id: 9, callFrame: frame('f', 10, 4) },
  ],
  startTime: 0,
  endTime: 100,
  samples: [2, 3, 4, 4, 5, 6, 7, 7, 9, 9],
  timeDeltas: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

const names = (node: CallTreeNode): string[] => node.children.map((child) => child.frame.functionName);
const child = (node: CallTreeNode | undefined, name: string) =>
  node?.children.find((candidate) => candidate.frame.functionName === name);

describe('selfMicrosById', () => {
  it('gives each node the time deltas of the samples taken in it', () => {
    expect(Object.fromEntries(selfMicrosById(profile))).toEqual({ 2: 1, 3: 2, 4: 7, 5: 5, 6: 6, 7: 15, 9: 19 });
  });
});

describe('buildCallTree', () => {
  const tree = buildCallTree(profile);

  it('sums every sample into the root', () => {
    expect(tree.frame.functionName).toBe('(root)');
    expect(tree.totalMicros).toBe(55);
  });

  it('merges the frames of one function under one parent, and folds a function calling itself into one frame', () => {
    const main = child(tree, 'main');
    expect(names(tree)).toEqual(['main']);
    expect(names(main as CallTreeNode)).toEqual(['f', 'k']);
    const f = child(main, 'f');
    expect(f?.selfMicros).toBe(2 + 7 + 6);
    expect(names(f as CallTreeNode)).toEqual(['g', 'h']);
    expect(f?.totalMicros).toBe(2 + 7 + 6 + 5 + 15);
  });

  it('keeps a function apart under each of its callers', () => {
    expect(child(child(child(tree, 'main'), 'k'), 'f')?.totalMicros).toBe(19);
  });

  it('makes every total its own time plus its callees', () => {
    const check = (node: CallTreeNode): void => {
      expect(node.totalMicros).toBe(node.selfMicros + node.children.reduce((sum, c) => sum + c.totalMicros, 0));
      node.children.forEach(check);
    };
    check(tree);
  });
});
