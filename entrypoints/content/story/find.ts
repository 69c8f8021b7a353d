/**
 * Finds the story on the live DOM: the headline and the body of the article a page is about, or
 * null when the page has none (a front page, a web app).
 *
 * Readability (mozilla/readability) clones the whole document before scoring it; a 5 MB page
 * cannot afford that on every load, so this reads the live DOM once, without layout:
 *  1. schema.org microdata: the element with `itemprop="articleBody"` (schema.org/articleBody);
 *  2. else an `<article>`: the one holding the page's headline (`<h1>`), or the one with clearly
 *     the most paragraph text (a front page has many small ones and no single story);
 *  3. else Readability's paragraph scoring, simplified: each `<p>` outside chrome gives its text
 *     length to its parent and half of it to its grandparent (text in runs between `<br>`s, with
 *     no `<p>`, counts as paragraphs of the element holding it); the best container wins when it has
 *     enough text and few links (Readability's link-density cut, `_getLinkDensity`). A page that
 *     says it is one article (Open Graph `og:type` "article", ogp.me) and has a headline needs only
 *     half the text: a paywalled story shows its first paragraph or two, and a front page says
 *     "website".
 * The headline is the first `<h1>` outside chrome; when the body does not hold it, the story is
 * both. Chrome inside the story (share bars, related lists, bylines) is left out by `Story`.
 *
 * Elements are listed with `getElementsByTagName`, not `querySelectorAll`: read by `item(i)`, its
 * collection is walked only as far as the loop goes (the first headline, an article's first
 * 100,000 characters), where `querySelectorAll` walks the whole document up front (and so does
 * `for…of` over the collection, which asks for its length). On the bench's 5 MB page those walks
 * were 8–17 ms of a 20–33 ms task, once in the story reader and once in the engine (sampled).
 */
import { ChromeTest } from './chrome';

/**
 * Paragraph text a story body needs, in Latin characters (a Han, kana or Hangul character counts
 * twice: the same story takes about half as many); less is a teaser or a front page.
 */
const MIN_STORY_CHARS = 400;
/** Readability's `_getLinkDensity` cut: more link text than this share is a list of links. */
const MAX_LINK_DENSITY = 0.33;
/** A paragraph shorter than this is a caption or a button label, not story text (Readability: 25). */
const MIN_PARAGRAPH_CHARS = 25;

export interface StoryRoots {
  /** The elements whose text is the story, in document order (headline first when separate). */
  roots: Element[];
  /** Which rule found it, for the corpus report and debugging. */
  rule: 'articleBody' | 'article' | 'paragraphs';
}

export function findStory(doc: Document): StoryRoots | null {
  // One judgement per element for the whole search (paragraphs share most of their ancestors).
  const chrome = new ChromeTest();
  const inChrome = (el: Element) => chrome.inChrome(el, doc.body);
  const headline = headlineOf(doc, inChrome);
  const found =
    byArticleBody(doc) ??
    byArticle(doc, headline, inChrome) ??
    byParagraphs(doc, inChrome, headline !== null && declaresArticle(doc));
  if (!found) return null;
  const roots =
    headline && !found.body.contains(headline) && !headline.contains(found.body)
      ? [headline, found.body]
      : [found.body];
  return { roots, rule: found.rule };
}

type InChrome = (el: Element) => boolean;

function headlineOf(doc: Document, inChrome: InChrome): Element | null {
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0, h1; (h1 = h1s.item(i)); i++) {
    if (!inChrome(h1) && (h1.textContent ?? '').trim() !== '') return h1;
  }
  return null;
}

type Found = { body: Element; rule: StoryRoots['rule'] };

function byArticleBody(doc: Document): Found | null {
  const bodies = [...doc.querySelectorAll('[itemprop~="articleBody"]')].filter(
    // Some bodies are text and <br>s without paragraphs: their whole text counts here.
    (el) => (el.textContent ?? '').trim().length >= MIN_STORY_CHARS / 2,
  );
  // Several article bodies on one page are a list of articles, not one story.
  return bodies.length === 1 ? { body: bodies[0]!, rule: 'articleBody' } : null;
}

function byArticle(doc: Document, h1: Element | null, inChrome: InChrome): Found | null {
  const articles = [...doc.getElementsByTagName('article')].filter((el) => !inChrome(el));
  if (articles.length === 0) return null;
  const scored = articles
    .map((el) => ({ el, chars: paragraphChars(el) }))
    .sort((a, b) => b.chars - a.chars);
  // The article that holds the headline needs less text: a short or paywalled story is one still.
  const withHeadline = h1 && scored.find((a) => a.el.contains(h1));
  if (withHeadline && withHeadline.chars >= MIN_STORY_CHARS / 2) {
    return { body: innermostWithHeadline(withHeadline.el, h1), rule: 'article' };
  }
  const [best, second] = scored.filter((a) => a.chars >= MIN_STORY_CHARS);
  if (!best || (second && second.chars * 2 > best.chars)) return null;
  return { body: best.el, rule: 'article' };
}

/** Nested `<article>`s: the innermost one that still holds the headline and the text. */
function innermostWithHeadline(article: Element, h1: Element): Element {
  const inner = article.getElementsByTagName('article');
  for (let i = 0, el; (el = inner.item(i)); i++) {
    if (el.contains(h1) && paragraphChars(el, MIN_STORY_CHARS) >= MIN_STORY_CHARS) return el;
  }
  return article;
}

/** Whether the page declares itself one article: `<meta property="og:type" content="article">`. */
function declaresArticle(doc: Document): boolean {
  const type = doc.head?.querySelector('meta[property="og:type" i]')?.getAttribute('content');
  return type?.trim().toLowerCase() === 'article';
}

/** `shortStory`: the page is one article with a headline, so a teaser-length body is its story. */
function byParagraphs(doc: Document, inChrome: InChrome, shortStory: boolean): Found | null {
  const scores = new Map<Element, number>();
  for (const p of doc.getElementsByTagName('p')) {
    const chars = weightedLength(p);
    if (chars < MIN_PARAGRAPH_CHARS || inChrome(p)) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + chars);
    const grandparent = parent.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + chars / 2);
  }
  scoreBrokenText(doc, inChrome, scores);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  // The whole page, or a container of several articles, is a front page rather than one story.
  if (!best || best === doc.body || best === doc.documentElement) return null;
  const needed = shortStory ? MIN_STORY_CHARS / 2 : MIN_STORY_CHARS;
  if (bestScore < needed || linkDensity(best) > MAX_LINK_DENSITY) return null;
  if (best.getElementsByTagName('article').length > 1) return null;
  return { body: best, rule: 'paragraphs' };
}

/**
 * Text written as runs between `<br>`s, without `<p>`s (older news sites): the element holding
 * the runs scores as their parent would (Readability turns such runs into paragraphs before
 * scoring). Runs inside a `<p>` were scored with it.
 */
function scoreBrokenText(doc: Document, inChrome: InChrome, scores: Map<Element, number>): void {
  const seen = new Set<Element>();
  for (const br of doc.getElementsByTagName('br')) {
    const el = br.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('p') || inChrome(el)) continue;
    const chars = looseTextLength(el);
    if (chars === 0) continue;
    scores.set(el, (scores.get(el) ?? 0) + chars);
    const parent = el.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + chars / 2);
  }
}

/** Weighted length of `el`'s own text runs (its child text nodes) long enough to be story text. */
function looseTextLength(el: Element): number {
  let chars = 0;
  for (const node of el.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    const length = weightedText((node as Text).data);
    if (length >= MIN_PARAGRAPH_CHARS) chars += length;
  }
  return chars;
}

/**
 * Articles are counted up to this many characters: two articles past it compare as equals (not
 * one story). Counted whole, the bench's 5 MB article took 78 ms of the engine's start in one
 * task (its 12,000 paragraphs' text read; traced, Chromium 156), where a story needs 400.
 */
const COUNT_CAP = 100_000;

/**
 * Characters of text in the `<p>` elements under `el` (text only, no layout), counted until they
 * reach `enough` (the total so far is returned then).
 */
function paragraphChars(el: Element, enough = COUNT_CAP): number {
  let chars = 0;
  const ps = el.getElementsByTagName('p');
  for (let i = 0, p; (p = ps.item(i)); i++) {
    const length = weightedLength(p);
    if (length >= MIN_PARAGRAPH_CHARS) chars += length;
    if (chars >= enough) break;
  }
  return chars;
}

const DENSE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Characters sampled to tell dense scripts from Latin: a 10 MB paragraph is not read whole. */
const SAMPLE_CHARS = 1_000;

/** Text length with Han, kana and Hangul counted twice (see MIN_STORY_CHARS), from a sample. */
function weightedLength(el: Element): number {
  return weightedText(el.textContent ?? '');
}

function weightedText(text: string): number {
  if (text.length <= SAMPLE_CHARS) {
    const trimmed = text.trim();
    return trimmed.length + (trimmed.match(DENSE_SCRIPT)?.length ?? 0);
  }
  const dense = text.slice(0, SAMPLE_CHARS).match(DENSE_SCRIPT)?.length ?? 0;
  return Math.round(text.length * (1 + dense / SAMPLE_CHARS));
}

/** Share of `el`'s text that is link text (Readability `_getLinkDensity`). */
function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').length;
  if (total === 0) return 0;
  let links = 0;
  for (const a of el.getElementsByTagName('a')) links += (a.textContent ?? '').length;
  return links / total;
}
