/**
 * The story measures of one corpus page, run by scripts/corpus.ts on the page with Gloss once it
 * has settled: marks outside the labelled story, marks in a wrong sense, and story mentions that do
 * not answer when the pointer rests on them (the real pointer, through the real page: whatever
 * covers the text or swallows the event counts against Gloss). See corpus-story.ts for the labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { isOnTopic } from '../entrypoints/content/story/topic.ts';
import { compile } from '../glossary/matcher.ts';
import { topicWordTerms } from '../glossary/topic-words.ts';
import {
  mentionPoint,
  storyMentionsInPage,
  type LabelMention,
  type PageLabel,
} from './corpus-story.ts';

const LABELS_DIR = path.resolve('tests/corpus-labels');
const PACK_FILE = path.resolve('glossary/packs/japan-autonomy.json');
/** Longest wait for the popover after the pointer comes to rest (the dwell is shorter). */
const ANSWER_MS = 2_000;

export interface StoryResult {
  storyMentions: number;
  marksOutsideStory: string[];
  marksWrongSense: string[];
  /** Story marks that match no labelled mention (a mention the labels missed, or a new match). */
  marksUnlabelled: string[];
  /** Mentions that should answer (right sense, and the gate lets their role through). */
  shouldAnswer: number;
  unanswered: string[];
  /**
   * Mentions a reader could not point at in this load: not found, no box, or covered by the
   * page's own elements (not counted either way).
   */
  notLocated: string[];
  /** The pack's topic words found in the labelled story's text (what the gate counts). */
  topicWords: string[];
}

interface PackTerm {
  id: string;
  title: string;
  category: string;
  role?: string;
}

const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as {
  terms: PackTerm[];
  topicWords?: string[];
};
const terms = new Map(pack.terms.map((t) => [t.id, t]));
const topicTerms = topicWordTerms(pack.topicWords ?? []);
const topicMatcher = compile(topicTerms);
const topicWordOf = new Map(topicTerms.map((t) => [t.id, t.cues![0]!]));

/** The distinct topic words of the bundled pack in `text`, as the content script finds them. */
export function topicWordsIn(text: string): string[] {
  return [...new Set(topicMatcher.find(text).map((m) => topicWordOf.get(m.termId)!))];
}

export function labelFor(file: string): PageLabel | null {
  const labelFile = path.join(LABELS_DIR, file.replace(/\.html$/, '.json'));
  return existsSync(labelFile) ? (JSON.parse(readFileSync(labelFile, 'utf8')) as PageLabel) : null;
}

/** The role the bundled pack gives a term (absent = key, as in the content script). */
export function packRole(termId: string): 'key' | 'context' {
  return terms.get(termId)?.role === 'context' ? 'context' : 'key';
}

/**
 * Roles the issue describes (capitals used for governments and leaders are context entries) for
 * a pack that does not say yet: its people, and the capitals among its places.
 */
const CAPITALS = new Set(['tokyo', 'beijing', 'washington', 'seoul', 'manila', 'canberra']);
export function provisionalRole(termId: string): 'key' | 'context' {
  const term = terms.get(termId);
  if (term?.role) return term.role === 'context' ? 'context' : 'key';
  return term?.category === 'people' || CAPITALS.has(termId) ? 'context' : 'key';
}

const show = (m: { text: string; context: string }) => `${m.text} «${m.context}»`;

export async function measureStory(page: Page, label: PageLabel): Promise<StoryResult> {
  const { marks, storyText } = await page.evaluate(storyMentionsInPage, label.story);
  const find = (m: { text: string; context: string }) =>
    label.mentions.find((l) => l.text === m.text && l.context === m.context);
  const inStory = marks.filter((m) => m.inStory);
  // What should answer: the right sense, in a story on topic or of a key term (pack roles).
  const expected = label.mentions.filter(
    (m) => m.sense === 'right' && (label.onTopic || packRole(m.term) === 'key'),
  );
  const result: StoryResult = {
    storyMentions: label.mentions.length,
    marksOutsideStory: marks.filter((m) => !m.inStory).map(show),
    marksWrongSense: inStory.filter((m) => find(m)?.sense === 'wrong').map(show),
    marksUnlabelled: inStory.filter((m) => !find(m)).map(show),
    shouldAnswer: expected.length,
    unanswered: [],
    notLocated: [],
    topicWords: topicWordsIn(storyText),
  };
  for (const mention of expected) {
    const answer = await hover(page, label, mention);
    if (answer === 'not located') result.notLocated.push(show(mention));
    else if (!answer) result.unanswered.push(show(mention));
  }
  return result;
}

/** Rests the pointer on the mention: true when the popover opens on its term. */
async function hover(
  page: Page,
  label: PageLabel,
  mention: LabelMention,
): Promise<boolean | 'not located'> {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await waitForPopover(page, null, 1_000);
  const point = await page
    .evaluate(mentionPoint, { story: label.story, text: mention.text, context: mention.context })
    .catch(() => null);
  if (!point) return 'not located';
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return waitForPopover(page, terms.get(mention.term)?.title ?? '', ANSWER_MS);
}

/** Waits until the popover shows `title` (null: until it is closed); false on timeout. */
async function waitForPopover(page: Page, title: string | null, ms: number): Promise<boolean> {
  return page
    .waitForFunction(
      (wanted) => {
        const host = document.querySelector('gloss-popover');
        const card = host?.shadowRoot?.querySelector('.gloss-popover');
        const open =
          !!host &&
          !!card &&
          getComputedStyle(host).display !== 'none' &&
          getComputedStyle(card).visibility !== 'hidden';
        if (wanted === null) return !open;
        return open && card!.querySelector('h2')?.textContent === wanted;
      },
      title,
      { timeout: ms, polling: 50 },
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * The topic gate's precision and recall against the labels' `onTopic`, with the gate fed what
 * the content script would see: every labelled mention (the matcher finds wrong senses too until
 * sense rules drop them), or the right-sense ones only, and the topic words in the story's text.
 */
export function gateScores(
  labels: readonly (PageLabel & { topicWords: readonly string[] })[],
  role: (termId: string) => 'key' | 'context',
  rightSenseOnly: boolean,
): { precision: number; recall: number; truePositives: number; predicted: number; actual: number } {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  for (const label of labels) {
    const present = label.mentions
      .filter((m) => !rightSenseOnly || m.sense === 'right')
      .map((m) => ({ termId: m.term, role: role(m.term) }));
    const open = isOnTopic(present, label.topicWords.length);
    if (open) predicted++;
    if (label.onTopic) actual++;
    if (open && label.onTopic) tp++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 100) / 100);
  return {
    precision: ratio(tp, predicted),
    recall: ratio(tp, actual),
    truePositives: tp,
    predicted,
    actual,
  };
}
