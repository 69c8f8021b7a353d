import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEssayIndex, paragraphsOf } from '@/glossary/essay-context';

const essay = readFileSync('glossary/sources/japan-strategic-autonomy-2026.txt', 'utf8');
const index = createEssayIndex(essay);

const quotedText = (segments: { text: string; quoted: boolean }[]) =>
  segments.filter((s) => s.quoted).map((s) => s.text);
const whole = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('paragraphsOf', () => {
  it('gives one paragraph per non-blank line, trimmed', () => {
    expect(paragraphsOf('  One.\n\nTwo two.\r\nThree  \n')).toEqual(['One.', 'Two two.', 'Three']);
  });
});

describe('createEssayIndex', () => {
  it('returns the whole paragraph that holds the quote, with the quote marked', () => {
    const segments = index.find('Every country hedges.');
    expect(segments).not.toBeNull();
    expect(whole(segments!)).toBe(paragraphsOf(essay)[0]);
    expect(quotedText(segments!)).toEqual(['Every country hedges.']);
    expect(segments![0]!.text.startsWith('The conventional read')).toBe(true);
  });

  it('ignores case, straight versus curly apostrophes, and quotation marks around the quote', () => {
    const segments = index.find('“what is actually happening in tokyo is more consequential”');
    expect(quotedText(segments!)).toEqual([
      'What is actually happening in Tokyo is more consequential',
    ]);
    const apostrophe = index.find("Japan's constitution restricted its military posture");
    expect(quotedText(apostrophe!)).toEqual([
      'Japan’s constitution restricted its military posture',
    ]);
  });

  it('marks each part of a quote with an ellipsis, in order', () => {
    const segments = index.find('Every country hedges. … more original than that word suggests');
    expect(quotedText(segments!)).toEqual([
      'Every country hedges.',
      'more original than that word suggests',
    ]);
  });

  it('returns null for text that is not in the essay', () => {
    expect(index.find('Japan annexed the Moon in 2026')).toBeNull();
    expect(index.find('  ""  ')).toBeNull();
  });
});
