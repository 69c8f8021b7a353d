/**
 * Probes for the end-to-end tests: a User Timing mark (`gloss:<name>`, with `detail`) that the
 * page's main world can read with `performance.getEntriesByName`, because the performance
 * timeline belongs to the document, not to a script world. Only the test build
 * (GLOSS_TEST_BUILD=1) emits them; in production builds the call is compiled away.
 */
export function probe(name: string, detail?: Record<string, number | string | boolean>): void {
  if (import.meta.env.GLOSS_TEST_BUILD) performance.mark(`gloss:${name}`, { detail });
}
