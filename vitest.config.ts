import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets .ci/run close with a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.test-output/vitest-results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/content/**/*.test.ts',
            'tests/layout/**/*.test.ts',
          ],
          // Vitest replaces CSS imports with empty strings; the email edition reads the site's
          // design tokens as text (src/lib/email/styles.ts), so that one file is kept.
          css: { include: [/src\/styles\/tokens\.css/] },
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/*.test.ts'],
          // The site is built once, for real; the build, feed and browser tests read that output.
          globalSetup: ['tests/setup/build-site.ts'],
          // Real builds and a real browser take seconds, not milliseconds.
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One build at a time: the machine has two cores and each build uses both.
          fileParallelism: false,
        },
      },
    ],
  },
});
