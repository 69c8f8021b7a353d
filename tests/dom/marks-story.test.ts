// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { MarkStore, type Occurrence } from '../../entrypoints/content/marks';

/** Paragraphs each mentioning one term; occurrences are ranges over their text nodes. */
function page(terms: string[]) {
  document.body.replaceChildren();
  return terms.map((termId) => {
    const p = document.createElement('p');
    p.textContent = `a mention of ${termId}`;
    document.body.append(p);
    const text = p.firstChild as Text;
    const occurrence: Occurrence = {
      termId,
      kind: 'mark',
      root: p,
      range: {
        startContainer: text,
        startOffset: 13,
        endContainer: text,
        endOffset: 13 + termId.length,
      },
    };
    return { p, occurrence };
  });
}

function store(options: ConstructorParameters<typeof MarkStore>[2]) {
  const shown = new Set<Occurrence>();
  const s = new MarkStore(
    'first',
    ({ added, removed }) => {
      removed.forEach((o) => shown.delete(o));
      added.forEach((o) => shown.add(o));
    },
    options,
  );
  const add = (items: { p: HTMLElement; occurrence: Occurrence }[]) =>
    s.replaceMany(new Map(items.map(({ p, occurrence }) => [p, [occurrence]])));
  return { s, shown, add };
}

describe('the mark store and the story', () => {
  test('the first mention the reader can see is drawn; a mention they cannot see is not', () => {
    const items = page(['okinawa', 'okinawa', 'okinawa']);
    const hidden = new Set([items[0]!.occurrence]);
    const { s, shown, add } = store({ canSee: (o) => !hidden.has(o) });
    add(items);
    expect([...shown]).toEqual([items[1]!.occurrence]);
    // Every mention still answers, drawn or not; the hidden one too once it can be hovered.
    expect(s.answeringIn(items[2]!.p.firstChild!)).toEqual([items[2]!.occurrence]);
    expect(s.answeringInOrder()).toHaveLength(3);
  });

  test('a term whose only mention was hidden is drawn once the page reveals it', () => {
    const items = page(['okinawa']);
    let revealed = false;
    const { s, shown, add } = store({ canSee: () => revealed });
    add(items);
    expect(shown.size).toBe(0);
    revealed = true;
    s.recheckUnseen();
    expect([...shown]).toEqual([items[0]!.occurrence]);
  });

  test('context entries are drawn only in a story on topic, and answer nothing before', () => {
    const roles: Record<string, 'key' | 'context'> = { washington: 'context', 'dual-hedge': 'key' };
    const items = page(['washington', 'dual-hedge']);
    const { s, shown, add } = store({ roleOf: (id) => roles[id] ?? 'key' });
    add([items[0]!]);
    expect(shown.size).toBe(0);
    expect(s.answeringInOrder()).toEqual([]);
    expect(s.mentions()).toEqual([]);
    add([items[1]!]);
    expect([...shown].map((o) => o.termId).sort()).toEqual(['dual-hedge', 'washington']);
    // The key term leaves (the page rewrote that block): the gate closes again.
    s.replace(items[1]!.p, []);
    expect(shown.size).toBe(0);
  });

  test('a story with context entries and topic words is on topic; a page without a story needs entries', () => {
    const roles: Record<string, 'context'> = { seoul: 'context', washington: 'context' };
    const items = page(['seoul', 'washington', 'topic:north korea', 'topic:pyongyang']);
    // Topic words come from the matcher as cues: never drawn, they only count toward the gate.
    for (const { occurrence } of items.slice(2)) occurrence.kind = 'cue';
    let hasStory = true;
    const { s, shown, add } = store({
      roleOf: (id) => roles[id] ?? 'key',
      hasStory: () => hasStory,
    });
    add(items.slice(0, 2));
    expect(shown.size).toBe(0);
    add(items.slice(2, 3));
    expect([...shown].map((o) => o.termId).sort()).toEqual(['seoul', 'washington']);
    expect(s.mentions().map((m) => m.termId)).toEqual(['seoul', 'washington']);

    // Without a story, topic words come from headline lists as much as from the text read.
    s.clear();
    hasStory = false;
    add(items);
    expect(shown.size).toBe(0);
  });
});
