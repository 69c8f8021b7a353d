// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { MarkStore, type Occurrence, type ShownChange } from '../../entrypoints/content/marks';

/** A page of paragraphs; occurrences are ranges over their text nodes. */
function page(count: number) {
  document.body.replaceChildren();
  const paragraphs = Array.from({ length: count }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `paragraph ${i} mentions Senkaku and Okinawa`;
    document.body.append(p);
    return p;
  });
  const occurrence = (
    p: HTMLElement,
    termId: string,
    kind: Occurrence['kind'] = 'mark',
  ): Occurrence => {
    const text = p.firstChild as Text;
    const at = text.data.indexOf(termId === 'senkaku' ? 'Senkaku' : 'Okinawa');
    return {
      termId,
      kind,
      root: p,
      range: {
        startContainer: text,
        startOffset: at,
        endContainer: text,
        endOffset: at + 7,
      },
    };
  };
  return { paragraphs, occurrence };
}

function tracked(density: 'first' | 'all') {
  const shown = new Set<Occurrence>();
  const store = new MarkStore(density, ({ added, removed }: ShownChange) => {
    for (const o of removed) expect(shown.delete(o)).toBe(true);
    for (const o of added) {
      expect(shown.has(o)).toBe(false);
      shown.add(o);
    }
  });
  return { store, shown };
}

describe('the mark store', () => {
  test('first mention: the earliest occurrence of each term is the one shown, whatever the scan order', () => {
    const { paragraphs, occurrence } = page(4);
    const { store, shown } = tracked('first');
    // Visible content first: paragraph 2 is scanned before paragraphs 0 and 1.
    for (const i of [2, 3, 0, 1])
      store.replace(paragraphs[i]!, [occurrence(paragraphs[i]!, 'senkaku')]);
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[0]]);
    expect(store.mentions()).toMatchObject([{ termId: 'senkaku', count: 4 }]);
  });

  test('when the shown first mention goes away, the next one is shown', () => {
    const { paragraphs, occurrence } = page(3);
    const { store, shown } = tracked('first');
    store.replaceMany(new Map(paragraphs.map((p) => [p, [occurrence(p, 'okinawa')]])));
    store.replace(paragraphs[0]!, []);
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[1]]);
    paragraphs[1]!.remove();
    store.pruneDetached();
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[2]]);
  });

  test('staged finds answer at once but are drawn only when flushed, in one change', () => {
    const { paragraphs, occurrence } = page(3);
    const changes: ShownChange[] = [];
    const store = new MarkStore('first', (change) => changes.push({ ...change }));
    const [a, b, c] = paragraphs.map((p) => occurrence(p, 'okinawa'));
    store.stage(new Map([[paragraphs[1]!, [b!]]]));
    store.stage(new Map([[paragraphs[0]!, [a!]]]));
    expect(changes).toEqual([]);
    expect(store.isPresent(a!)).toBe(true);
    expect(store.shownCount).toBe(0);
    store.flush();
    // The earlier mention, staged later, is the one drawn; the superseded one never flashes.
    expect(changes).toHaveLength(1);
    expect(changes[0]!.added).toEqual([a]);
    expect(changes[0]!.removed).toEqual([]);
    // Any other update shows what is staged with it; clearing drops it.
    store.stage(new Map([[paragraphs[0]!, []]]));
    store.stage(new Map([[paragraphs[2]!, [c!]]]));
    paragraphs[1]!.remove();
    store.pruneDetached();
    expect(store.shownInOrder()).toEqual([c]);
    store.stage(new Map([[paragraphs[0]!, [occurrence(paragraphs[0]!, 'senkaku')]]]));
    store.clear();
    store.flush();
    expect(store.shownCount).toBe(0);
    expect(store.mentions()).toEqual([]);
  });

  test('switching density while finds are staged chooses among them too, in one pass', () => {
    const { paragraphs, occurrence } = page(3);
    const { store, shown } = tracked('first');
    store.replace(paragraphs[2]!, [occurrence(paragraphs[2]!, 'okinawa')]);
    store.stage(
      new Map(paragraphs.slice(0, 2).map((p) => [p, [occurrence(p, 'okinawa')]] as const)),
    );
    store.setDensity('all');
    expect(shown.size).toBe(3);
    store.setDensity('first');
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[0]]);
  });

  test('switching density shows every mention, and back', () => {
    const { paragraphs, occurrence } = page(3);
    const { store, shown } = tracked('first');
    store.replaceMany(
      new Map(paragraphs.map((p) => [p, [occurrence(p, 'okinawa'), occurrence(p, 'senkaku')]])),
    );
    expect(shown.size).toBe(2);
    store.setDensity('all');
    expect(shown.size).toBe(6);
    store.setDensity('first');
    expect(shown.size).toBe(2);
  });

  test('a conditional occurrence shows only once its term is cued somewhere on the page', () => {
    const { paragraphs, occurrence } = page(2);
    const { store, shown } = tracked('all');
    store.replace(paragraphs[0]!, [occurrence(paragraphs[0]!, 'senkaku', 'conditional')]);
    expect(shown.size).toBe(0);
    store.replace(paragraphs[1]!, [occurrence(paragraphs[1]!, 'senkaku', 'cue')]);
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[0]]);
  });

  test('blocks the page took out lose their marks; blocks that stay are left to the observer', () => {
    const { paragraphs, occurrence } = page(3);
    const { store, shown } = tracked('all');
    store.replaceMany(new Map(paragraphs.map((p) => [p, [occurrence(p, 'okinawa')]])));
    paragraphs[0]!.remove();
    // Text removed inside a block that stays: the observer rescans that block (not pruning's job).
    paragraphs[1]!.firstChild!.remove();
    store.pruneDetached();
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[1], paragraphs[2]]);
  });

  test('in shadow trees, which are not observed, every range is checked', () => {
    const { paragraphs, occurrence } = page(1);
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inShadow = document.createElement('p');
    inShadow.textContent = 'In the shadow: Okinawa';
    shadow.append(inShadow);
    const { store, shown } = tracked('all');
    store.replaceMany(
      new Map([
        [paragraphs[0]!, [occurrence(paragraphs[0]!, 'okinawa')]],
        [inShadow, [occurrence(inShadow, 'okinawa')]],
      ]),
    );
    expect(shown.size).toBe(2);
    inShadow.firstChild!.remove();
    paragraphs[0]!.firstChild!.remove();
    store.pruneShadowTrees();
    // The shadow tree's stale range went; the light DOM's waits for the observer's rescan.
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[0]]);
  });

  test('text rewritten by the page loses its marks at once', () => {
    const { paragraphs, occurrence } = page(2);
    const { store, shown } = tracked('all');
    store.replaceMany(new Map(paragraphs.map((p) => [p, [occurrence(p, 'okinawa')]])));
    store.dropInNodes(new Set([paragraphs[1]!.firstChild!]), (node) => node.parentNode!);
    expect([...shown].map((o) => o.root)).toEqual([paragraphs[0]]);
  });
});
