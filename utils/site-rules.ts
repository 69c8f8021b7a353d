/**
 * What the settings mean for one site. Kept apart from settings.ts (storage, validation) so that
 * the marking engine's script carries no storage or schema code.
 */
import type { Settings } from './settings-schema';

/** Whether Gloss runs on `host`, given the settings. */
export function isOnFor(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

export function hiddenTermsFor(settings: Settings, host: string): Set<string> {
  return new Set([...settings.hiddenTerms, ...(settings.hiddenTermsBySite[host] ?? [])]);
}
