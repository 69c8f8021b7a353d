/** Build-time constants set in wxt.config.ts (`vite.define`). */
interface ImportMetaEnv {
  /**
   * True only in the build the end-to-end tests load (`GLOSS_TEST_BUILD=1`): it exposes test probes
   * (utils/test-probe.ts) and the background's handlers. Production builds contain neither.
   */
  readonly GLOSS_TEST_BUILD: boolean;
}

/** The bundled pack's matcher, compiled at build time (wxt.config.ts `bundledMatcherModule`). */
declare module 'virtual:gloss-bundled-matcher' {
  const data: import('@/glossary/matcher-data').MatcherData;
  export default data;
}
