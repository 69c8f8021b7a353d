/**
 * Packs can come from anyone (an import, a shared file), so the validator is the wall between them
 * and the reader's pages. Hundreds of generated hostile packs — markup and script in every string,
 * `javascript:` URLs, prototype keys, huge strings, deep nesting, broken and bidi characters — are
 * each either refused with messages that say why, or accepted as plain, well-formed text; and
 * validating them never changes `Object.prototype`.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, parsePack, validatePack, type Pack } from '@/glossary/schema';

const RUNS = 300;

declare global {
  var __glossPwned: unknown;
}

const PAYLOADS = [
  '<script>globalThis.__glossPwned = 1</script>',
  '<img src=x onerror="globalThis.__glossPwned = 1">',
  '"><svg onload=globalThis.__glossPwned=1>',
  'javascript:globalThis.__glossPwned=1',
  'JaVaScRiPt:alert(1)',
  '<a href="javascript:void(globalThis.__glossPwned=1)">click</a>',
  '<iframe srcdoc="<script>parent.__glossPwned=1</script>">',
  '{{constructor.constructor("globalThis.__glossPwned=1")()}}',
  '${globalThis.__glossPwned=1}',
  '</style><style>*{display:none}</style>',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\ud800',
  'a\udfffb',
  'null\u0000byte',
  '__proto__',
  'constructor',
  'prototype',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const hostileString = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...PAYLOADS)).map(([a, b]) => a + b),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  // Longer than any limit, but far below the file limit so generation stays fast.
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'A'.repeat(n)),
);

/** Wraps `value` in `depth` levels (JSON.stringify recurses; the 50,000-deep case is below). */
function nest(value: unknown, depth: number, asObject: boolean): unknown {
  let current = value;
  for (let i = 0; i < depth; i++) current = asObject ? { a: current } : [current];
  return current;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, 0, -1, 1e308, [], {}),
  fc.tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean()).map(([d, o]) => nest('x', d, o)),
  fc.array(hostileString, { maxLength: 5 }),
);

/** Sets an own, enumerable property, even `__proto__` (as JSON.parse would create it). */
function withKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return target;
}

function baseTerm(i: number): Record<string, unknown> {
  return {
    id: `term-${i}`,
    title: `Term ${i}`,
    category: 'places',
    aliases: [`Alias ${i}`],
    summary: 'A short summary.',
    essay: [{ quote: 'A quote.', section: 'Section' }],
    background: 'Some background.',
    contested: [{ holder: 'Someone', position: 'A position.' }],
  };
}

interface Mutation {
  /** A path into the pack (`terms.0.title`), or a key to add at the top or in a term. */
  path: readonly string[];
  value: unknown;
}

const TERM_FIELDS = ['title', 'category', 'summary', 'background', 'id'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    path: fc.constantFrom(['title'], ['id'], ['description'], ['source'], ['version'], ['asOf']),
    value: hostileValue,
  }),
  fc.record({
    path: fc.constantFrom(...TERM_FIELDS).map((f) => ['terms', '0', f]),
    value: hostileValue,
  }),
  fc.record({
    path: fc.constantFrom(
      ['terms', '0', 'aliases', '0'],
      ['terms', '0', 'essay', '0', 'quote'],
      ['terms', '0', 'essay', '0', 'section'],
      ['terms', '0', 'contested', '0', 'holder'],
      ['terms', '0', 'contested', '0', 'position'],
    ),
    value: hostileValue,
  }),
  fc.record({
    path: fc
      .constantFrom(...HOSTILE_KEYS)
      .chain((key) =>
        fc.constantFrom([key], ['terms', '0', key], ['terms', '0', 'aliases', '0', key]),
      ),
    value: fc.oneof(hostileValue, fc.constant({ polluted: 'yes', __glossPwned: 1 })),
  }),
);

function apply(pack: Record<string, unknown>, { path, value }: Mutation): void {
  let target = pack as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next === 'string') {
      // An alias string becomes an alias object so that a key can be added to it.
      target[key] = { text: next };
    }
    target = target[key] as Record<string, unknown>;
    // An earlier mutation replaced this part with a non-object: nothing to add to.
    if (typeof target !== 'object' || target === null) return;
  }
  withKey(target, path[path.length - 1]!, value);
}

const hostilePackJson = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([terms, mutations]) => {
    const pack: Record<string, unknown> = {
      id: 'hostile',
      title: 'Hostile',
      version: '1.0.0',
      language: 'en',
      asOf: '2026-01-01',
      terms: Array.from({ length: terms }, (_, i) => baseTerm(i)),
    };
    for (const m of mutations) apply(pack, m);
    return JSON.stringify(pack);
  });

// eslint-disable-next-line no-control-regex -- the same characters the schema refuses
const BIDI_OR_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function prototypeFingerprint(): string {
  return JSON.stringify(
    Object.getOwnPropertyNames(Object.prototype)
      .sort()
      .map((name) => [name, typeof Object.getOwnPropertyDescriptor(Object.prototype, name)?.value]),
  );
}

let fingerprint = '';
beforeEach(() => {
  fingerprint = prototypeFingerprint();
  delete globalThis.__glossPwned;
});
afterEach(() => {
  // Nothing a pack contains may reach the shared prototypes or run as code.
  expect(prototypeFingerprint()).toBe(fingerprint);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(globalThis.__glossPwned).toBeUndefined();
});

function expectSafeAcceptance(pack: Pack): void {
  // Accepted text is well-formed and cannot reorder what the reader sees.
  for (const s of strings(pack)) {
    expect(s.isWellFormed()).toBe(true);
    expect(BIDI_OR_CONTROL.test(s)).toBe(false);
    expect(s.length).toBeLessThanOrEqual(LIMITS.backgroundChars * 2);
  }
  // Plain data objects only: no smuggled prototype or own `__proto__` / `constructor` keys.
  const objects: object[] = [pack, ...pack.terms];
  for (const alias of pack.terms.flatMap((t) => t.aliases)) {
    if (typeof alias === 'object') objects.push(alias);
  }
  for (const o of objects) {
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    for (const key of HOSTILE_KEYS) expect(Object.hasOwn(o, key)).toBe(false);
  }
}

describe('hostile packs', () => {
  it(`each of ${RUNS} generated packs is refused with reasons or accepted as plain text`, () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(hostilePackJson, (json) => {
        const result = parsePack(json);
        if (result.ok) {
          accepted++;
          expectSafeAcceptance(result.pack);
        } else {
          refused++;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error).toMatch(/\S/);
        }
      }),
      { numRuns: RUNS },
    );
    // Both branches are exercised: markup in text is allowed (rendered as text), the rest refused.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses prototype keys as unknown fields, wherever they are', () => {
    for (const key of HOSTILE_KEYS) {
      const json = `{"id":"p","title":"P","version":"1.0.0","language":"en","asOf":"2026-01-01",
        "terms":[{"id":"t","title":"T","category":"c","aliases":["A"],"summary":"S",
        "${key}":{"polluted":"yes"}}],"${key}":{"polluted":"yes"}}`;
      const result = parsePack(json);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors).toContain(`${key}: unknown field`);
        expect(result.errors).toContain(`terms[0].${key}: unknown field`);
      }
    }
  });

  it('accepts markup and javascript: text as text (it is rendered inert elsewhere)', () => {
    const result = validatePack({
      id: 'p',
      title: '<script>globalThis.__glossPwned=1</script>',
      version: '1.0.0',
      language: 'en',
      asOf: '2026-01-01',
      terms: [
        {
          id: 't',
          title: '<img src=x onerror=alert(1)>',
          category: 'javascript:alert(1)',
          aliases: ['<b>Tokyo</b>'],
          summary: '"><svg onload=alert(1)>',
        },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses bidi overrides, control characters and lone surrogates with a reason', () => {
    for (const [bad, reason] of [
      ['\u202eevil', 'contains control or bidi-override characters'],
      ['null\u0000', 'contains control or bidi-override characters'],
      ['\ud800', 'contains a broken character (lone surrogate)'],
    ] as const) {
      const result = validatePack({
        id: 'p',
        title: 'P',
        version: '1.0.0',
        language: 'en',
        asOf: '2026-01-01',
        terms: [{ id: 't', title: bad, category: 'c', aliases: ['A'], summary: 'S' }],
      });
      expect(result).toEqual({ ok: false, errors: [`terms[0].title: ${reason}`] });
    }
  });

  it('refuses a file over the size limit before parsing it, and deep nesting without crashing', () => {
    const huge = `{"title":"${'A'.repeat(LIMITS.packBytes)}"}`;
    expect(parsePack(huge)).toEqual({ ok: false, errors: ['file is larger than 20 MB'] });
    const deep = `{"id":"p","title":"P","version":"1.0.0","language":"en","asOf":"2026-01-01","terms":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const result = parsePack(deep);
    expect(result.ok).toBe(false);
  });
});
