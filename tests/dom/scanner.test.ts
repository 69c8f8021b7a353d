// @vitest-environment happy-dom
/**
 * The page scan runs in slices while the page goes on changing: a rescan of one changed block must
 * not cut the page scan short (the rest of the page would stay unmarked), and must land after it.
 */
import { describe, expect, test } from 'vitest';
import { compile } from '@/glossary/matcher';
import { MarkStore, type Occurrence } from '../../entrypoints/content/marks';
import { Scanner } from '../../entrypoints/content/scanner';
import { RemoteWordStarts } from '../../entrypoints/content/word-starts';
import { useWordStarts, wordStarts } from '@/glossary/cjk-words';

function setup(paragraphs: number) {
  document.body.replaceChildren();
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: patrols near the Senkaku Islands continued.`;
    document.body.append(p);
  }
  const shown = new Set<Occurrence>();
  /** When the highlights changed (performance.now()), and how many marks each change added. */
  const changes: { at: number; added: number }[] = [];
  const store = new MarkStore('all', ({ added, removed }) => {
    changes.push({ at: performance.now(), added: added.length });
    removed.forEach((o) => shown.delete(o));
    added.forEach((o) => shown.add(o));
  });
  const matcher = compile([{ id: 'senkaku', aliases: ['Senkaku Islands'] }]);
  return { scanner: new Scanner(matcher, store), shown, store, changes };
}

describe('the scanner', () => {
  test('a rescan of a changed block while the page scan runs does not cut that scan short', async () => {
    const { scanner, shown } = setup(6_000);
    const full = scanner.scan([document.body], true);
    // The page changes one paragraph while the first slices run; the observer rescans it.
    const changed = document.body.children[10]!;
    changed.textContent = 'Rewritten: Senkaku Islands, Senkaku Islands.';
    const partial = scanner.rescan([changed]);
    const stats = await full;
    await partial;
    expect(stats.blocks).toBe(6_000);
    // Every paragraph marked once, the rewritten one twice: the rescan's result is the last word.
    expect(shown.size).toBe(6_001);
  });

  test('a newer page scan does supersede an older one', async () => {
    const { scanner, shown } = setup(6_000);
    const first = scanner.scan([document.body], true);
    const second = scanner.scan([document.body], true);
    expect((await first).blocks).toBeLessThan(6_000);
    expect((await second).blocks).toBe(6_000);
    expect(shown.size).toBe(6_000);
  });

  test('during a long scan the highlights change at most every 250 ms, the visible part at once', async () => {
    const { scanner, changes, shown } = setup(6_000);
    const started = performance.now();
    await scanner.scan([document.body], true);
    const ended = performance.now();
    // The first slice (the visible blocks of a page scan) is shown before the scan ends.
    expect(changes.length).toBeGreaterThan(1);
    expect(changes[0]!.added).toBeGreaterThan(0);
    expect(changes[0]!.added).toBeLessThan(6_000);
    // Between the first and the final change, none comes sooner than 250 ms after another.
    for (let i = 1; i < changes.length - 1; i++) {
      expect(changes[i]!.at - changes[i - 1]!.at).toBeGreaterThanOrEqual(250);
    }
    expect(changes.length).toBeLessThanOrEqual(Math.ceil((ended - started) / 250) + 2);
    expect(shown.size).toBe(6_000);
  });

  test('finds handed over slice by slice are shown only at the next commit, all at once', async () => {
    const { scanner, store, changes } = setup(6_000);
    const staged: number[] = [];
    const stage = store.stage.bind(store);
    store.stage = (found) => {
      staged.push(performance.now());
      stage(found);
    };
    await scanner.scan([document.body], true);
    // The store took the finds in more batches than the highlights changed: the bookkeeping was
    // spread over the slices, and the commits only show what was staged.
    expect(staged.length).toBeGreaterThan(changes.length);
    expect(changes.reduce((sum, c) => sum + c.added, 0)).toBe(6_000);
  });
});

describe('reading a root for its own text only', () => {
  test('marks in the blocks a root holds stay; its own text is read again', async () => {
    document.body.replaceChildren();
    const article = document.createElement('article');
    const time = document.createElement('time');
    time.textContent = 'updated';
    article.append(time);
    for (let i = 0; i < 50; i++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${i}: patrols near the Senkaku Islands continued.`;
      article.append(p);
    }
    document.body.append(article);
    const shown = new Set<Occurrence>();
    const store = new MarkStore('all', ({ added, removed }) => {
      removed.forEach((o) => shown.delete(o));
      added.forEach((o) => shown.add(o));
    });
    const scanner = new Scanner(compile([{ id: 'senkaku', aliases: ['Senkaku Islands'] }]), store);
    await scanner.scan([document.body], true);
    expect(shown.size).toBe(50);
    time.textContent = 'updated: Senkaku Islands';
    const stats = await scanner.rescan([article], new Set([article]));
    // One block read (the article's own line), not the 50 paragraphs it holds.
    expect(stats.blocks).toBe(1);
    expect(shown.size).toBe(51);
    time.textContent = 'updated';
    await scanner.rescan([article], new Set([article]));
    expect(shown.size).toBe(50);
    expect([...shown].every((o) => o.root !== article)).toBe(true);
  });
});

describe('handing finds to the store', () => {
  test('a block root whose lines span many slices keeps every mark, each find handed over once', async () => {
    // One <div> of 6,000 lines split by <br>: every line is a block with the same root.
    document.body.replaceChildren();
    const div = document.createElement('div');
    for (let i = 0; i < 6_000; i++) {
      div.append(
        `Line ${i}: patrols near the Senkaku Islands continued.`,
        document.createElement('br'),
      );
    }
    document.body.append(div);
    const shown = new Set<Occurrence>();
    const store = new MarkStore('all', ({ added, removed }) => {
      removed.forEach((o) => shown.delete(o));
      added.forEach((o) => shown.add(o));
    });
    let handed = 0;
    for (const method of ['stage', 'extend'] as const) {
      const inner = store[method].bind(store);
      store[method] = (found) => {
        for (const list of found.values()) handed += list.length;
        inner(found);
      };
    }
    const scanner = new Scanner(compile([{ id: 'senkaku', aliases: ['Senkaku Islands'] }]), store);
    await scanner.scan([document.body], true);
    expect(shown.size).toBe(6_000);
    expect(handed).toBe(6_000);
  });
});

describe('Chinese and Japanese word starts from the background', () => {
  test('a block read before they are known is read again once they are, and only it', async () => {
    document.body.replaceChildren();
    for (const text of ['日本の国会議員が', '中国会社の株価', 'The Diet met.']) {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
    }
    const shown = new Set<Occurrence>();
    const store = new MarkStore('all', ({ added, removed }) => {
      removed.forEach((o) => shown.delete(o));
      added.forEach((o) => shown.add(o));
    });
    const scanner = new Scanner(compile([{ id: 'diet', aliases: ['国会', 'Diet'] }]), store);
    const rescanned: Node[][] = [];
    const remote = new RemoteWordStarts(
      async (texts) => texts.map(wordStarts),
      async () => {
        const roots = scanner.takeUndecided();
        rescanned.push(roots);
        await scanner.rescan(roots);
      },
    );
    const off = useWordStarts(remote.source);
    try {
      await scanner.scan([document.body], true);
      const texts = () => [...shown].map((o) => o.range.startContainer.textContent);
      expect(texts()).toEqual(['The Diet met.']);
      await remote.settled();
      const [first, second] = [...document.body.children];
      expect(rescanned).toEqual([[first, second]]);
      expect(texts().sort()).toEqual(['The Diet met.', '日本の国会議員が']);
    } finally {
      off();
    }
  });
});
