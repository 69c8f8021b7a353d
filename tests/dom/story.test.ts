// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findStory } from '../../entrypoints/content/story/find';
import { Scope } from '../../entrypoints/content/story/scope';
import { isEditableDocument } from '../../entrypoints/content/story/editable';
import { isOnTopic } from '../../entrypoints/content/story/topic';
import { BlockWalker } from '../../entrypoints/content/text-blocks';

/** Every block under `root`, walked as the scanner walks it. */
const collectBlocks = (root: Node) => new BlockWalker(root).run();

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
}

const fixture = () => readFileSync('tests/fixtures/story/news-article.html', 'utf8');
const paragraph = (words: string) =>
  `<p>${words} ${'and the talks went on for hours. '.repeat(8)}</p>`;

/** The text Gloss reads on the page: every block under the scan roots the scope keeps. */
function readText(scope: Scope): string {
  return scope
    .scanRoots(document)
    .flatMap((root) => collectBlocks(root))
    .filter((block) => scope.includes(block.root))
    .map((block) => block.text.replace(/\s+/g, ' ').trim())
    .join(' | ');
}

describe('finding the story', () => {
  test('an article page: the headline and body are read; menus, masthead, share bar, related and most-read lists, byline and footer are not', () => {
    load(fixture());
    const scope = Scope.of(document);
    expect(scope.story?.rule).toBe('article');
    const text = readText(scope);
    expect(text).toContain('Tokyo weighs a reciprocal access agreement');
    expect(text).toContain('the Senkakus would be raised');
    for (const chrome of [
      'Share on',
      'Related',
      'Most read',
      'Trending',
      'TOKYO 12',
      'Press Street',
      'Washington bureau',
      'Washington, D.C.',
    ]) {
      expect(text).not.toContain(chrome);
    }
  });

  test('schema.org articleBody wins over a bigger <article> list, and the separate headline joins it', () => {
    load(`<body><h1 id="h">Diet passes the bill</h1>
      <section>${['a', 'b', 'c'].map((x) => `<article>${paragraph(`teaser ${x}`)}</article>`).join('')}</section>
      <div itemprop="articleBody" id="b">${paragraph('The Diet passed the bill')}</div></body>`);
    const story = findStory(document)!;
    expect(story.rule).toBe('articleBody');
    expect(story.roots.map((el) => el.id)).toEqual(['h', 'b']);
  });

  test('a front page of many equal teasers has no story: everything but navigation is read', () => {
    load(`<body><nav>${'<a href="#">Okinawa</a>'.repeat(3)}</nav><div class="menu">Okinawa menu</div>
      <p id="ticker">Live: Okinawa ticker</p>
      ${['a', 'b', 'c', 'd'].map((x) => `<article><h2>${x}</h2>${paragraph(`Okinawa teaser ${x}`)}</article>`).join('')}</body>`);
    const scope = Scope.of(document);
    expect(scope.story).toBeNull();
    const text = readText(scope);
    expect(text).toContain('Okinawa teaser d');
    // Only navigation is left out of a page without a story: its ticker is read.
    expect(text).toContain('Okinawa ticker');
    expect(text).not.toContain('Okinawa menu');
    expect(text.match(/Okinawa/g)).toHaveLength(5);
  });

  test('without <article> or microdata, the densest run of paragraphs is the body (Readability scoring)', () => {
    load(`<body><div id="nav-col"><ul>${'<li><a href="#">Link to somewhere else entirely</a></li>'.repeat(20)}</ul></div>
      <div id="content"><h1>Senkaku patrols</h1>${paragraph('Patrols near the Senkaku Islands')}${paragraph('More patrols')}</div></body>`);
    const story = findStory(document)!;
    expect(story.rule).toBe('paragraphs');
    expect(story.roots.map((el) => el.id)).toEqual(['content']);
  });

  test('a wrapper whose class says "nav" but holds the headline is not chrome', () => {
    load(`<body><div class="site-int-nav"><nav><a href="#">Okinawa</a></nav>
      <div id="content"><h1>Senkaku patrols</h1>${paragraph('Patrols near the Senkaku Islands')}</div></div></body>`);
    const text = readText(Scope.of(document));
    expect(text).toContain('Patrols near the Senkaku Islands');
    expect(text).not.toContain('Okinawa');
  });

  test('a page wrapped in one <form> (ASP.NET) still has a story', () => {
    load(`<body><form id="f"><nav><a href="#">Okinawa</a></nav><article id="a"><h1>Patrols</h1>
      ${paragraph('Patrols near the Senkaku Islands')}${paragraph('More patrols')}</article></form></body>`);
    expect(findStory(document)?.roots.map((el) => el.id)).toEqual(['a']);
  });

  test('a short Japanese story holding the headline is a story (dense scripts count double)', () => {
    load(`<body><nav><a href="#">沖縄</a></nav><article id="a"><h1>首相、国会で答弁</h1>
      <p>${'首相は国会で防衛政策について答弁し、日米同盟の重要性を強調した。'.repeat(5)}</p></article></body>`);
    expect(findStory(document)?.roots.map((el) => el.id)).toEqual(['a']);
  });

  test('a paywalled story cut after its first paragraph is a story on a page that says it is an article', () => {
    // One Japanese paragraph of about 180 characters, then the paywall: about half a full story.
    const teaser = `<div id="body"><p>${'６月の首脳会談を巡って戦っていたのは、米大統領と北朝鮮委員長ばかりではなかった。'.repeat(5)}</p><p>その判断は…</p></div>`;
    const page = `<body><div id="top"><h1 id="h">習氏に挑む戦術の成否</h1></div><div class="bs-pulldown"><p>記事保存</p></div>${teaser}
      <div class="m-articleRegist"><p>この記事は会員限定です。電子版に登録すると続きをお読みいただけます。</p></div></body>`;
    load(page);
    document.head.replaceChildren();
    expect(findStory(document)).toBeNull();
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'og:type');
    meta.setAttribute('content', 'article');
    document.head.append(meta);
    try {
      expect(findStory(document)?.roots.map((el) => el.id)).toEqual(['h', 'body']);
      // A front page says "website" (or nothing): its teasers stay a page without a story.
      meta.setAttribute('content', 'website');
      expect(findStory(document)).toBeNull();
    } finally {
      meta.remove();
    }
  });

  test('a story written as runs of text between <br>s, without <p>s, is found (older news sites)', () => {
    const run =
      '경기도 용인에 자리 잡은 시험인증 전문기업은 14년째 세계 각국의 통신 규격 시험과 인증을 하고 있다.';
    load(`<body><div id="most-read"><ul>${'<li><a href="#">북한 관련 기사 제목이 여기에 길게 들어갑니다</a></li>'.repeat(10)}</ul></div>
      <div class="article_title"><h1 id="h">한 우물 판 시험인증 기업</h1></div>
      <div id="body"><strong>디지털이엠씨</strong><br><br>${`${run} ${run}<br><br>`.repeat(4)}</div></body>`);
    expect(findStory(document)?.roots.map((el) => el.id)).toEqual(['h', 'body']);
  });

  test('a huge article is found without reading every paragraph of it', () => {
    const body = Array.from({ length: 6_000 }, (_, i) => paragraph(`Paragraph ${i}:`)).join('');
    load(`<nav><a href="/">Home</a></nav><article><h1>A long read</h1>${body}</article>`);
    let reads = 0;
    // Where the DOM defines it (happy-dom overrides Node's on Element).
    let owner: object = document.querySelector('p')!;
    while (!Object.hasOwn(owner, 'textContent')) owner = Object.getPrototypeOf(owner);
    const textContent = Object.getOwnPropertyDescriptor(owner, 'textContent')!;
    Object.defineProperty(owner, 'textContent', {
      ...textContent,
      get(this: Node) {
        reads++;
        return textContent.get!.call(this);
      },
    });
    try {
      const story = findStory(document);
      expect(story?.rule).toBe('article');
      expect(story?.roots.map((root) => root.localName)).toEqual(['article']);
    } finally {
      Object.defineProperty(owner, 'textContent', textContent);
    }
    // 6,000 paragraphs of ~280 characters: counting stops past 100,000 of them.
    expect(reads).toBeLessThan(1_000);
  });

  test('a list of links is not a story, however long (link density)', () => {
    load(
      `<body><div id="links">${`<p><a href="#">${'A long headline about Okinawa and more '.repeat(3)}</a></p>`.repeat(12)}</div></body>`,
    );
    expect(findStory(document)).toBeNull();
  });
});

describe('what changed text a scan reads (Scope.clip)', () => {
  test('text added in the story is read, and chrome around or inside it is not', () => {
    load(fixture());
    const scope = Scope.of(document);
    const story = scope.story!.roots.at(-1)!;
    const added = document.createElement('p');
    story.append(added);
    const menu = document.querySelector('nav')!;
    const share = story.querySelector('[class*="share"]');
    expect(share).not.toBeNull();
    expect(scope.clip([added, menu, share!])).toEqual([added]);
  });

  test('an inline element in a paragraph is read whatever its class: its text is the paragraph’s', () => {
    load(fixture());
    const scope = Scope.of(document);
    const byline = document.createElement('span');
    byline.className = 'byline';
    const paragraph = [...scope.story!.roots.at(-1)!.querySelectorAll('p')].find((p) =>
      scope.includes(p),
    );
    paragraph!.append(byline);
    expect(scope.clip([byline])).toEqual([byline]);
  });

  test('a change around the story reads the story, not what holds it', () => {
    load(fixture());
    const scope = Scope.of(document);
    expect(scope.clip([document.body])).toEqual(scope.story!.roots);
  });

  test('finding the same story again is the same scope; losing it is not', () => {
    load(fixture());
    const scope = Scope.of(document);
    expect(scope.sameStoryAs(Scope.of(document))).toBe(true);
    document.querySelector('article')!.remove();
    expect(scope.sameStoryAs(Scope.of(document))).toBe(false);
  });
});

describe('text the reader sees as words', () => {
  test('ruby readings are not read, and the base characters around them are one word', () => {
    load(
      '<body><p id="r"><ruby>沖<rt>おき</rt></ruby><ruby>縄<rt>なわ</rt></ruby>の基地</p></body>',
    );
    const [block] = collectBlocks(document.body);
    expect(block!.text).toBe('沖縄の基地');
    // Readings sit before 縄 and before の: a match across them is drawn in pieces.
    expect([...(block!.gaps ?? [])]).toEqual([1, 2]);
  });

  test('inline boxes laid out apart by a flex container are separate words', () => {
    load(
      '<body><div style="display:flex"><span>News</span><span>Okinawa</span></div><p>strategic<b>autonomy</b></p></body>',
    );
    const texts = collectBlocks(document.body).map((b) => b.text);
    expect(texts).toEqual(['News', 'Okinawa', 'strategicautonomy']);
  });

  test('style is read only where two runs of letters meet: words split by tags, not words apart', () => {
    const read = window.getComputedStyle;
    const styled: Element[] = [];
    window.getComputedStyle = (el, pseudo) => {
      styled.push(el);
      return read.call(window, el, pseudo);
    };
    try {
      // Punctuation or a space after each inline element: they are words apart whatever their
      // boxes, so no style is read.
      load(
        '<body><p>the <a>Diet</a>, said <b>Tokyo</b> and <i>Seoul</i>.<span> Japan</span></p></body>',
      );
      expect(collectBlocks(document.body).map((b) => b.text)).toEqual([
        'the Diet, said Tokyo and Seoul. Japan',
      ]);
      expect(styled).toEqual([]);
      // A word split by a tag is read whole, after its boxes were asked whether they render apart.
      load('<body><p>the Sen<span>kaku</span> Islands</p></body>');
      expect(collectBlocks(document.body).map((b) => b.text)).toEqual(['the Senkaku Islands']);
      expect(styled.length).toBeGreaterThan(0);
    } finally {
      window.getComputedStyle = read;
    }
  });

  test('flex items that start with a space are read as words apart, without reading style', () => {
    load(
      '<body><div style="display:flex"><span>News</span><span> Okinawa</span><span>Japan</span></div></body>',
    );
    const texts = collectBlocks(document.body).map((b) => b.text);
    expect(texts).toEqual(['News Okinawa', 'Japan']);
  });

  test("a shallow walk reads the root's own text and leaves the blocks and shadow trees it holds", () => {
    load(
      '<body><article><time>Okinawa, 3 min</time><p>Tokyo</p> and <b>Seoul</b><div><span>Taipei</span></div></article></body>',
    );
    const article = document.querySelector('article')!;
    const shadowHost = document.createElement('section');
    shadowHost.attachShadow({ mode: 'open' }).textContent = 'Manila';
    article.append(shadowHost);
    const blocks = new BlockWalker(article, {}, true).run();
    expect(blocks.map((b) => b.text)).toEqual(['Okinawa, 3 min', ' and Seoul']);
    expect(blocks.every((b) => b.root === article)).toBe(true);
    expect(new BlockWalker(article).run().map((b) => b.text)).toEqual([
      'Okinawa, 3 min',
      'Tokyo',
      ' and Seoul',
      'Taipei',
      'Manila',
    ]);
  });

  test('hidden text is read (the page may reveal it); whether it is drawn is decided when drawing', () => {
    load('<body><div hidden><p>Okinawa</p></div></body>');
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual(['Okinawa']);
  });

  test('editable documents are recognised: designMode and an editable body', () => {
    load('<body><p>Okinawa</p></body>');
    expect(isEditableDocument(document)).toBe(false);
    document.body.setAttribute('contenteditable', 'true');
    expect(isEditableDocument(document)).toBe(true);
  });
});

describe('the topic gate', () => {
  test('a key term opens it; context entries alone need three distinct ones', () => {
    expect(isOnTopic([{ termId: 'senkaku-islands', role: 'key' }])).toBe(true);
    expect(isOnTopic([{ termId: 'washington', role: 'context' }])).toBe(false);
    const three = ['tokyo', 'beijing', 'xi-jinping'].map((termId) => ({
      termId,
      role: 'context' as const,
    }));
    expect(isOnTopic(three.slice(0, 2))).toBe(false);
    expect(isOnTopic(three)).toBe(true);
  });

  test('topic words count like distinct context entries', () => {
    const seoul = [{ termId: 'seoul', role: 'context' as const }];
    expect(isOnTopic(seoul, 1)).toBe(false);
    expect(isOnTopic(seoul, 2)).toBe(true);
  });
});
