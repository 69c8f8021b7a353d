/**
 * Pages take Chinese and Japanese word starts from the background (glossary/cjk-words.ts
 * useWordStarts, entrypoints/content/word-starts.ts): the verdicts must be the segmenter's own,
 * an unknown text must never be passed as a word, and the page must not build a segmenter.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  onCJWordBoundaries,
  undecidedChecks,
  useWordStarts,
  wordStarts,
} from '../../glossary/cjk-words';
import { compile } from '../../glossary/matcher';
import { RemoteWordStarts } from '../../entrypoints/content/word-starts';

const matcher = compile([
  { id: 'diet', aliases: ['国会'] },
  { id: 'abe', aliases: ['安倍'] },
]);
const marked = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

describe('word starts from elsewhere', () => {
  it('give the segmenter’s verdict at every boundary', () => {
    const alphabet = [...'中国会社米計議員日本の全安倍川首相がで'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 2, maxLength: 16 }),
        fc.nat(),
        fc.nat(),
        (chars, a, b) => {
          const text = chars.join('');
          const start = a % text.length;
          const end = start + 1 + (b % (text.length - start));
          const own = onCJWordBoundaries(text, start, end, true, true);
          const off = useWordStarts((t) => new Set(wordStarts(t)));
          const given = onCJWordBoundaries(text, start, end, true, true);
          off();
          return own === given;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave a match out, counted as undecided, while its text is not known; no segmenter is built', () => {
    const built = vi.spyOn(Intl, 'Segmenter');
    restore = useWordStarts(() => undefined);
    const before = undecidedChecks();
    expect(marked('日本の国会議員')).toEqual([]);
    expect(undecidedChecks()).toBeGreaterThan(before);
    // A script change is a boundary without asking: nothing undecided, nothing built.
    const asked = undecidedChecks();
    expect(marked('国会で')).toEqual(['国会']);
    expect(undecidedChecks()).toBe(asked);
    expect(built).not.toHaveBeenCalled();
  });

  it('mark the word and not the look-alike once known', async () => {
    const asks: string[][] = [];
    let answered = 0;
    const remote = new RemoteWordStarts(
      async (texts) => {
        asks.push(texts);
        return texts.map(wordStarts);
      },
      async () => {
        answered++;
      },
    );
    restore = useWordStarts(remote.source);
    const texts = ['昨日、中国会社について', '日本の国会で安倍首相が', '国会議員'];
    // 国会で is bounded by the change of script; 安倍首相 and 国会議員 are not.
    expect(texts.map(marked)).toEqual([[], ['国会'], []]);
    expect(texts.map(marked)).toEqual([[], ['国会'], []]);
    await remote.settled();
    // One question for everything met in one task, each text once.
    expect(asks).toEqual([texts]);
    expect(answered).toBe(1);
    expect(texts.map(marked)).toEqual([[], ['国会', '安倍'], ['国会']]);
  });

  it('fall back to the page’s own segmenter when the background does not answer', async () => {
    const remote = new RemoteWordStarts(
      () => Promise.reject(new Error('Extension context invalidated.')),
      async () => undefined,
    );
    restore = useWordStarts(remote.source);
    expect(marked('国会議員と米国会計')).toEqual([]);
    await remote.settled();
    expect(marked('国会議員と米国会計')).toEqual(['国会']);
  });

  it('stop being used once their user is done, unless another has taken over', () => {
    const first = useWordStarts(() => undefined);
    const second = useWordStarts(() => new Set([0, 2, 3]));
    first();
    expect(onCJWordBoundaries('国会議', 0, 2, true, true)).toBe(true);
    second();
    expect(onCJWordBoundaries('中国会社', 1, 3, true, true)).toBe(false);
  });
});
