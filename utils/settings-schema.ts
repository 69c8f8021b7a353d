/**
 * What a setting may be, and its default: plain data and validation, no storage, so that Node
 * scripts (the benchmark) and tests can read the defaults too.
 */
import * as v from 'valibot';

const hostname = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const termId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** Each setting's schema; the object's keys are the settings. */
export const settingSchemas = {
  enabled: v.boolean(),
  /** Sites (hostnames) where the reader switched Gloss off. */
  disabledSites: v.pipe(v.array(hostname), v.maxLength(5_000)),
  /** Mark the first mention of each term on a page, or every mention. */
  density: v.picklist(['first', 'all']),
  /** Categories the reader switched off. */
  disabledCategories: v.pipe(v.array(v.pipe(v.string(), v.maxLength(48))), v.maxLength(64)),
  /** How long the pointer rests on a mark before its popover opens. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3_000)),
  markStyle: v.picklist(['underline', 'background', 'both']),
  theme: v.picklist(['auto', 'light', 'dark']),
  /** Terms hidden everywhere ("Not this meaning"). */
  hiddenTerms: v.pipe(v.array(termId), v.maxLength(20_000)),
  /** Terms hidden on one site only. */
  hiddenTermsBySite: v.pipe(
    // valibot's record also takes an array (as {"0": …}); only a plain object is a site map.
    v.custom<object>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    ),
    v.record(hostname, v.pipe(v.array(termId), v.maxLength(20_000))),
    v.check((record) => Object.keys(record).length <= 5_000),
  ),
} as const;

export type Settings = {
  -readonly [K in keyof typeof settingSchemas]: v.InferOutput<(typeof settingSchemas)[K]>;
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  density: 'first',
  disabledCategories: [],
  hoverDelayMs: 300,
  // The background: an underline's cost to every later change of the page (marks.content.css).
  markStyle: 'background',
  theme: 'auto',
  hiddenTerms: [],
  hiddenTermsBySite: {},
});

export type SettingsOverrides = Partial<Settings>;

function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(settingSchemas, key);
}

/** Keeps only the valid, known keys of whatever was stored. */
export function sanitizeOverrides(stored: unknown): SettingsOverrides {
  const clean: Record<string, unknown> = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  for (const [key, value] of Object.entries(stored)) {
    if (!isSettingKey(key)) continue;
    const result = v.safeParse(settingSchemas[key], value);
    if (result.success) clean[key] = result.output;
  }
  return clean as SettingsOverrides;
}

export function resolveSettings(stored: unknown): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...sanitizeOverrides(stored) } as Settings;
}
