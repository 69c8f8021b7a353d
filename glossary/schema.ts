/**
 * The glossary pack format: one source of truth for the TypeScript types and the runtime
 * validation. Packs can come from users, so every string and list has a limit and every
 * problem is reported with its path (`terms[12].aliases[3]: empty string`).
 */
import * as v from 'valibot';

export const LIMITS = {
  packBytes: 20 * 1024 * 1024,
  terms: 20_000,
  aliasesPerTerm: 64,
  aliasChars: 120,
  idChars: 64,
  titleChars: 120,
  categoryChars: 48,
  summaryWords: 60,
  summaryChars: 600,
  quoteWords: 45,
  quotesPerTerm: 8,
  sectionChars: 160,
  backgroundChars: 1_500,
  positionsPerTerm: 8,
  positionChars: 400,
  relatedPerTerm: 16,
  contextWords: 16,
  categoriesPerPack: 64,
  sourceTextChars: 200_000,
  neighbourWords: 32,
  topicWords: 512,
} as const;

/** Where an alias may stand that is not prose: see glossary/place-lines.ts for each heuristic. */
export const SKIP_PLACES = ['dateline', 'address', 'location'] as const;

/**
 * Languages an alias can be limited to, told apart by script near the match (alias-rules.ts):
 * Japanese has kana, Korean has Hangul, Chinese has Han characters and neither.
 */
export const TEXT_LANGUAGES = ['ja', 'zh', 'ko'] as const;

/** 'key': a term the glossary is about. 'context': a capital, leader or country it mentions. */
export const ROLES = ['key', 'context'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Bidi overrides and isolates let a pack make text render differently from what it says.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

function hasLoneSurrogate(text: string): boolean {
  return !text.isWellFormed();
}

/** A plain, printable string: no control characters, bidi overrides or lone surrogates. */
function text(maxChars: number) {
  return v.pipe(
    v.string('not a string'),
    v.check((s) => s.trim() !== '', 'empty string'),
    v.maxLength(maxChars, (issue) => `longer than ${maxChars} characters (${issue.received})`),
    v.check((s) => !hasLoneSurrogate(s), 'contains a broken character (lone surrogate)'),
    v.check((s) => !FORBIDDEN_CHARS.test(s), 'contains control or bidi-override characters'),
  );
}

function maxWordCount(max: number) {
  return v.check(
    (s: string) => countWords(s) <= max,
    (issue: v.CheckIssue<string>) => `more than ${max} words (${countWords(issue.input)})`,
  );
}

// Unknown keys are refused so that a typo ("caseSensitve") is reported instead of ignored.
// The same issue type covers a missing key (expected is the quoted key name) and a non-object.
const objectMessage = (issue: v.StrictObjectIssue) =>
  issue.expected === 'never'
    ? 'unknown field'
    : issue.expected === 'Object'
      ? 'must be an object'
      : 'missing required field';

function object<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, objectMessage);
}

/**
 * Built on first use: a content script validates only imported packs, and building ~150 schema
 * objects at import time would add to the one task in which every page starts Gloss.
 */
function buildPackSchema() {
  const slug = v.pipe(
    text(LIMITS.idChars),
    v.regex(SLUG, 'must be a lowercase slug such as "senkaku-islands"'),
  );

  const neighbours = (description: string) =>
    v.optional(
      v.pipe(
        v.array(text(LIMITS.aliasChars), 'must be a list'),
        v.maxLength(LIMITS.neighbourWords, `more than ${LIMITS.neighbourWords} words`),
        v.description(description),
      ),
    );

  const aliasRules = object({
    text: text(LIMITS.aliasChars),
    /** Match only with this exact case ("Diet" the parliament, not "diet" the food). */
    caseSensitive: v.optional(v.boolean('must be true or false')),
    /**
     * Count this alias only when the same page also has one of the term's unconditional
     * aliases or one of these context words (acronyms such as "RAA").
     */
    needsContext: v.optional(
      v.union(
        [
          v.boolean(),
          v.pipe(
            v.array(text(LIMITS.aliasChars)),
            v.maxLength(LIMITS.contextWords, `more than ${LIMITS.contextWords} context words`),
          ),
        ],
        'must be true or a list of context words',
      ),
    ),
    /** Longer names that contain the alias but mean something else ("Xi'an", "Diet Coke"). */
    notIn: v.optional(
      v.pipe(
        v.array(text(LIMITS.aliasChars)),
        v.maxLength(LIMITS.contextWords, `more than ${LIMITS.contextWords} entries`),
      ),
    ),
    /**
     * Words that, right after the alias, make it part of another name: "Post" for "Washington"
     * (the newspaper), 邮报 for 华盛顿. Latin words follow after a space; CJK ones directly.
     */
    notBefore: neighbours(
      'Words that, right after the alias, make it part of another name ("Post" after "Washington", 邮报 after 华盛顿): the alias is not marked there.',
    ),
    /** Words that, right before the alias, make it another thing: "State of", 美国 before 国会. */
    notAfter: neighbours(
      'Words that, right before the alias, make it another thing ("State of" before "Washington", 美国 before 国会): the alias is not marked there.',
    ),
    /**
     * Not marked in a dateline ("SEOUL, South Korea —"), a postal address ("Washington DC 20006")
     * or where it only says where something happened ("a rally in Seoul on Thursday").
     */
    skipIn: v.optional(
      v.pipe(
        v.array(
          v.picklist(SKIP_PLACES, `must be one of ${SKIP_PLACES.map((p) => `"${p}"`).join(', ')}`),
          'must be a list',
        ),
        v.maxLength(SKIP_PLACES.length, `more than ${SKIP_PLACES.length} entries`),
        v.description(
          'Not marked in a dateline ("SEOUL, South Korea —", "新华社北京11月17日电"), a postal address ("Washington DC 20006"), or where it only says where something happened ("a rally in Seoul on Thursday", "a think tank in Washington.", ソウルで開かれた).',
        ),
      ),
    ),
    /** Marked only in text of these languages: 国会 is Japan's Diet in Japanese text only. */
    inLanguage: v.optional(
      v.pipe(
        v.array(
          v.picklist(
            TEXT_LANGUAGES,
            `must be one of ${TEXT_LANGUAGES.map((l) => `"${l}"`).join(', ')}`,
          ),
          'must be a list',
        ),
        v.maxLength(TEXT_LANGUAGES.length, `more than ${TEXT_LANGUAGES.length} entries`),
        v.description(
          'Marked only in text written in one of these languages, told apart by the script around the match: "ja" (kana nearby), "ko" (Hangul nearby), "zh" (Han characters, no kana or Hangul nearby). 国会 in Japanese text is Japan\'s Diet; in Chinese text it is usually another country\'s parliament.',
        ),
      ),
    ),
  });

  const aliasText_ = text(LIMITS.aliasChars);
  // A lazy choice (not a union) so that an alias object's own problems are reported by field.
  const notAnAlias = v.custom<never>(() => false, 'must be a string or an alias object');
  const alias = v.lazy((input) =>
    typeof input === 'string'
      ? aliasText_
      : typeof input === 'object' && input !== null && !Array.isArray(input)
        ? aliasRules
        : notAnAlias,
  );

  const passage = object({
    quote: v.pipe(text(2_000), maxWordCount(LIMITS.quoteWords)),
    section: text(LIMITS.sectionChars),
  });

  const position = object({
    holder: text(LIMITS.titleChars),
    position: text(LIMITS.positionChars),
  });

  const term = object({
    id: slug,
    title: text(LIMITS.titleChars),
    category: text(LIMITS.categoryChars),
    aliases: v.pipe(
      v.array(alias, 'must be a list'),
      v.minLength(1, 'needs at least one alias'),
      v.maxLength(LIMITS.aliasesPerTerm, `more than ${LIMITS.aliasesPerTerm} aliases`),
    ),
    summary: v.pipe(text(LIMITS.summaryChars), maxWordCount(LIMITS.summaryWords)),
    essay: v.optional(
      v.pipe(
        v.array(passage, 'must be a list'),
        v.maxLength(LIMITS.quotesPerTerm, `more than ${LIMITS.quotesPerTerm} passages`),
      ),
    ),
    background: v.optional(text(LIMITS.backgroundChars)),
    contested: v.optional(
      v.pipe(
        v.array(position, 'must be a list'),
        v.maxLength(LIMITS.positionsPerTerm, `more than ${LIMITS.positionsPerTerm} positions`),
      ),
    ),
    related: v.optional(
      v.pipe(
        v.array(slug, 'must be a list'),
        v.maxLength(LIMITS.relatedPerTerm, `more than ${LIMITS.relatedPerTerm} related terms`),
      ),
    ),
    /** Absent means "key", so packs written before this field keep their behaviour. */
    role: v.optional(
      v.pipe(
        v.picklist(ROLES, 'must be "key" or "context"'),
        v.description(
          '"key": a term the pack is about (absent means key). "context": a capital, leader or country the stories mention, drawn only when the story is on the pack\'s topic.',
        ),
      ),
    ),
    /** The day the entry's facts were last checked against sources. */
    checked: v.optional(
      v.pipe(
        v.string('not a string'),
        v.isoDate('must be a date such as 2026-11-30'),
        v.description(
          "The day the entry's facts were last checked (YYYY-MM-DD); shown on the card.",
        ),
      ),
    ),
  });

  return v.pipe(
    object({
      $schema: v.optional(v.string()),
      id: slug,
      title: text(LIMITS.titleChars),
      version: v.pipe(text(32), v.regex(/^\d+\.\d+\.\d+$/, 'must look like 1.0.0')),
      language: v.pipe(
        text(35),
        v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'not a language tag'),
      ),
      asOf: v.pipe(v.string('not a string'), v.isoDate('must be a date such as 2026-11-01')),
      description: v.optional(text(LIMITS.backgroundChars)),
      /** The title of the text the entries quote ("Essay: Japan's move toward …"). */
      source: v.optional(text(LIMITS.titleChars)),
      /** The heading over quoted passages on a card ("In the essay"); "From the source" if absent. */
      quoteLabel: v.optional(text(LIMITS.titleChars)),
      /**
       * The full text the quotes come from, one paragraph per line: the glossary page shows each
       * quote in its paragraph ("Read in context"). Pages never receive it.
       */
      sourceText: v.optional(
        v.pipe(
          v.string('not a string'),
          v.maxLength(
            LIMITS.sourceTextChars,
            (issue) => `longer than ${LIMITS.sourceTextChars} characters (${issue.received})`,
          ),
          v.check((s) => !hasLoneSurrogate(s), 'contains a broken character (lone surrogate)'),
        ),
      ),
      /** The order in which the glossary page presents the categories; others follow, A–Z. */
      categories: v.optional(
        v.pipe(
          v.array(text(LIMITS.categoryChars), 'must be a list'),
          v.maxLength(LIMITS.categoriesPerPack, `more than ${LIMITS.categoriesPerPack} categories`),
        ),
      ),
      /**
       * Words that show a story is on the pack's topic (North Korea, South China Sea, 首相…): never
       * marked, they count toward the topic gate like context entries (story/topic.ts).
       */
      topicWords: v.optional(
        v.pipe(
          v.array(text(LIMITS.aliasChars), 'must be a list'),
          v.maxLength(LIMITS.topicWords, `more than ${LIMITS.topicWords} words`),
          v.description(
            'Words and phrases that show a story is on the pack\'s topic ("North Korea", "South China Sea", 首相): never marked, each distinct one found in the story counts toward the topic gate like a context entry. Choose words that rarely appear in stories off the topic.',
          ),
        ),
      ),
      terms: v.pipe(
        v.array(term, 'must be a list'),
        v.minLength(1, 'needs at least one term'),
        v.maxLength(LIMITS.terms, `more than ${LIMITS.terms} terms`),
      ),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const terms = dataset.value.terms;
      const ids = new Set<string>();
      terms.forEach((t, i) => {
        if (ids.has(t.id)) addIssue({ message: `terms[${i}].id: duplicate id "${t.id}"` });
        ids.add(t.id);
      });
      terms.forEach((t, i) =>
        t.related?.forEach((r, j) => {
          if (!ids.has(r)) addIssue({ message: `terms[${i}].related[${j}]: unknown term "${r}"` });
          if (r === t.id)
            addIssue({ message: `terms[${i}].related[${j}]: a term cannot relate to itself` });
        }),
      );
    }),
  );
}

let schema: ReturnType<typeof buildPackSchema> | undefined;

export function packSchema(): ReturnType<typeof buildPackSchema> {
  schema ??= buildPackSchema();
  return schema;
}

export type Pack = v.InferOutput<ReturnType<typeof buildPackSchema>>;
export type Term = Pack['terms'][number];
export type Alias = Term['aliases'][number];
export type AliasRules = Exclude<Alias, string>;
export type Passage = NonNullable<Term['essay']>[number];

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

function formatPath(path: readonly { key: unknown }[] | undefined): string {
  if (!path || path.length === 0) return '';
  return path
    .map(({ key }, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

const MAX_REPORTED = 50;

/** Validates anything (parsed JSON) as a pack; errors are human-readable, one per problem. */
export function validatePack(input: unknown): PackResult {
  // valibot's object schemas accept arrays; a list is never a pack, so say so plainly.
  if (Array.isArray(input)) {
    return {
      ok: false,
      errors: ['a pack must be a JSON object, not a list (only one pack per file)'],
    };
  }
  const result = v.safeParse(packSchema(), input, { abortPipeEarly: true });
  if (result.success) return { ok: true, pack: result.output };
  const errors = result.issues.map((issue) => {
    const path = formatPath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const unique = [...new Set(errors)];
  return {
    ok: false,
    errors:
      unique.length > MAX_REPORTED
        ? [...unique.slice(0, MAX_REPORTED), `…and ${unique.length - MAX_REPORTED} more problems`]
        : unique,
  };
}

/** Parses pack JSON text with a size limit first, so a huge file is refused before parsing. */
export function parsePack(json: string): PackResult {
  if (json.length > LIMITS.packBytes) {
    return { ok: false, errors: [`file is larger than ${LIMITS.packBytes / 1024 / 1024} MB`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return validatePack(data);
}

export type Role = (typeof ROLES)[number];
export type SkipPlace = (typeof SKIP_PLACES)[number];
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}
