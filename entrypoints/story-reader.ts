/**
 * The story finder for the gate (entrypoints/frame-gate.ts), as a script of its own: the background
 * runs it in a frame whose whole text holds something Gloss would draw (background/page-gate.ts).
 * From then on the gate hands over only the text the main script would read, the story without the
 * chrome around it, so that a page whose menus, teaser lists and footer name key terms, around a
 * story Gloss has nothing to say on, keeps the gate alone.
 *
 * Issue #14: 5 of the corpus's 15 pages that got the main script drew nothing; on 4 of them the
 * story holds nothing to draw (the fifth's names Seoul with enough topic words, but only
 * in datelines and as a place, which only the main script's sense rules tell). In the gate itself,
 * the finder doubled the script every page and frame compiles, for the few whose text opens it.
 * On the pages that do get the main script, this step costs 3–10 ms of JavaScript (traced).
 */
import { STORY_READER_GLOBAL, type StoryReader } from '@/utils/page-scripts';
import { probe } from '@/utils/test-probe';
import { Scope } from './content/story/scope';

export default defineUnlistedScript(() => {
  probe('page-script', { part: 'story' });
  const reader: StoryReader = { scopeOf: (doc) => Scope.of(doc) };
  (globalThis as { [STORY_READER_GLOBAL]?: StoryReader })[STORY_READER_GLOBAL] = reader;
});
