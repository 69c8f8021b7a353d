/**
 * Finds the paragraph of a source text that contains a quoted passage, so the glossary page can
 * show the quote in context. Pure. Matching uses the matcher's length-preserving fold, so curly
 * versus straight quotes, dashes and case do not matter and offsets carry straight back.
 */
import { fold } from './normalize';

export interface ContextSegment {
  text: string;
  /** Part of the quoted passage (to be emphasised). */
  quoted: boolean;
}

export interface EssayIndex {
  /** The quote's paragraph split into quoted and unquoted segments; null when not found. */
  find(quote: string): ContextSegment[] | null;
}

// An ellipsis in a quote stands for words left out: each part is matched on its own, in order.
const ELLIPSIS = /\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*/u;
// Quotation marks and spaces around a whole quote are the glossary's, not the essay's.
const EDGES = /^[\s"'“”‘’«»]+|[\s"'“”‘’«»]+$/gu;

/** The source's paragraphs: one per non-blank line (the essay is stored one paragraph a line). */
export function paragraphsOf(source: string): string[] {
  return source
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function createEssayIndex(source: string): EssayIndex {
  const paragraphs = paragraphsOf(source);
  let folded: string[] | undefined;
  return {
    find(quote) {
      const parts = quote
        .replace(EDGES, '')
        .split(ELLIPSIS)
        .map((part) => part.replace(EDGES, ''))
        .filter((part) => part !== '');
      if (parts.length === 0) return null;
      folded ??= paragraphs.map(fold);
      const needles = parts.map(fold);
      for (let p = 0; p < paragraphs.length; p++) {
        const spans = locate(folded[p]!, needles);
        if (spans) return split(paragraphs[p]!, spans);
      }
      return null;
    },
  };
}

/** The [start, end) of each needle, in order and without overlap; null if any is missing. */
function locate(haystack: string, needles: readonly string[]): [number, number][] | null {
  const spans: [number, number][] = [];
  let from = 0;
  for (const needle of needles) {
    const start = haystack.indexOf(needle, from);
    if (start === -1) return null;
    spans.push([start, start + needle.length]);
    from = start + needle.length;
  }
  return spans;
}

function split(paragraph: string, spans: readonly [number, number][]): ContextSegment[] {
  const segments: ContextSegment[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) segments.push({ text: paragraph.slice(at, start), quoted: false });
    segments.push({ text: paragraph.slice(start, end), quoted: true });
    at = end;
  }
  if (at < paragraph.length) segments.push({ text: paragraph.slice(at), quoted: false });
  return segments;
}
