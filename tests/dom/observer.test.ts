// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { outermost, PageObserver } from '../../entrypoints/content/observer';

function setup(rescanCostMs: number) {
  const rescanned: Node[][] = [];
  /** Per pass, the roots to be read for their own text only. */
  const shallowOf: ReadonlySet<Node>[] = [];
  const cutoff = vi.fn();
  const changed: Node[][] = [];
  const passes: boolean[] = [];
  const observer = new PageObserver({
    rescan: async (roots, shallow) => {
      rescanned.push(roots);
      shallowOf.push(shallow);
      const until = performance.now() + rescanCostMs;
      while (performance.now() < until) {
        // A page whose text makes every rescan expensive.
      }
    },
    textChanged: (nodes) => changed.push([...nodes]),
    beforePass: (removals) => void passes.push(removals),
    onCutoff: cutoff,
    setTimeout: (handler, ms) => window.setTimeout(handler, ms) as unknown as number,
  });
  document.body.replaceChildren();
  const host = document.createElement('article');
  for (const [tag, id, text] of [
    ['p', 'a', 'first'],
    ['p', 'b', 'second'],
    ['pre', 'c', 'code'],
  ]) {
    const el = document.createElement(tag!);
    el.id = id!;
    el.textContent = text!;
    host.append(el);
  }
  document.body.append(host);
  observer.observe(document.body);
  return { observer, rescanned, shallowOf, cutoff, changed, host, passes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('the page observer', () => {
  test('rescans only the changed blocks, once per burst of changes', async () => {
    const { rescanned, host, changed } = setup(0);
    const a = host.querySelector('#a')!;
    (a.firstChild as Text).data = 'first, changed';
    (a.firstChild as Text).data = 'first, changed again';
    host.querySelector('#b')!.append(' more');
    await settle();
    expect(rescanned).toHaveLength(1);
    expect(rescanned[0]!.map((n) => (n as Element).id).sort()).toEqual(['a', 'b']);
    // The rewritten text node is reported at once, so its stale marks go before the next paint.
    expect(changed[0]).toEqual([a.firstChild]);
  });

  test('ignores changes inside excluded regions and Gloss’s own host', async () => {
    const { rescanned, host } = setup(0);
    host.querySelector('#c')!.append('more code');
    const ui = document.createElement('gloss-popover');
    document.body.append(ui);
    ui.append('popover text');
    await settle();
    expect(rescanned).toHaveLength(0);
  });

  test('a page that keeps rewriting itself hits the cutoff, then Gloss stays quiet', async () => {
    const { rescanned, cutoff, host } = setup(400);
    const p = host.querySelector('#a')!;
    for (let i = 0; i < 8 && cutoff.mock.calls.length === 0; i++) {
      p.append(` update ${i}`);
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 450));
    }
    expect(cutoff).toHaveBeenCalledTimes(1);
    const passes = rescanned.length;
    expect(passes).toBeLessThanOrEqual(5);
    p.append(' after the cutoff');
    await settle();
    expect(rescanned).toHaveLength(passes);
  });

  test('stale marks are looked for only after the page removed or rewrote something', async () => {
    const { host, passes } = setup(0);
    const added = document.createElement('p');
    added.textContent = 'appended';
    host.append(added);
    await settle();
    // A removed block needs no rescan (its marks go at the next pass or the periodic check)…
    host.querySelector('#b')!.remove();
    await settle();
    // …so the rewrite's pass is the one that looks for stale marks.
    (host.querySelector('#a')!.firstChild as Text).data = 'rewritten';
    await settle();
    host.append(document.createElement('p'));
    await settle();
    expect(passes).toEqual([false, true, false]);
  });
});

describe('what a pass reads again', () => {
  test('text changed directly in a block root is read in that root alone, not its nested blocks', async () => {
    const { rescanned, shallowOf, host } = setup(0);
    // A ticking timestamp directly in the article, beside its paragraphs.
    const time = document.createElement('time');
    time.textContent = '3 min ago';
    host.prepend(time);
    await settle();
    rescanned.length = 0;
    shallowOf.length = 0;
    time.firstChild!.nodeValue = '4 min ago';
    await settle();
    expect(rescanned).toEqual([[host]]);
    expect([...shallowOf[0]!]).toEqual([host]);
    time.textContent = '5 min ago';
    await settle();
    expect(rescanned[1]).toEqual([host]);
    expect([...shallowOf[1]!]).toEqual([host]);
  });

  test('an added block, or an inline element holding one, is read whole', async () => {
    const { rescanned, shallowOf, host } = setup(0);
    const p = document.createElement('p');
    p.textContent = 'new paragraph';
    host.append(p);
    await settle();
    expect(rescanned.at(-1)).toEqual([p]);
    expect(shallowOf.at(-1)!.size).toBe(0);
    const link = document.createElement('a');
    link.append(document.createElement('div'));
    host.append(link);
    await settle();
    expect(rescanned.at(-1)).toEqual([host]);
    expect(shallowOf.at(-1)!.size).toBe(0);
  });
});

describe('the roots of a rescan', () => {
  test('nested roots are covered by their outer root; each root is rescanned once', () => {
    document.body.replaceChildren();
    const article = document.createElement('article');
    const a = document.createElement('p');
    const b = document.createElement('p');
    const inner = document.createElement('span');
    a.append(inner);
    article.append(a, b);
    const aside = document.createElement('aside');
    document.body.append(article, aside);
    expect(outermost([inner, b, a, aside, b])).toEqual([b, a, aside]);
    expect(outermost([inner, article, aside])).toEqual([article, aside]);
    expect(outermost([inner])).toEqual([inner]);
    // A root read for its own text only covers none of the blocks it holds.
    expect(outermost([article, a, inner], new Set([article]))).toEqual([article, a]);
    expect(outermost([article, a], new Set([a]))).toEqual([article]);
  });
});
