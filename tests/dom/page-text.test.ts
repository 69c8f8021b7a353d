// @vitest-environment happy-dom
/**
 * The gate's side of "load Gloss only where it would draw something": the text it hands over holds
 * everything the scanner could match, and the background's verdict on it never says "nothing"
 * where the page would have drawn a mark.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import bundled from '@/glossary/packs/japan-autonomy.json';
import { compile, type Matcher } from '@/glossary/matcher';
import { aliasText, validatePack, type Pack } from '@/glossary/schema';
import { withTopicWords } from '@/glossary/topic-words';
import { sendText, TextWatch } from '@/entrypoints/content/page-text';
import { BlockWalker } from '@/entrypoints/content/text-blocks';
import { occurrencesIn } from '@/entrypoints/content/scanner';
import { MarkStore } from '@/entrypoints/content/marks';
import { mayDraw, roleOfTerm } from '@/entrypoints/content/story/topic';
import { Scope } from '@/entrypoints/content/story/scope';
import { pageTextBlocks } from '@/utils/page-scripts';

let pack: Pack;
let matcher: Matcher;
let words: string[];
const roleOf = (termId: string) => roleOfTerm(pack.terms.find((term) => term.id === termId) ?? {});

beforeAll(() => {
  const result = validatePack(bundled);
  if (!result.ok) throw new Error(result.errors.join('; '));
  pack = result.pack;
  matcher = compile(withTopicWords(pack.terms, pack.topicWords ?? []));
  // Aliases of key and context terms, topic words and filler: every way the gate can open.
  words = [
    ...pack.terms.flatMap((term) => term.aliases.map(aliasText).slice(0, 2)),
    ...(pack.topicWords ?? []).slice(0, 20),
    'the',
    'fish',
    'market',
    'said',
    'on Tuesday',
  ];
});

/** What the background finds in a chunk: each block matched alone (background/page-gate.ts). */
const findIn = (chunk: string) =>
  pageTextBlocks(chunk).flatMap((block) => matcher.findEvery(block));

async function chunksOf(root: Node, max?: number): Promise<string[]> {
  const chunks: string[] = [];
  await sendText(
    [root],
    async (chunk) => {
      chunks.push(chunk);
      return false;
    },
    { max },
  );
  return chunks;
}

/** How many marks the page would draw on `body` (the scanner's blocks, all in the story). */
function drawnOn(body: Node): number {
  let shown = 0;
  const store = new MarkStore(
    'all',
    ({ added, removed }) => {
      shown += added.length - removed.length;
    },
    { roleOf, hasStory: () => true },
  );
  for (const block of new BlockWalker(body).run()) {
    store.replace(block.root, occurrencesIn(block, matcher));
  }
  return shown;
}

/** A body of paragraphs, each of words in random inline wrappers. */
const paragraphs = () =>
  fc.array(
    fc.array(
      fc.record({
        word: fc.constantFrom(...words),
        // Inline boxes, a block inside the line, text never read (code, a ruby reading).
        wrap: fc.constantFrom('', '', 'b', 'a', 'span', 'a>b', 'div', 'span>div', 'code', 'rt'),
        space: fc.boolean(),
        br: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    { minLength: 1, maxLength: 8 },
  );

type Word = { word: string; wrap: string; space?: boolean; br?: boolean };

function build(model: Word[][]): HTMLElement {
  const body = document.createElement('div');
  for (const line of model) {
    const p = document.createElement('p');
    line.forEach(({ word, wrap, space = true, br = false }, i) => {
      const text = document.createTextNode(word);
      // "a>b": a <b> inside an <a>, the text in the innermost.
      const names = wrap ? wrap.split('>') : [];
      const node = names.reduceRight<Node>((inner, name) => {
        const el = document.createElement(name);
        el.appendChild(inner);
        return el;
      }, text);
      if (br) p.appendChild(document.createElement('br'));
      p.appendChild(node);
      // Words may also meet without a space: "Senkaku<b>s</b>", "News<a>Okinawa</a>".
      if (i < line.length - 1 && space) p.appendChild(document.createTextNode(' '));
    });
    body.appendChild(p);
  }
  return body;
}

describe('the text the gate hands over', () => {
  // What the verdict reads of a match: the term, and whether it is a cue. Where the gate cannot
  // tell a join from a break, a term may be found under another of its aliases ("National Diet"
  // as a whole, where the scanner found "Diet" alone): the same term to the verdict.
  const verdictKey = (m: { termId: string; kind: string }) =>
    `${m.termId} ${m.kind === 'cue' ? 'cue' : 'term'}`;

  it('holds every term and cue the scanner finds, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(paragraphs(), fc.integer({ min: 400, max: 4_000 }), async (model, max) => {
        const body = build(model);
        const scanned = new BlockWalker(body)
          .run()
          .flatMap((block) => matcher.find(block.text).map(verdictKey));
        const chunks = await chunksOf(body, max);
        expect(chunks.every((chunk) => chunk.length <= max)).toBe(true);
        const handed = new Set(chunks.flatMap((chunk) => findIn(chunk).map(verdictKey)));
        for (const found of scanned) expect(handed).toContain(found);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('never leads to "nothing" where the page would draw a mark, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(paragraphs(), fc.integer({ min: 400, max: 4_000 }), async (model, max) => {
        const body = build(model);
        if (drawnOn(body) === 0) return;
        // The background judges a frame on the union of the chunks it has had (page-gate.ts).
        const chunks = await chunksOf(body, max);
        expect(
          mayDraw(
            chunks.flatMap((chunk) => findIn(chunk)),
            roleOf,
          ),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('cuts a block longer than a chunk into overlapping pieces, so no mention is lost', async () => {
    const p = document.createElement('p');
    // The mention straddles every possible cut: it sits across the first piece's end.
    p.textContent = `${'x '.repeat(480)}the Senkaku Islands ${'y '.repeat(2_000)}`;
    const chunks = await chunksOf(p, 1_000);
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.some((chunk) => chunk.includes('the Senkaku Islands'))).toBe(true);
  });

  it('reads no style, and tries runs it joined that may render apart both ways', async () => {
    // Flex items render apart: "Senkaku Islands" is a word of its own, not the end of "JapanSenkaku".
    const row = document.createElement('div');
    row.style.display = 'flex';
    for (const word of ['Japan', 'Senkaku Islands']) {
      const item = document.createElement('a');
      item.textContent = word;
      row.append(item);
    }
    document.body.append(row);
    const scanned = new BlockWalker(row).run().flatMap((block) => matcher.find(block.text));
    expect(scanned.map((m) => m.termId)).toContain('senkaku-islands');
    let styleReads = 0;
    const read = window.getComputedStyle;
    window.getComputedStyle = (...args) => {
      styleReads++;
      return read.apply(window, args);
    };
    try {
      const chunks = await chunksOf(row);
      expect(chunks.flatMap((chunk) => findIn(chunk).map((m) => m.termId))).toContain(
        'senkaku-islands',
      );
    } finally {
      window.getComputedStyle = read;
    }
    expect(styleReads).toBe(0);
    row.remove();
  });

  it('stops walking once the background has what it needs', async () => {
    const body = build([[{ word: 'fish', wrap: '' }]]);
    for (let i = 0; i < 50; i++) body.appendChild(body.firstChild!.cloneNode(true));
    let sent = 0;
    await sendText(
      [body],
      async () => {
        sent++;
        return true;
      },
      { max: 400 },
    );
    expect(sent).toBe(1);
  });

  it('keeps blocks apart: a rule that reads the text around a match sees its own block only', async () => {
    // "国会" counts in Japanese text or on its own; Korean text around it would say otherwise.
    const body = document.createElement('div');
    for (const line of ['한국 정부는 오늘 새 예산안을 발표했다.', '国会']) {
      const p = document.createElement('p');
      p.textContent = line;
      body.append(p);
    }
    const scanned = new BlockWalker(body).run().flatMap((block) => matcher.find(block.text));
    expect(scanned.map((m) => m.termId)).toContain('national-diet');
    const handed = (await chunksOf(body)).flatMap((chunk) => findIn(chunk).map((m) => m.termId));
    expect(handed).toContain('national-diet');
  });

  it('hands over the indentation between tags as one space or line break, words kept apart', async () => {
    const p = document.createElement('p');
    const indent = '\n' + ' '.repeat(40);
    for (const word of ['reciprocal', 'access', 'agreement']) {
      const b = document.createElement('b');
      b.textContent = word;
      p.append(b, indent);
    }
    p.append(document.createTextNode('    '), 'signed');
    const chunks = await chunksOf(p);
    expect(chunks.join('')).not.toContain(indent);
    expect(chunks.join('').length).toBeLessThan(60);
    expect(chunks.flatMap((chunk) => findIn(chunk).map((m) => m.termId))).toContain(
      'reciprocal-access-agreement',
    );
  });

  it('leaves out a ruby reading however deep its text, so the word it annotates stays whole', async () => {
    // 国<rt><span>こっ</span></rt>会: the reading's text is a <span>'s, not the <rt>'s own.
    const p = document.createElement('p');
    const ruby = document.createElement('ruby');
    for (const [base, reading] of [
      ['国', 'こっ'],
      ['会', 'かい'],
    ]) {
      const rt = document.createElement('rt');
      const span = document.createElement('span');
      span.textContent = reading!;
      rt.append(span);
      ruby.append(base!, rt);
    }
    p.append(ruby, 'が開かれた。');
    const handed = (await chunksOf(p)).flatMap((chunk) => findIn(chunk).map((m) => m.termId));
    expect(handed).toContain('national-diet');
  });

  it('reads open shadow roots, on custom elements and others alike', async () => {
    const body = document.createElement('div');
    const custom = document.createElement('story-body');
    custom.attachShadow({ mode: 'open' }).append('Patrol ships neared the Senkaku Islands.');
    const plain = document.createElement('section');
    const inner = document.createElement('p');
    inner.textContent = 'the National Diet';
    plain.attachShadow({ mode: 'open' }).append(inner);
    body.append('Japan', custom, plain);
    const handed = (await chunksOf(body)).flatMap((chunk) => findIn(chunk).map((m) => m.termId));
    expect(handed).toContain('senkaku-islands');
    expect(handed).toContain('national-diet');
  });

  it('walks a page’s elements in slices, as it does its text: the page’s tasks run between', async () => {
    // Looking for shadow roots walks every element; a 5 MB page's took one long task when unsliced.
    const body = document.createElement('div');
    for (let i = 0; i < 2_000; i++) body.append(document.createElement('span'));
    const host = document.createElement('section');
    host.attachShadow({ mode: 'open' }).append('the National Diet');
    body.append(host);
    // Every look at the clock finds the slice over.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1_000));
    try {
      const events: string[] = [];
      setTimeout(() => events.push('page task'), 0);
      await sendText([body], async (chunk) => {
        events.push(
          findIn(chunk)
            .map((m) => m.termId)
            .join(),
        );
        return false;
      });
      expect(events).toEqual(['page task', expect.stringContaining('national-diet')]);
    } finally {
      now.mockRestore();
    }
  });

  it('sends nothing for a frame without text', async () => {
    const body = document.createElement('div');
    const p = document.createElement('p');
    p.textContent = ' ';
    const script = document.createElement('script');
    script.textContent = 'var x = "the Senkaku Islands";';
    body.append(p, script);
    expect(await chunksOf(body)).toEqual([]);
  });
});

describe('the text of a page with a story and chrome around it', () => {
  const setBody = (html: string) => {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
  };
  // A story long enough to be found (story/find.ts MIN_STORY_CHARS), off the topic by itself.
  const FILLER = `<p>${'The boats left harbour before dawn and prices fell at the docks. '.repeat(8)}</p>`;

  /** A line of `words` in their wrappers, as HTML (words are the pack's, never markup). */
  const line = (model: Word[]) =>
    model
      .map(({ word, wrap, space = true }) => {
        const names = wrap ? wrap.split('>') : [];
        const open = names.map((n) => `<${n}>`).join('');
        const close = [...names]
          .reverse()
          .map((n) => `</${n}>`)
          .join('');
        return `${open}${word}${close}${space ? ' ' : ''}`;
      })
      .join('');

  /**
   * Where a piece of text sits: menus, teasers and footers around the story, chrome inside it
   * (a share bar, an inline byline), the story's own paragraphs.
   */
  const PLACES = [
    (html: string) => `<nav>${html}</nav>`,
    (html: string) => `<div class="site-menu">${html}</div>`,
    (html: string) => `<aside class="related"><p>${html}</p></aside>`,
    (html: string) => `<ul class="trending"><li>${html}</li></ul>`,
    (html: string) => `<footer>${html}</footer>`,
    (html: string) => `<article>${html}</article>`,
    (html: string) => `<section><p>${html}</p></section>`,
  ];
  const IN_STORY = [
    (html: string) => `<p>${html}</p>`,
    (html: string) => `<p>Tuesday <span class="byline">${html}</span></p>`,
    (html: string) => `<div class="share-bar">${html}</div>`,
    (html: string) => `<figure><figcaption>${html}</figcaption></figure>`,
  ];
  const page = () =>
    fc.record({
      headline: fc.boolean(),
      story: fc.constantFrom('article', 'articleBody', 'none'),
      around: fc.array(fc.tuple(fc.nat(PLACES.length - 1), paragraphs()), { maxLength: 4 }),
      inside: fc.array(fc.tuple(fc.nat(IN_STORY.length - 1), paragraphs()), { maxLength: 4 }),
    });

  function render(model: PageModel): void {
    const inside = model.inside
      .map(([place, lines]) => IN_STORY[place]!(lines.map(line).join('<br>')))
      .join('');
    const body =
      model.story === 'none'
        ? inside
        : `${model.headline ? '<h1>Halibut season opens early</h1>' : ''}${FILLER}${inside}`;
    const story =
      model.story === 'article'
        ? `<article>${body}</article>`
        : model.story === 'articleBody'
          ? `<div itemprop="articleBody">${body}</div>`
          : `<div>${body}</div>`;
    const around = model.around.map(([place, lines]) => PLACES[place]!(lines.map(line).join(' ')));
    const half = Math.ceil(around.length / 2);
    setBody([...around.slice(0, half), story, ...around.slice(half)].join(''));
  }
  type PageModel = {
    headline: boolean;
    story: string;
    around: [number, Word[][]][];
    inside: [number, Word[][]][];
  };

  /** What the scanner reads and finds on the page: the scope's blocks (engine.ts, scanner.ts). */
  function scanned(scope: Scope): { terms: string[]; drawn: number } {
    let drawn = 0;
    const store = new MarkStore(
      'all',
      ({ added, removed }) => {
        drawn += added.length - removed.length;
      },
      { roleOf, hasStory: () => scope.story !== null },
    );
    const terms: string[] = [];
    for (const root of scope.scanRoots(document)) {
      const byRoot = new Map<Node, ReturnType<typeof occurrencesIn>>();
      for (const block of new BlockWalker(root).run()) {
        if (!scope.includes(block.root)) continue;
        terms.push(...matcher.find(block.text).map((m) => `${m.termId} ${m.kind === 'cue'}`));
        const found = occurrencesIn(block, matcher);
        byRoot.set(block.root, [...(byRoot.get(block.root) ?? []), ...found]);
      }
      for (const [blockRoot, found] of byRoot) store.replace(blockRoot, found);
    }
    return { terms, drawn };
  }

  async function handedOver(scope: Scope): Promise<ReturnType<typeof findIn>> {
    const chunks: string[] = [];
    await sendText(
      scope.scanRoots(document),
      async (chunk) => {
        chunks.push(chunk);
        return false;
      },
      { leavesOut: (el) => scope.leavesOut(el) },
    );
    return chunks.flatMap(findIn);
  }

  it('holds every term the scanner finds in the story, and never leads to "nothing" where it draws', async () => {
    await fc.assert(
      fc.asyncProperty(page(), async (model) => {
        render(model as PageModel);
        const scope = Scope.of(document);
        const { terms, drawn } = scanned(scope);
        const handed = await handedOver(scope);
        const keys = new Set(handed.map((m) => `${m.termId} ${m.kind === 'cue'}`));
        for (const term of terms) expect(keys).toContain(term);
        if (drawn > 0) expect(mayDraw(handed, roleOf)).toBe(true);
      }),
      { numRuns: 300 },
    );
    document.body.replaceChildren();
  }, 60_000);

  it('leaves out the menus, teasers and footer around an off-topic story', async () => {
    setBody(`
      <nav><a>Senkaku Islands</a> <a>Taiwan Strait</a></nav>
      <ul class="trending"><li>The National Diet votes on defence</li></ul>
      <article><h1>Halibut season opens early</h1>${FILLER}
        <div class="share-bar">Share: the Quad summit</div></article>
      <aside class="related"><p>Collective self-defence explained</p></aside>
      <footer>Reciprocal access agreement archive</footer>`);
    const scope = Scope.of(document);
    expect(scope.story?.rule).toBe('article');
    expect(scanned(scope).drawn).toBe(0);
    expect(mayDraw(await handedOver(scope), roleOf)).toBe(false);
    // The same chrome, read as the gate read it before it knew the story, would have opened it.
    const whole = await chunksOf(document.body);
    expect(mayDraw(whole.flatMap(findIn), roleOf)).toBe(true);
    document.body.replaceChildren();
  });

  it('reads an inline byline in a paragraph, which the scanner reads as part of the paragraph', async () => {
    setBody(`<article><h1>Halibut</h1>${FILLER}
      <p>Reported by <span class="byline">our Senkaku Islands desk</span> on Tuesday.</p></article>`);
    const scope = Scope.of(document);
    expect(scanned(scope).terms).toContain('senkaku-islands false');
    expect((await handedOver(scope)).map((m) => m.termId)).toContain('senkaku-islands');
    document.body.replaceChildren();
  });
});

describe('the background verdict (mayDraw)', () => {
  const verdict = (text: string) => mayDraw(matcher.find(text), roleOf);

  it('says "nothing" for a story off the topic: one capital, a leader in passing', () => {
    expect(verdict('Halibut prices rose in Washington state markets this week.')).toBe(false);
    expect(verdict('Donald Trump spoke about the economy.')).toBe(false);
  });

  it('opens for a key term, or for enough context entries and topic words', () => {
    expect(verdict('Patrol ships neared the Senkaku Islands.')).toBe(true);
    expect(verdict('Tokyo, Beijing and Seoul met.')).toBe(true);
    expect(verdict('Seoul condemned North Korea and Pyongyang again.')).toBe(true);
  });

  it('never says "nothing" where the page would draw a mark', () => {
    fc.assert(
      fc.property(paragraphs(), (model) => {
        const body = build(model);
        const shown = drawnOn(body);
        const text = new BlockWalker(body)
          .run()
          .map((block) => block.text)
          .join('\n');
        if (shown > 0) expect(verdict(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('watching for text the page adds', () => {
  it('reports added and changed text, not scripts, once per period', async () => {
    const root = document.createElement('main');
    document.body.appendChild(root);
    const reports: Node[][] = [];
    let report: () => void = () => undefined;
    const watch = new TextWatch(
      document,
      (roots) => {
        reports.push(roots);
        report();
      },
      10,
    );
    const reported = new Promise<void>((resolve) => (report = resolve));
    const p = document.createElement('p');
    p.textContent = 'the Senkaku Islands';
    root.appendChild(p);
    const script = document.createElement('script');
    script.textContent = 'var a = 1;';
    root.appendChild(script);
    await reported;
    watch.disconnect();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toEqual([p]);
    root.remove();
  });
});

describe('watching inside shadow trees', () => {
  it('reports a shadow root attached later, then text filled into it', async () => {
    const host = document.createElement('x-late-story');
    document.body.appendChild(host);
    let report: (roots: Node[]) => void = () => undefined;
    const next = () => new Promise<Node[]>((resolve) => (report = resolve));
    const watch = new TextWatch(document, (roots) => report(roots), 10);
    // The walk passes the custom element while it has no shadow root yet.
    await sendText([document.body], async () => false, { hooks: watch.hooks });
    const attached = next();
    const shadow = host.attachShadow({ mode: 'open' });
    expect(await attached).toEqual([shadow]);
    const filled = next();
    const p = document.createElement('p');
    p.textContent = 'the Senkaku Islands';
    shadow.appendChild(p);
    expect(await filled).toEqual([p]);
    watch.disconnect();
    host.remove();
  });
});

describe('a page that keeps changing', () => {
  it('is reported less and less often', async () => {
    vi.useFakeTimers();
    try {
      const root = document.createElement('main');
      document.body.appendChild(root);
      const reportedAt: number[] = [];
      const watch = new TextWatch(document, () => reportedAt.push(Date.now()), 1_000);
      const started = Date.now();
      // A ticker: new text every 100 ms for two minutes.
      for (let i = 0; i < 1_200; i++) {
        const p = document.createElement('p');
        p.textContent = `tick ${i}`;
        root.appendChild(p);
        // MutationObserver callbacks are microtasks: let them run before the clock moves.
        await Promise.resolve();
        await vi.advanceTimersByTimeAsync(100);
      }
      watch.disconnect();
      root.remove();
      const gaps = reportedAt.map((t, i) => t - (i === 0 ? started : reportedAt[i - 1]!));
      // 1, 2, 4, 8, 16 s, then every 30 s: about 8 reports in two minutes, not 120.
      expect(reportedAt.length).toBeLessThanOrEqual(9);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(30_100);
      expect(gaps.slice(-2).every((gap) => gap >= 30_000)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('chunk sizes', () => {
  it('start small, so a page naming a term near its top stops the walk early, then grow', async () => {
    const body = document.createElement('div');
    for (let i = 0; i < 400; i++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${i} about the halibut fleet and the weather on the coast.`;
      body.append(p);
    }
    const long = document.createElement('p');
    long.textContent = `${'a '.repeat(20_000)}the Senkaku Islands ${'b '.repeat(20_000)}`;
    body.append(long);
    const sizes: number[] = [];
    let found = false;
    await sendText(
      [body],
      async (chunk) => {
        sizes.push(chunk.length);
        found ||= findIn(chunk).some((m) => m.termId === 'senkaku-islands');
        return false;
      },
      { first: 1_000, max: 16_000 },
    );
    expect(sizes[0]).toBeLessThanOrEqual(1_000);
    expect(sizes[1]).toBeLessThanOrEqual(4_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16_000);
    expect(Math.max(...sizes)).toBeGreaterThan(4_000);
    expect(found).toBe(true);
  });
});
