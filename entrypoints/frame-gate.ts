/**
 * The one script every frame gets from the manifest (wxt.config.ts lists it for all frames). Once
 * the frame is worth reading (entrypoints/content/frame-gate.ts), it hands the frame's text to the
 * background (entrypoints/background/page-gate.ts). Where that text holds something Gloss would
 * draw, the background runs the story reader (entrypoints/story-reader.ts), and the gate hands over
 * the text the main script would read: the story, not the chrome around it. Only if that holds
 * something to draw does the background run the main script. Until then it watches for
 * text the page adds, and asks again; so does the background when the packs change or Gloss is
 * switched on or off (background/page-gate.ts askGatesAgain, through GATE_GLOBAL).
 *
 * Issue #14: compiling and starting Gloss's page scripts was most of what it cost a page, and most
 * pages and frames have nothing Gloss would draw (no key term, and too few capitals, leaders and
 * topic words for the topic gate: a halibut season, a phone launch). They now cost this script,
 * one walk of their text and a message or two. Reading the story alone keeps the menus, teaser
 * lists and footers of a page from opening the gate for a story Gloss has nothing to say on: 5 of
 * the corpus's 15 pages that got the main script drew nothing, and 4 of them now keep the gate
 * alone (see entrypoints/story-reader.ts).
 *
 * It keeps to the browser's own extension API: the polyfill and the checked message protocol
 * (utils/messages.ts) would make it as large as what it saves. The messages it sends have the
 * protocol's shape, and the background checks them like any other. (WXT adds an import for any
 * free name it knows, such as `on` or `send` from utils/messages.ts: the manifest e2e test checks
 * that neither the polyfill nor the protocol came in that way.)
 */
import {
  GATE_GLOBAL,
  STORY_READER_GLOBAL,
  type GateHandle,
  type StoryReader,
  type StoryScope,
} from '@/utils/page-scripts';
import { probe } from '@/utils/test-probe';
import { untilWorthReading } from './content/frame-gate';
import { isEditableDocument } from './content/story/editable';
import { sendText, TextWatch } from './content/page-text';

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The background's answer to `gloss:page-text` (utils/messages.ts). */
interface Verdict {
  on: boolean;
  loaded: boolean;
  readStory: boolean;
}

function isVerdict(reply: unknown): reply is Verdict {
  const r = reply as Partial<Verdict> | null;
  return (
    typeof r?.on === 'boolean' && typeof r.loaded === 'boolean' && typeof r.readStory === 'boolean'
  );
}

/** The story reader, once the background has run it in this frame (see STORY_READER_GLOBAL). */
const storyReader = () =>
  (globalThis as { [STORY_READER_GLOBAL]?: StoryReader })[STORY_READER_GLOBAL];

export default defineUnlistedScript(() => {
  // Browsers without the CSS Custom Highlight API get nothing, as in the main script.
  if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
  // Chromium's `chrome` (its `browser` alias is built by copying every API binding of `chrome`,
  // a few ms of this script's first task in traces); Firefox's promise-based `browser`.
  const api = (
    import.meta.env.FIREFOX
      ? (globalThis as { browser?: ExtensionApi }).browser
      : (globalThis as { chrome?: ExtensionApi }).chrome
  )!;
  const stop = new AbortController();
  let verdict: Verdict | null = null;
  let queue = Promise.resolve();
  let editable = false;
  /** Where the frame was last read, once the story reader runs here: found again at each read. */
  let scope: StoryScope | null = null;

  // Until the main script runs here, the background asks again after the packs change or Gloss
  // is switched on or off, and the popup asks the top frame what it holds (see GATE_GLOBAL).
  const top = window === window.top;
  const handle: GateHandle = {
    judgeAgain: () => {
      if (watch && !stop.signal.aborted) judge(null);
    },
    pageTerms: () => (top ? { on: verdict?.on ?? true, host: location.hostname, terms: [] } : null),
  };
  (globalThis as { [GATE_GLOBAL]?: GateHandle })[GATE_GLOBAL] = handle;

  /**
   * Hands text over, chunk by chunk, until the background has run the main script: all of it
   * (`changed` null), or what is in `changed`. The whole frame's at first; once the background has
   * run the story reader here, the text the main script would read. The story is found again at
   * each read, as the main script would find it now; when it is not the one read before, all of
   * its text is read again.
   */
  const judge = (changed: Node[] | null) => {
    queue = queue.then(async () => {
      if (stop.signal.aborted) return;
      // Text being written (an iframe editor) is not read, as in the main script.
      if (isEditableDocument(document)) {
        if (!editable) console.debug('Gloss: an editable document; nothing is read here.');
        editable = true;
        return;
      }
      const reader = storyReader();
      const handOver = async (text: string) => {
        // Rejects when the extension was updated or removed since the frame loaded.
        const reply = await api.runtime
          .sendMessage({ type: 'gloss:page-text', text, story: reader !== undefined })
          .catch(() => null);
        if (!isVerdict(reply)) {
          stop.abort();
          return true;
        }
        verdict = reply;
        if (reply.loaded) stop.abort();
        // Off for this site: the rest of the text cannot change that.
        return reply.loaded || !reply.on || reply.readStory;
      };
      if (!reader) {
        await sendText(changed ?? [document.body ?? document.documentElement], handOver, {
          hooks: watch?.hooks,
        });
      } else {
        const now = reader.scopeOf(document);
        const roots =
          changed && scope?.sameStoryAs(now) ? now.clip(changed) : now.scanRoots(document);
        scope = now;
        await sendText(roots, handOver, {
          hooks: watch?.hooks,
          leavesOut: (el) => now.leavesOut(el),
        });
      }
      // The story's text decides now: read it whole (the verdict comes from that read).
      if (verdict?.readStory && !reader) judge(null);
      else probe('gate', { on: verdict?.on ?? false, loaded: verdict?.loaded ?? false });
    });
  };

  let watch: TextWatch | undefined;
  void untilWorthReading(window, stop.signal).then(() => {
    // Off for the site: only a change of settings can make added text worth reading.
    watch = new TextWatch(document, (roots) => {
      if (verdict?.on !== false) judge(roots);
    });
    judge(null);
    stop.signal.addEventListener('abort', () => watch?.disconnect());
  });
});
