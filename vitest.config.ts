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
    // Most of the suite waits on child processes, Postgres and Redis, not on this process's CPU: vitest's default
    // (CPUs - 1, so 1 worker on a 2-core machine) ran the files one at a time.
    maxWorkers: 4,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
