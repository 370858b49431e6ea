/*
 * The riders periodic tasks' intervals can never overflow a Node timer (setTimeout fires at once beyond
 * 2^31-1 ms): an archival "every 30 days" ran hundreds of times a second in a benchmark before this bound.
 */
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../harness/config/readEnv.ts';
import { defaultRidersSettings, ridersEnv } from '../../reference-impl/riders/ridersSettings.ts';

const MAX_TIMER_MS = 2 ** 31 - 1;
const TASK_INTERVALS = ['SCALEPROOF_RIDERS_LEADERBOARD_REFRESH_S', 'SCALEPROOF_RIDERS_PERFORMANCE_REFRESH_S', 'SCALEPROOF_RIDERS_ARCHIVE_INTERVAL_S'];

describe('riders settings', () => {
  it('bounds every task interval below the largest Node timer, defaults included', () => {
    for (const name of TASK_INTERVALS) {
      const spec = ridersEnv[name]!;
      expect(spec.kind, name).toBe('int');
      if (spec.kind !== 'int') continue;
      expect((spec.max ?? Infinity) * 1000, name).toBeLessThanOrEqual(MAX_TIMER_MS);
    }
    expect(defaultRidersSettings.archiveIntervalS * 1000).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('refuses a 30-day archival interval with a usage error', () => {
    expect(() => readEnv({ SCALEPROOF_RIDERS_ARCHIVE_INTERVAL_S: '2592000' }, '.', ridersEnv)).toThrow(/SCALEPROOF_RIDERS_ARCHIVE_INTERVAL_S/);
  });

  it('keeps the plan\'s defaults: 5 s or 100 points, 1 h and 6 h refreshes, 6 months kept', () => {
    expect(defaultRidersSettings).toMatchObject({ flushIntervalMs: 5000, flushMaxItems: 100, leaderboardRefreshS: 3600, performanceRefreshS: 21_600, archiveKeepMonths: 6, dutyTtlS: 300, walletTtlS: 60, activeTtlS: 30, locationTtlS: 60 });
  });
});
