/**
 * The background's side of the gate (utils/page-scripts.ts): a frame hands over its text, and gets
 * Gloss's main script only if Gloss is on for its site and the text holds something Gloss would
 * draw (story/topic.ts `mayDraw`). Matching here costs the page nothing: the background is its own
 * process. A page about halibut or Vision Pro, where no glossary term would be drawn, so pays for
 * the gate's walk and one message instead of compiling and starting Gloss (issue #14).
 */
import bundledMatcher from 'virtual:gloss-bundled-matcher';
import { Catalog } from '@/glossary/catalog';
import { compile, matcherFrom, type Matcher } from '@/glossary/matcher';
import { tablesFromData } from '@/glossary/matcher-data';
import { withTopicWords } from '@/glossary/topic-words';
import { mayDraw, roleOfTerm } from '@/entrypoints/content/story/topic';
import type { ReplyOf, Sender } from '@/utils/messages';
import { getBundledPack, loadEnabledPacks } from '@/utils/packs';
import { isOnFor, loadSettings } from '@/utils/settings';
import { runPageScripts } from './page-scripts';

interface Judge {
  matcher: Matcher;
  catalog: Catalog;
}

let judge: Promise<Judge> | null = null;

/**
 * The enabled packs' matcher (every term and topic word): the build's for the bundled pack alone,
 * else compiled, once per pack change.
 */
function judgeOf(): Promise<Judge> {
  judge ??= Promise.all([loadEnabledPacks(), getBundledPack()]).then(([packs, bundled]) => {
    const catalog = new Catalog(packs);
    // The very pack object this build shipped (an imported pack may reuse its id).
    const bundledOnly = packs.length === 1 && packs[0] === bundled;
    const matcher = bundledOnly
      ? matcherFrom(tablesFromData(bundledMatcher, true))
      : compile(withTopicWords(catalog.terms, catalog.topicWords));
    return { catalog, matcher };
  });
  return judge;
}

/** Called when the packs change: the next verdict compiles them again. */
export function resetPageGate(): void {
  judge = null;
}

/**
 * Whether `text` holds something Gloss would draw, with the enabled packs. Every term counts,
 * hidden or in a category switched off: the page applies those filters, and may be asked to show
 * a hidden term (a lookup) later.
 */
export async function mayDrawIn(text: string): Promise<boolean> {
  const { matcher, catalog } = await judgeOf();
  return mayDraw(matcher.find(text), (termId) => roleOfTerm(catalog.get(termId)?.term ?? {}));
}

/** The frame's site, as its own script sees it (`location.hostname`); '' for about: frames. */
function hostOf(sender: Sender): string {
  try {
    return new URL(sender.url ?? '').hostname;
  } catch {
    return '';
  }
}

/**
 * Judges one chunk of a frame's text and, when it holds something to draw, runs the main script in
 * that frame (the gate stops sending then).
 * @throws Error as runPageScripts does (a sender that is not a tab's frame, a frame gone).
 */
export async function onPageText(
  text: string,
  sender: Sender,
): Promise<ReplyOf<'gloss:page-text'>> {
  const settings = await loadSettings();
  if (!isOnFor(settings, hostOf(sender))) return { on: false, loaded: false };
  if (!(await mayDrawIn(text))) return { on: true, loaded: false };
  await runPageScripts('main', sender);
  return { on: true, loaded: true };
}
