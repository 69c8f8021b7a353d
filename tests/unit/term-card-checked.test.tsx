// @vitest-environment happy-dom
/** The card tells the reader how fresh its facts are, when the pack says so. */
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { TermCard } from '@/components/TermCard';
import type { CatalogEntry } from '@/glossary/catalog';
import type { Term } from '@/glossary/schema';

const base: Term = {
  id: 'okinawa',
  title: 'Okinawa',
  category: 'places',
  aliases: ['Okinawa'],
  summary: 'Japan’s southernmost prefecture.',
};

function card(term: Term): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const entry: CatalogEntry = {
    term,
    packId: 'p',
    packTitle: 'P',
    language: 'en',
    asOf: '2026-11-25',
  };
  render(<TermCard entry={entry} lookup={() => undefined} onRelated={() => {}} />, host);
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

it('shows the date the facts were checked', () => {
  // Written as the interface's language writes dates (English in unit tests).
  expect(card({ ...base, checked: '2026-11-30' }).textContent).toContain(
    'Facts checked Nov 30, 2026',
  );
});

it('says nothing about checking when the pack gives no date', () => {
  expect(card(base).textContent).not.toContain('Facts checked');
});
