/**
 * Page chrome: the parts of a page that are not the story a reader reads — navigation and menus,
 * masthead, tickers and trending bars, related / most-read / recommended lists, share bars,
 * comments, cookie and subscription banners, footers, sidebars, bylines and datelines.
 *
 * The rules are Readability's "unlikely candidates" (mozilla/readability `REGEXPS.unlikelyCandidates`
 * and its `_isProbablyVisible` / role checks), narrowed to what cannot be story text, plus the ARIA
 * landmark roles that are never the main content (WAI-ARIA 1.2 §5.3.4 landmark roles). They read
 * tag names and attributes only, never layout, and each element is judged once per page.
 */

// Not HEADER: an article's own <header> holds its headline; the site's masthead is role=banner.
// Not FORM: ASP.NET WebForms pages wrap the whole body in one <form>.
// Not DIALOG: a modal the reader opened is what they read; cookie and subscription banners are
// named as such.
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);

const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'toolbar',
  'search',
  'tablist',
  'marquee',
  'timer',
]);

/**
 * Class and id words of chrome. Matched as whole words of the attribute, split at anything that is
 * not a letter or digit ("article-related" has "related"; "shared-content" does not have "share").
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'megamenu',
  'breadcrumb',
  'breadcrumbs',
  'masthead',
  'footer',
  'sidebar',
  'rail',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'mostread',
  'mostpopular',
  'popular',
  'trending',
  'ticker',
  'share',
  'sharing',
  'sharebar',
  'social',
  'comment',
  'comments',
  'newsletter',
  'subscribe',
  'subscription',
  'paywall',
  'promo',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'banner',
  'byline',
  'dateline',
  'author',
  'timestamp',
  'tags',
  'topics',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'outbrain',
  'taboola',
  'weather',
  'skip',
]);

/** Navigation only: what a page without a story still leaves out (its menus, not its tickers). */
const NAVIGATION_TAGS = new Set(['nav', 'menu']);
const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar', 'tablist']);
const NAVIGATION_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'megamenu',
  'breadcrumb',
  'breadcrumbs',
]);

/**
 * Multi-word chrome names written as one token in the wild ("most-read", "most_read", "mostRead"):
 * the words, joined by nothing or by one "-", "_" or space. Code, not the regex
 * `/most[-_ ]?(read|viewed|popular)|read[-_ ]?more|…/i`: compiling that cost 1–2 ms per page.
 */
const CHROME_PHRASES = [
  ['most', 'read'],
  ['most', 'viewed'],
  ['most', 'popular'],
  ['read', 'more'],
  ['also', 'read'],
  ['you', 'may', 'like'],
  ['more', 'stories'],
  ['latest', 'news'],
];

/** Whether `value` (a class and an id) holds a chrome phrase, in any case. */
export function hasChromePhrase(value: string): boolean {
  const text = value.toLowerCase();
  for (const words of CHROME_PHRASES) {
    const first = words[0]!;
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      if (phraseFrom(text, at + first.length, words)) return true;
    }
  }
  return false;
}

/** Whether `words` after the first follow from `at`, each after an optional "-", "_" or space. */
function phraseFrom(text: string, at: number, words: string[]): boolean {
  let i = at;
  for (let w = 1; w < words.length; w++) {
    const word = words[w]!;
    const joiner = text[i];
    if ((joiner === '-' || joiner === '_' || joiner === ' ') && text.startsWith(word, i + 1)) i++;
    else if (!text.startsWith(word, i)) return false;
    i += word.length;
  }
  return true;
}

function wordsOf(value: string | null): string[] {
  return value ? value.toLowerCase().split(/[^a-z0-9]+/) : [];
}

/**
 * Whether `el` itself is chrome, from its tag, role, class and id (not its ancestors). A class or
 * id is only a hint: an element that holds the headline or the main content is not chrome, whatever
 * its name says (pages name whole wrappers "blq-int-nav" or "has-sidebar"; Readability's
 * `okMaybeItsACandidate` makes the same exception).
 */
export function isChromeElement(el: Element, navigationOnly = false): boolean {
  const tags = navigationOnly ? NAVIGATION_TAGS : CHROME_TAGS;
  if (tags.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && (navigationOnly ? NAVIGATION_ROLES : CHROME_ROLES).has(role.toLowerCase())) {
    return true;
  }
  if (!navigationOnly && el.getAttribute('aria-hidden') === 'true') return true;
  return hasChromeName(el, navigationOnly) && el.querySelector(HOLDS_MAIN) === null;
}

// Not <article>: related and most-read lists are often made of <article> teasers.
const HOLDS_MAIN = 'h1, main, [role="main"], [itemprop~="articleBody"]';

function hasChromeName(el: Element, navigationOnly: boolean): boolean {
  const className = el.getAttribute('class');
  const id = el.id;
  // Most elements of a page have neither: no string is built for them.
  if (!className && !id) return false;
  if (!navigationOnly && hasChromePhrase(`${className ?? ''} ${id}`)) return true;
  const words = navigationOnly ? NAVIGATION_WORDS : CHROME_WORDS;
  for (const word of wordsOf(className)) if (words.has(word)) return true;
  for (const word of wordsOf(id)) if (words.has(word)) return true;
  return false;
}

/**
 * Remembers per element whether it or an ancestor below `stop` is chrome, so that each element of
 * a page is judged once however many blocks sit under it.
 */
export class ChromeTest {
  private readonly cache = new WeakMap<Element, boolean>();

  /** @param navigationOnly judge navigation only (a page without a story; see scope.ts). */
  constructor(private readonly navigationOnly = false) {}

  /** True when `node` is inside chrome below `stop` (`stop` itself is not judged). */
  inChrome(node: Node, stop: Node | null): boolean {
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const path: Element[] = [];
    let result = false;
    for (; el && el !== stop; el = el.parentElement) {
      const known = this.cache.get(el);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(el);
      if (isChromeElement(el, this.navigationOnly)) {
        result = true;
        break;
      }
    }
    // Everything between `node` and the first judged ancestor shares that ancestor's answer.
    for (const seen of path) this.cache.set(seen, result);
    return result;
  }
}
