/**
 * A trie over folded UTF-16 code units in flat typed arrays: no object per node, so a glossary
 * of 10,000 aliases costs a few typed arrays and lookups stay cache-friendly.
 */

/**
 * Steps return `child << 1 | 1` when a key ends at the child and `child << 1` when not, so a walk
 * learns whether to look for entries without touching another array; -1 means no step.
 */
export interface Trie {
  /** The root's step for every code unit: the one step taken at every word start. */
  readonly root: Int32Array;
  /** The edges of node n are edgeStart[n] … edgeStart[n + 1] - 1, sorted by character. */
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeNext: Int32Array;
  readonly nodeCount: number;
  /** The longest key: no walk from one start position passes more accepting nodes. */
  readonly maxDepth: number;
}

/** Builds the trie; `ends[k]` is the node where `keys[k]` ends. */
export function buildTrie(keys: readonly string[]): { trie: Trie; ends: Int32Array } {
  // The root's children by character (their node numbers until the end, then their steps); deeper
  // nodes list their children: firstChild[n], then nextSibling[child]. Node 0 (the root) is never
  // a child, so 0 ends a list. Node n ≥ 1 is the target of edge n - 1, from parent[n] along char[n].
  const root = new Int32Array(0x10000).fill(-1);
  let capacity = 1024;
  let parent = new Int32Array(capacity);
  let char = new Uint16Array(capacity);
  let firstChild = new Int32Array(capacity);
  let nextSibling = new Int32Array(capacity);
  const ends = new Int32Array(keys.length);
  let nodeCount = 1;
  let maxDepth = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let next = node === 0 ? root[code]! : firstChild[node]!;
      if (node !== 0) while (next > 0 && char[next] !== code) next = nextSibling[next]!;
      if (next <= 0) {
        if (nodeCount === capacity) {
          capacity *= 2;
          parent = grow(parent, capacity);
          char = grow(char, capacity);
          firstChild = grow(firstChild, capacity);
          nextSibling = grow(nextSibling, capacity);
        }
        next = nodeCount++;
        parent[next] = node;
        char[next] = code;
        if (node === 0) root[code] = next;
        else {
          nextSibling[next] = firstChild[node]!;
          firstChild[node] = next;
        }
      }
      node = next;
    }
    ends[k] = node;
    maxDepth = Math.max(maxDepth, key.length);
  }
  const edgeCount = nodeCount - 1;

  // Number nodes breadth-first: the shallow nodes that nearly every walk visits end up next to
  // each other in memory, which matters once a big glossary no longer fits in the CPU cache.
  const depth = new Int32Array(nodeCount);
  for (let n = 1; n < nodeCount; n++) depth[n] = depth[parent[n]!]! + 1;
  const byDepth = new Int32Array(maxDepth + 2);
  for (let n = 0; n < nodeCount; n++) byDepth[depth[n]! + 1]!++;
  for (let d = 0; d <= maxDepth; d++) byDepth[d + 1]! += byDepth[d]!;
  const id = new Int32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) id[n] = byDepth[depth[n]!]!++;
  const accepting = new Uint8Array(nodeCount);
  for (let k = 0; k < ends.length; k++) {
    accepting[ends[k]!] = 1;
    ends[k] = id[ends[k]!]!;
  }

  // Node n (n ≥ 1, old numbering) is the target of edge n - 1; group edges by parent.
  const edgeStart = new Int32Array(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) edgeStart[id[parent[n]!]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) edgeStart[n + 1]! += edgeStart[n]!;
  const fill = edgeStart.slice(0, nodeCount);
  const edgeChar = new Uint16Array(edgeCount);
  const edgeNext = new Int32Array(edgeCount);
  for (let n = 1; n < nodeCount; n++) {
    const slot = fill[id[parent[n]!]!]!++;
    edgeChar[slot] = char[n]!;
    edgeNext[slot] = (id[n]! << 1) | accepting[n]!;
  }
  for (let n = 0; n < nodeCount; n++) {
    if (edgeStart[n + 1]! - edgeStart[n]! > 1)
      sortEdges(edgeChar, edgeNext, edgeStart[n]!, edgeStart[n + 1]!);
  }

  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) root[edgeChar[e]!] = edgeNext[e]!;
  return { trie: { root, edgeStart, edgeChar, edgeNext, nodeCount, maxDepth }, ends };
}

function grow<T extends Int32Array | Uint16Array>(array: T, capacity: number): T {
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}

/** Insertion sort: most nodes have one or two edges. */
function sortEdges(chars: Uint16Array, next: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const c = chars[i]!;
    const n = next[i]!;
    let j = i - 1;
    while (j >= from && chars[j]! > c) {
      chars[j + 1] = chars[j]!;
      next[j + 1] = next[j]!;
      j--;
    }
    chars[j + 1] = c;
    next[j + 1] = n;
  }
}

/** The step from `node` along `code` (see `Trie`), or -1. */
export function childOf(trie: Trie, node: number, code: number): number {
  const { edgeStart, edgeChar, edgeNext } = trie;
  let lo = edgeStart[node]!;
  let hi = edgeStart[node + 1]!;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (edgeChar[lo] === code) return edgeNext[lo]!;
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = edgeChar[mid]!;
    if (c === code) return edgeNext[mid]!;
    if (c < code) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
