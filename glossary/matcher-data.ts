/**
 * A compiled matcher as data: the tables of matcher.ts in a JSON-safe object, so the bundled
 * pack's matcher is compiled once at build time (wxt.config.ts) instead of on every page and frame.
 * Compiling the bundled pack took 60–80 ms of each page's first start (issue #14, profiled on the
 * corpus: `aliasForms`, `spellings` and `buildTrie`); decoding this takes well under a millisecond.
 *
 * Typed arrays travel as base64 of their little-endian bytes; an index table whose values all fit
 * in 16 bits (the bundled pack's do) travels as 16-bit values, which makes the data script that
 * every top frame compiles a quarter smaller. Decoding checks every length and index, so data from
 * another build or a damaged file is refused (the caller compiles instead) rather than walked out
 * of bounds.
 */
import type { MatcherTables } from './matcher.ts';
import type { Trie } from './trie.ts';

/** Bumped whenever the tables' layout or meaning changes (entries.ts, matcher.ts, trie.ts). */
export const MATCHER_DATA_FORMAT = 3;

export interface MatcherData {
  format: number;
  nodeCount: number;
  maxDepth: number;
  aliasCount: number;
  termIds: string[];
  /** Entry index → case-kept form, for the case-sensitive entries only. */
  exact: Record<string, string>;
  /** base64 of each array's bytes (the index tables' values in 16 or 32 bits). */
  edgeStart: string;
  edgeChar: string;
  edgeNext: string;
  first: string;
  kind: string;
  alias: string;
  rules: string;
  term: string;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Base64Codec = {
  fromBase64?: (text: string) => Uint8Array;
};

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesOf(array: Int32Array | Uint16Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** An index table's bytes: 16-bit values when every value fits, else 32-bit ones. */
function indexBytes(array: Int32Array): Uint8Array {
  const fits = array.every((value) => value >= 0 && value <= 0xffff);
  return bytesOf(fits ? Uint16Array.from(array) : array);
}

/** The tables as data. Throws on a big-endian machine (the data is little-endian). */
export function matcherData(tables: MatcherTables): MatcherData {
  if (!LITTLE_ENDIAN) throw new Error('matcher data: big-endian machines are not supported');
  const exact: Record<string, string> = {};
  tables.exact.forEach((form, entry) => {
    if (form !== null) exact[entry] = form;
  });
  return {
    format: MATCHER_DATA_FORMAT,
    nodeCount: tables.trie.nodeCount,
    maxDepth: tables.trie.maxDepth,
    aliasCount: tables.aliasCount,
    termIds: tables.termIds,
    exact,
    edgeStart: toBase64(indexBytes(tables.trie.edgeStart)),
    edgeChar: toBase64(bytesOf(tables.trie.edgeChar)),
    edgeNext: toBase64(indexBytes(tables.trie.edgeNext)),
    first: toBase64(indexBytes(tables.first)),
    kind: toBase64(tables.kind),
    alias: toBase64(indexBytes(tables.alias)),
    rules: toBase64(tables.rules),
    term: toBase64(indexBytes(tables.term)),
  };
}

/** An index table of `length` values, stored in 32 or 16 bits (see `indexBytes`). */
function int32s(text: string, length: number, name: string): Int32Array {
  const bytes = fromBase64(text);
  if (length > 0 && bytes.length === length * 2) {
    return Int32Array.from(new Uint16Array(bytes.buffer, bytes.byteOffset, length));
  }
  if (bytes.length !== length * 4) throw new Error(`matcher data: ${name} has the wrong length`);
  return new Int32Array(bytes.buffer, bytes.byteOffset, length);
}

function inRange(array: Int32Array | Uint16Array | Uint8Array, min: number, max: number): boolean {
  for (let i = 0; i < array.length; i++) if (array[i]! < min || array[i]! > max) return false;
  return true;
}

/**
 * The tables from `data` (from `matcherData`, possibly of another build). Format, sizes and
 * lengths are always checked; every index too unless `fromThisBuild` (data this build made, such
 * as the bundled pack's: those loops over every entry are most of a cold decode on a page).
 * @throws Error naming what is wrong: another format, a length or an index out of range.
 */
export function tablesFromData(data: MatcherData, fromThisBuild = false): MatcherTables {
  if (data?.format !== MATCHER_DATA_FORMAT) throw new Error('matcher data: another format');
  if (!LITTLE_ENDIAN) throw new Error('matcher data: big-endian machines are not supported');
  const { nodeCount, maxDepth } = data;
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || !Number.isInteger(maxDepth)) {
    throw new Error('matcher data: bad sizes');
  }
  const edgeCount = nodeCount - 1;
  const edgeStart = int32s(data.edgeStart, nodeCount + 1, 'edgeStart');
  const edgeNext = int32s(data.edgeNext, edgeCount, 'edgeNext');
  const charBytes = fromBase64(data.edgeChar);
  if (charBytes.length !== edgeCount * 2)
    throw new Error('matcher data: edgeChar has the wrong length');
  const edgeChar = new Uint16Array(charBytes.buffer, charBytes.byteOffset, edgeCount);
  const first = int32s(data.first, nodeCount + 1, 'first');
  const entries = first[nodeCount]!;
  const kind = fromBase64(data.kind);
  const rules = fromBase64(data.rules);
  const alias = int32s(data.alias, entries, 'alias');
  const term = int32s(data.term, entries, 'term');
  const termIds = data.termIds;
  if (
    kind.length !== entries ||
    rules.length !== entries ||
    !Array.isArray(termIds) ||
    !termIds.every((id) => typeof id === 'string') ||
    edgeStart[nodeCount] !== edgeCount
  ) {
    throw new Error('matcher data: an index is out of range');
  }
  if (
    !fromThisBuild &&
    (!inRange(edgeStart, 0, edgeCount) ||
      edgeStart[nodeCount] !== edgeCount ||
      !inRange(edgeNext, 0, 2 * nodeCount - 1) ||
      !inRange(first, 0, entries) ||
      !inRange(kind, 0, 3) ||
      !inRange(term, 0, termIds.length - 1))
  ) {
    throw new Error('matcher data: an index is out of range');
  }
  const exact: (string | null)[] = new Array<string | null>(entries).fill(null);
  for (const [entry, form] of Object.entries(data.exact ?? {})) {
    const at = Number(entry);
    if (!(at >= 0 && at < entries) || typeof form !== 'string') {
      throw new Error('matcher data: bad case-sensitive form');
    }
    exact[at] = form;
  }
  // The root's steps by code unit: the edges of node 0, spread out (256 kB not worth shipping).
  const root = new Int32Array(0x10000).fill(-1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) root[edgeChar[e]!] = edgeNext[e]!;
  const trie: Trie = { root, edgeStart, edgeChar, edgeNext, nodeCount, maxDepth };
  return {
    trie,
    first,
    kind,
    alias,
    rules,
    term,
    exact,
    termIds,
    aliasCount: data.aliasCount,
  };
}
