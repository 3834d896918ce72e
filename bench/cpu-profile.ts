/**
 * A V8 CPU profile (`node --cpu-prof`, the `.cpuprofile` JSON of Node 20) and the call tree summed from it: the shapes
 * and the arithmetic that bench/profile-top.ts and bench/flame-graph.ts share. No I/O.
 */

/** Where a profiled function is: V8's call frame, with 0-based line and column (-1 for V8's own entries). */
export interface CallFrame {
  functionName: string;
  /** `file://…`, `node:…`, or empty for V8's own entries such as `(garbage collector)`. */
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

/** One node of V8's call tree: a call frame reached by one path from the root. */
export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The `.cpuprofile` JSON: the call tree, and which node each sample hit. */
export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds since an arbitrary origin. */
  startTime: number;
  endTime: number;
  /** The id of the node each sample was taken in, in time order. */
  samples: number[];
  /** Microseconds before each sample, since the previous one (the first since startTime). */
  timeDeltas: number[];
}

/** A function in the call tree merged by frame, with the time sampled in it alone and with its callees. */
export interface CallTreeNode {
  frame: CallFrame;
  /** Microseconds of the samples taken in this function itself. */
  selfMicros: number;
  /** Microseconds of the samples taken in this function or anything it called. */
  totalMicros: number;
  children: CallTreeNode[];
}

/** Microseconds sampled in each node itself, by node id (a time delta belongs to the sample it precedes). */
export function selfMicrosById(profile: CpuProfile): Map<number, number> {
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, k) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  return selfMicros;
}

/** What makes two frames the same function: name, file and line (V8 may split one by column or compile tier). */
export function frameKey(frame: CallFrame): string {
  return `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}`;
}

/**
 * The call tree with the frames of one function under one parent merged into one node, and a function calling
 * itself directly folded into its caller, so that recursion shows as one frame whose width is all its time.
 */
export function buildCallTree(profile: CpuProfile): CallTreeNode {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const root = profile.nodes.find((node) => !childIds.has(node.id));
  if (!root) throw new Error('a CPU profile needs a root node (one that is no node’s child)');
  const selfMicros = selfMicrosById(profile);
  const tree: CallTreeNode = { frame: root.callFrame, selfMicros: 0, totalMicros: 0, children: [] };

  // Adds `node` and everything below it into `into`, which stands for the same function.
  const mergeInto = (into: CallTreeNode, node: CpuProfileNode): void => {
    into.selfMicros += selfMicros.get(node.id) ?? 0;
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (!child) continue;
      const key = frameKey(child.callFrame);
      if (key === frameKey(into.frame)) {
        mergeInto(into, child);
        continue;
      }
      let target = into.children.find((existing) => frameKey(existing.frame) === key);
      if (!target) {
        target = { frame: child.callFrame, selfMicros: 0, totalMicros: 0, children: [] };
        into.children.push(target);
      }
      mergeInto(target, child);
    }
  };
  mergeInto(tree, root);
  sumTotals(tree);
  return tree;
}

function sumTotals(node: CallTreeNode): number {
  node.totalMicros = node.selfMicros + node.children.reduce((sum, child) => sum + sumTotals(child), 0);
  return node.totalMicros;
}
