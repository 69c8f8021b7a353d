/**
 * The background's side of the gate (utils/page-scripts.ts): a frame hands over its text, and gets
 * Gloss's main script only if Gloss is on for its site and the text holds something Gloss would
 * draw (story/topic.ts `mayDraw`). Matching here costs the page nothing: the background is its own
 * process. A page about halibut or Vision Pro, where no glossary term would be drawn, so pays for
 * the gate's walk and one message instead of compiling and starting Gloss (issue #14).
 */
import { browser } from 'wxt/browser';
import { mayDraw, roleOfTerm } from '@/entrypoints/content/story/topic';
import type { ReplyOf, Sender } from '@/utils/messages';
import { GATE_GLOBAL, pageTextBlocks, type GateHandle } from '@/utils/page-scripts';
import { isOnFor, loadSettings, type Settings } from '@/utils/settings';
import { enabledPacks } from './enabled-packs';
import { runPageScripts } from './page-scripts';

/** A match as the verdict reads it: which term or cue, and whether it is a cue. */
type Seen = { termId: string; kind: string };

/**
 * What each frame's text has held so far, by document: the verdict is on the union of a frame's
 * chunks (three context entries may sit in three chunks). The oldest frames are forgotten past
 * MAX_FRAMES; a service worker that stops forgets all, and a frame then sends its added text only,
 * judged alone.
 */
const seenByFrame = new Map<string, Map<string, Seen>>();
const MAX_FRAMES = 256;

/**
 * Called when the packs change (after enabled-packs.ts forgot them): what frames handed over is
 * judged again from the start, and every frame that has only the gate is asked for its text again.
 */
export function resetPageGate(): void {
  seenByFrame.clear();
  void askGatesAgain();
}

/**
 * Asks the gate in every frame of every tab to hand its frame's text over again (its GateHandle,
 * utils/page-scripts.ts). Frames where the main script runs, or that have no gate, do nothing;
 * tabs Gloss may not read (browser pages, the store) refuse, which is ignored.
 */
export async function askGatesAgain(): Promise<void> {
  const tabs = await browser.tabs.query({});
  const ask = async (tabId: number) => {
    try {
      await browser.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: judgeAgainHere,
        args: [GATE_GLOBAL],
      });
    } catch {
      // Not a page Gloss may read.
    }
  };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : ask(tab.id))));
}

/** Runs in a frame's isolated world (so it may use nothing from outside itself). */
function judgeAgainHere(name: string): void {
  (globalThis as unknown as Record<string, Partial<GateHandle> | undefined>)[name]?.judgeAgain?.();
}

/**
 * Whether a change of settings from `before` to `after` switched Gloss on or off, everywhere or for
 * a site: the gates then judge again (on: the frame may now get Gloss; off: the popup, which the
 * gate answers until then, shows the site switched off).
 */
export function siteSwitchChanged(before: Settings, after: Settings): boolean {
  if (before.enabled !== after.enabled) return true;
  const was = new Set(before.disabledSites);
  return (
    was.size !== after.disabledSites.length || after.disabledSites.some((site) => !was.has(site))
  );
}

/**
 * Whether `text` (a `gloss:page-text` chunk: blocks, each matched alone, with every reading of
 * its soft edges), with what the same
 * frame (`frame`, any stable key; none: judged alone) handed over before, holds something Gloss
 * would draw with the enabled packs. Every term counts, hidden or in a category switched off: the
 * page applies those filters, and may be asked to show a hidden term (a lookup) later.
 */
export async function mayDrawIn(text: string, frame?: string): Promise<boolean> {
  const { matcher, catalog } = await enabledPacks();
  let seen = frame === undefined ? undefined : seenByFrame.get(frame);
  if (!seen) {
    seen = new Map();
    if (frame !== undefined) {
      if (seenByFrame.size >= MAX_FRAMES) seenByFrame.delete(seenByFrame.keys().next().value!);
      seenByFrame.set(frame, seen);
    }
  }
  for (const block of pageTextBlocks(text)) {
    // The gate leaves open how its text nodes join (utils/page-scripts.ts PAGE_TEXT_SOFT_EDGE).
    for (const { termId, kind } of matcher.findEvery(block)) {
      const cue = kind === 'cue';
      seen.set(`${cue ? 'cue' : 'term'} ${termId}`, { termId, kind: cue ? 'cue' : 'mark' });
    }
  }
  return mayDraw(seen.values(), (termId) => roleOfTerm(catalog.get(termId)?.term ?? {}));
}

/** The frame a message came from, as a key that outlives neither its document nor its tab. */
function frameOf(sender: Sender): string | undefined {
  if (typeof sender.documentId === 'string') return sender.documentId;
  const tabId = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof tabId === 'number' ? `${tabId}:${sender.frameId ?? 0}:${sender.url}` : undefined;
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
 * Judges one chunk of a frame's text. When the whole frame's text (`story` false) holds something
 * to draw, runs the story reader there, and the story's text decides next; when the story's does,
 * runs the main script there. The gate stops sending the chunks of that walk either way.
 * The story's chunks add up apart from the whole text's: the whole text's terms (a menu's, a
 * footer's) do not count for the story.
 * @throws Error as runPageScripts does (a sender that is not a tab's frame, a frame gone).
 */
export async function onPageText(
  text: string,
  story: boolean,
  sender: Sender,
): Promise<ReplyOf<'gloss:page-text'>> {
  const settings = await loadSettings();
  if (!isOnFor(settings, hostOf(sender))) return { on: false, loaded: false, readStory: false };
  const frame = frameOf(sender);
  const key = frame === undefined ? undefined : `${frame}${story ? ' story' : ''}`;
  if (!(await mayDrawIn(text, key))) return { on: true, loaded: false, readStory: false };
  if (!story) {
    await runPageScripts('story', sender);
    return { on: true, loaded: false, readStory: true };
  }
  await runPageScripts('main', sender);
  return { on: true, loaded: true, readStory: false };
}
