// @vitest-environment happy-dom
/**
 * A pack that passed validation may still be full of markup, script and `javascript:` text (that is
 * valid text). TermCard — used by the page popover, the popup and the glossary page — must show it
 * as text: no element other than the card's own, no script, image or javascript: link, nothing run.
 */
import fc from 'fast-check';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '@/glossary/catalog';
import { validatePack } from '@/glossary/schema';
import { TermCard } from '@/components/TermCard';

declare global {
  var __glossPwned: unknown;
}

const RUNS = 250;

const PAYLOADS = [
  '<script>globalThis.__glossPwned = 1</script>',
  '<img src=x onerror="globalThis.__glossPwned = 1">',
  '"><svg onload=globalThis.__glossPwned=1>',
  'javascript:globalThis.__glossPwned=1',
  '<a href="javascript:globalThis.__glossPwned=1">x</a>',
  '<iframe srcdoc="<script>parent.__glossPwned=1</script>"></iframe>',
  '<style>*{display:none}</style>',
  '&lt;b&gt;entity&lt;/b&gt; &amp;',
  '<!-- comment --> <![CDATA[ x ]]>',
  '{{constructor.constructor("globalThis.__glossPwned=1")()}}',
];

// Valid pack text (no control/bidi characters, no lone surrogates) that is full of markup.
const hostileText = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom(...PAYLOADS),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  )
  // eslint-disable-next-line no-control-regex -- the same characters the schema refuses
  .map(([a, b, c]) => `${a}${b}${c}`.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, ''))
  .filter((s) => s.trim() !== '' && s.length <= 100);

const hostilePack = fc
  .record({
    title: hostileText,
    category: hostileText
      .map((s) => s.slice(0, 48))
      .filter((s) => s.trim() !== '' && s.isWellFormed()),
    alias: hostileText,
    summary: hostileText,
    background: hostileText,
    quote: hostileText,
    section: hostileText,
    holder: hostileText,
    position: hostileText,
    packTitle: hostileText,
  })
  .map((t) => ({
    id: 'hostile',
    title: t.packTitle,
    version: '1.0.0',
    language: 'en',
    asOf: '2026-01-01',
    terms: [
      {
        id: 'first',
        title: t.title,
        category: t.category,
        aliases: [t.alias],
        summary: t.summary,
        background: t.background,
        essay: [{ quote: t.quote, section: t.section }],
        contested: [{ holder: t.holder, position: t.position }],
        related: ['second'],
      },
      { id: 'second', title: t.alias, category: t.category, aliases: ['x'], summary: t.summary },
    ],
  }));

// Every tag TermCard itself renders; anything else came from the pack.
const CARD_TAGS = new Set([
  'DIV',
  'BUTTON',
  'HEADER',
  'H2',
  'H3',
  'P',
  'SECTION',
  'UL',
  'LI',
  'SPAN',
  'FIGURE',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'FOOTER',
  'A',
  'DETAILS',
  'SUMMARY',
]);

afterEach(() => {
  document.body.replaceChildren();
  delete globalThis.__glossPwned;
});

describe('TermCard with hostile pack text', () => {
  it(`renders ${RUNS} hostile packs as inert text`, () => {
    fc.assert(
      fc.property(hostilePack, (raw) => {
        const result = validatePack(raw);
        // The generator only makes packs the validator accepts: they are the dangerous ones here.
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const catalog = new Catalog([result.pack]);
        const container = document.createElement('div');
        document.body.append(container);
        const glossaryHref = 'chrome-extension://gloss/glossary.html#first';
        render(
          <TermCard
            entry={catalog.get('first')!}
            lookup={(id) => catalog.get(id)}
            onRelated={() => undefined}
            glossaryHref={glossaryHref}
            onHide={() => undefined}
          />,
          container,
        );
        const elements = [...container.querySelectorAll('*')];
        expect(elements.length).toBeGreaterThan(5);
        for (const el of elements) {
          expect(CARD_TAGS.has(el.tagName), `unexpected <${el.tagName}>`).toBe(true);
          // No event handler or style attribute came from the pack.
          for (const attr of el.getAttributeNames()) {
            expect(attr.startsWith('on'), `attribute ${attr}`).toBe(false);
          }
        }
        expect(container.querySelectorAll('script, img, iframe, svg, style')).toHaveLength(0);
        const links = [...container.querySelectorAll('a')];
        expect(links.map((a) => a.getAttribute('href'))).toEqual([glossaryHref]);
        // The reader sees the pack's text verbatim — as characters, not markup.
        const text = container.textContent ?? '';
        const term = result.pack.terms[0]!;
        for (const s of [term.title, term.summary, term.background!, term.essay![0]!.quote]) {
          expect(text).toContain(s);
        }
        expect(container.querySelector('.gloss-card__title')?.textContent).toBe(term.title);
        expect(globalThis.__glossPwned).toBeUndefined();
        render(null, container);
        container.remove();
      }),
      { numRuns: RUNS },
    );
    // 250 full renders: about 1 s alone, several on a loaded 2-core machine.
  }, 30_000);
});
