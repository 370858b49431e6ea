import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (SCALEPROOF_TEST_JSON) so .ci/run can fail on any skipped test.
const json = process.env.SCALEPROOF_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
