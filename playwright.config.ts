import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  // Each test launches its own persistent Chromium with the extension; two cores here.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', grepInvert: /@quiet/ },
    // Tests that time the page's own frames run after the rest, alone on the machine, so another
    // browser's work is not counted against Gloss.
    { name: 'quiet', grep: /@quiet/, dependencies: ['chromium'] },
  ],
});
