import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { bundledMatcherModule } from './utils/bundled-matcher-build';

export default defineConfig({
  plugins: [WxtVitest(), bundledMatcherModule()],
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/dom/**/*.test.ts',
      'tests/dom/**/*.test.tsx',
    ],
    environment: 'node',
    // Components take their words from locales/*.yml through browser.i18n.
    setupFiles: ['tests/support/i18n-setup.ts'],
  },
});
