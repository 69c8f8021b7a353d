/**
 * The content script and the background act only on messages that come from Gloss itself and have
 * exactly the protocol's shape. Anything else — another extension, a page, a wrong type, an extra
 * key, a huge string — is rejected (null) and changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ProtocolError, parseMessage, parseReply, protocol, type Sender } from '@/utils/messages';

const ID = 'gloss-extension-id';
const FROM_GLOSS: Sender = { id: ID };
const FROM_GLOSS_CONTENT: Sender = { id: ID, tab: { id: 3 }, url: 'https://example.com/' };

// Quiet the debug log the parsers write for every rejection.
vi.spyOn(console, 'debug').mockImplementation(() => undefined);

const VALID_TAB = [
  { type: 'gloss:page-terms' },
  { type: 'gloss:reveal-term', termId: 'senkaku-islands' },
  { type: 'gloss:explain-selection' },
  { type: 'gloss:explain-selection', text: 'Senkaku Islands' },
  { type: 'gloss:step', direction: 1 },
  { type: 'gloss:step', direction: -1 },
];
const VALID_BACKGROUND = [
  { type: 'gloss:open-glossary' },
  { type: 'gloss:open-glossary', termId: 'senkaku-islands', query: 'Senkaku' },
  { type: 'gloss:resolve-selection', text: 'senkaku islnds' },
  { type: 'gloss:bundled-pack' },
  { type: 'gloss:word-starts', texts: ['日本の国会議員', '中国会社'] },
  { type: 'gloss:word-starts', texts: ['漢'.repeat(4_000)] },
];

/** A short test name for a message that may hold megabytes. */
function label(message: unknown): string {
  const json = JSON.stringify(message) ?? String(message);
  return json.length > 80 ? `${json.slice(0, 60)}… (${json.length} chars)` : json;
}

describe('messages from Gloss with the right shape are accepted', () => {
  it.each(VALID_TAB)('tab message %j', (message) => {
    expect(parseMessage('tab', structuredClone(message), FROM_GLOSS, ID)).toEqual(message);
  });
  it.each(VALID_BACKGROUND)('background message %j', (message) => {
    expect(parseMessage('background', structuredClone(message), FROM_GLOSS_CONTENT, ID)).toEqual(
      message,
    );
  });
});

describe('messages not from Gloss are rejected', () => {
  const strangers: Sender[] = [
    {},
    { id: 'another-extension' },
    { id: '' },
    { id: ID.toUpperCase() },
    { id: `${ID} ` },
    { url: 'https://evil.example/' },
  ];
  it.each(strangers)('tab and background messages from %j', (sender) => {
    for (const m of VALID_TAB) expect(parseMessage('tab', m, sender, ID)).toBeNull();
    for (const m of VALID_BACKGROUND) expect(parseMessage('background', m, sender, ID)).toBeNull();
  });

  it('a tab message sent from a tab (another page’s content script) is rejected', () => {
    for (const m of VALID_TAB) {
      expect(parseMessage('tab', m, FROM_GLOSS_CONTENT, ID)).toBeNull();
      expect(parseMessage('tab', m, { id: ID, tab: null }, ID)).toBeNull();
    }
  });
});

describe('malformed messages are rejected', () => {
  const malformed: unknown[] = [
    undefined,
    null,
    'gloss:page-terms',
    42,
    [],
    [{ type: 'gloss:page-terms' }],
    {},
    { type: 'gloss:unknown' },
    { type: 'GLOSS:PAGE-TERMS' },
    { type: 'gloss:page-terms', extra: 1 },
    { type: 'gloss:page-terms', __proto__: { admin: true }, constructor: 'x' },
    { type: 'gloss:reveal-term' },
    { type: 'gloss:reveal-term', termId: '' },
    { type: 'gloss:reveal-term', termId: 42 },
    { type: 'gloss:reveal-term', termId: 'x'.repeat(65) },
    { type: 'gloss:reveal-term', termId: ['senkaku-islands'] },
    { type: 'gloss:explain-selection', text: 42 },
    { type: 'gloss:explain-selection', text: 'x'.repeat(2_001) },
    { type: 'gloss:explain-selection', text: 'x'.repeat(5_000_000) },
    { type: 'gloss:step', direction: 2 },
    { type: 'gloss:step', direction: '1' },
    { type: 'gloss:step', direction: 0 },
    { type: 'gloss:step' },
    { type: 'gloss:open-options' },
    { type: ['gloss:page-terms'] },
  ];
  for (const message of malformed) {
    it(`tab message ${label(message)}`, () => {
      expect(parseMessage('tab', message, FROM_GLOSS, ID)).toBeNull();
    });
  }

  const malformedBackground: unknown[] = [
    null,
    { type: 'gloss:page-terms' },
    // Defined once, never sent: no longer part of the protocol.
    { type: 'gloss:open-options' },
    { type: 'gloss:open-glossary', termId: '' },
    { type: 'gloss:open-glossary', termId: 'x'.repeat(65) },
    { type: 'gloss:open-glossary', query: 'x'.repeat(2_001) },
    { type: 'gloss:open-glossary', query: { toString: 'x' } },
    { type: 'gloss:open-glossary', url: 'javascript:alert(1)' },
    { type: 'gloss:bundled-pack', id: 'japan-autonomy' },
    { type: 'gloss:word-starts' },
    { type: 'gloss:word-starts', texts: '国会' },
    { type: 'gloss:word-starts', texts: [7] },
    // Longer than any text the matcher segments, and more texts than one question holds.
    { type: 'gloss:word-starts', texts: ['漢'.repeat(4_001)] },
    { type: 'gloss:word-starts', texts: Array.from({ length: 65 }, () => '国会') },
    { type: 'gloss:resolve-selection' },
    { type: 'gloss:resolve-selection', text: 7 },
    { type: 'gloss:resolve-selection', text: 'x'.repeat(2_001) },
    { type: 'gloss:resolve-selection', text: 'Diet', termId: 'national-diet' },
  ];
  for (const message of malformedBackground) {
    it(`background message ${label(message)}`, () => {
      expect(parseMessage('background', message, FROM_GLOSS, ID)).toBeNull();
    });
  }

  it('a message whose own __proto__ key (from JSON) carries a payload is rejected', () => {
    const message = JSON.parse('{"type":"gloss:page-terms","__proto__":{"polluted":1}}');
    expect(parseMessage('tab', message, FROM_GLOSS, ID)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('replies', () => {
  it("are used only when they have exactly the protocol's shape", () => {
    expect(parseReply('gloss:resolve-selection', { termId: 'national-diet' })).toEqual({
      termId: 'national-diet',
    });
    expect(parseReply('gloss:resolve-selection', { termId: null })).toEqual({ termId: null });
    for (const bad of [
      undefined,
      null,
      {},
      { termId: '' },
      { termId: 3 },
      { termId: 'x'.repeat(65) },
      { termId: 'a', html: '<b>' },
    ]) {
      expect(() => parseReply('gloss:resolve-selection', bad)).toThrow(ProtocolError);
    }
  });

  it("a page's term list with a wrong field is refused whole, not shown in part", () => {
    const good = {
      termId: 'senkaku-islands',
      title: 'Senkaku Islands',
      category: 'places',
      count: 2,
    };
    expect(parseReply('gloss:page-terms', { on: true, host: 'a.example', terms: [good] })).toEqual({
      on: true,
      host: 'a.example',
      terms: [good],
    });
    for (const terms of [[{ ...good, count: 0 }], [{ ...good, title: 7 }], 'all']) {
      expect(() => parseReply('gloss:page-terms', { on: true, host: 'a', terms })).toThrow(
        'malformed reply to gloss:page-terms',
      );
    }
  });

  it('every message type has a request and a reply schema, and one receiver', () => {
    for (const [type, entry] of Object.entries(protocol)) {
      expect(type).toMatch(/^gloss:[a-z-]+$/);
      expect(['tab', 'background']).toContain(entry.to);
      expect(entry.request).toBeDefined();
      expect(entry.reply).toBeDefined();
    }
  });
});

describe('arbitrary JSON', () => {
  const validTypes = new Set([...VALID_TAB, ...VALID_BACKGROUND].map((m) => m.type));

  it('is rejected unless it is exactly one of the protocol’s messages', () => {
    const json = fc.oneof(
      fc.jsonValue(),
      // Objects that look like messages: a real type plus arbitrary extra or wrong fields.
      fc
        .tuple(fc.constantFrom(...validTypes), fc.dictionary(fc.string(), fc.jsonValue()))
        .map(([type, rest]) => ({ ...rest, type })),
    );
    fc.assert(
      fc.property(json, (raw) => {
        const tab = parseMessage('tab', raw, FROM_GLOSS, ID);
        const background = parseMessage('background', raw, FROM_GLOSS, ID);
        for (const [parsed, valid] of [
          [tab, VALID_TAB],
          [background, VALID_BACKGROUND],
        ] as const) {
          if (parsed === null) continue;
          // Whatever was accepted has a known type and only that type's keys.
          expect(validTypes.has(parsed.type)).toBe(true);
          const allowed = new Set(
            valid.filter((m) => m.type === parsed.type).flatMap((m) => Object.keys(m)),
          );
          for (const key of Object.keys(parsed)) expect(allowed.has(key)).toBe(true);
        }
        // From anyone else, nothing is ever accepted.
        expect(parseMessage('tab', raw, { id: 'other' }, ID)).toBeNull();
        expect(parseMessage('background', raw, { id: 'other' }, ID)).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });
});
