/*
 * The optimized variant's reads (seed 001 as written): one RPC round trip per dashboard or analytics request,
 * cache-aside in Redis through the platform's CacheLayer (single-flight, fail-open), analytics from the replica
 * pool when one is configured (plan 2.1). Postgres writes JSON with spaces and numerics like 50.00; the miss
 * re-serializes it once (JSON.parse + stringify), so hits and misses send the same compact bytes as the naive
 * variant, and a hit sends the stored bytes untouched.
 *
 * Invalidation: TTL only. Analytics come from materialized views refreshed every mvRefreshIntervalS, so
 * dropping a key on a write would only re-read the same view; the dashboard mixes view numbers with live
 * attendance and is at most dashboardTtlS old. With 10,000 writes a minute (the plan's load), invalidating
 * on writes would also empty the hot school's keys many times a second and defeat the 80% hit target.
 */
import type { CacheLayer } from '../../platform/cache/CacheLayer.ts';
import type { Database } from '../../platform/db/Database.ts';
import type pg from 'pg';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { optimizedStatements } from '../queries/optimizedStatements.ts';
import { resourceStatements, type ResourceRow } from '../queries/resourceStatements.ts';
import { runQuery } from '../queries/runQuery.ts';
import type { ReadResult, SchoolReads } from './SchoolReads.ts';
import { schoolCacheKeys, type SchoolKeyFamily } from './cacheKeys.ts';
import { resourcesDocument } from './resourcesDocument.ts';
import { studentsPage, type StudentRow } from './studentsPage.ts';

export interface OptimizedReadsDeps {
  db: Database;
  /** Analytics reads: the replica when configured, else the primary. */
  readDb: Database;
  cache: CacheLayer;
  analyticsTtlS: number;
  dashboardTtlS: number;
}

async function loadJson(db: Database, q: pg.QueryConfig): Promise<string | null> {
  const text = (await runQuery<{ body: string | null }>(db, q)).rows[0]?.body ?? null;
  return text === null ? null : JSON.stringify(JSON.parse(text));
}

export function optimizedReads(deps: OptimizedReadsDeps): SchoolReads {
  const { db, readDb, cache } = deps;

  async function cached(family: SchoolKeyFamily, key: string, ttlS: number, from: Database, q: pg.QueryConfig): Promise<ReadResult | null> {
    const { value, hit } = await cache.fetch(family, key, ttlS, () => loadJson(from, q));
    return value === null ? null : { body: value, cache: hit ? 'HIT' : 'MISS' };
  }

  return {
    dashboard: (code) =>
      cached('school_dashboard', schoolCacheKeys.dashboard(code), deps.dashboardTtlS, db, optimizedStatements.dashboard(code)),
    tasksAnalytics: (q) =>
      cached('school_tasks_analytics', schoolCacheKeys.tasks(q), deps.analyticsTtlS, readDb, optimizedStatements.tasks(q)),
    academicsAnalytics: (q) =>
      cached('school_academics_analytics', schoolCacheKeys.academics(q), deps.analyticsTtlS, readDb, optimizedStatements.academics(q)),
    attendanceAnalytics: (q) =>
      cached('school_attendance_analytics', schoolCacheKeys.attendance(q), deps.analyticsTtlS, readDb, optimizedStatements.attendance(q)),
    students: async (q) => {
      const rows = (await runQuery<StudentRow | { id: null }>(db, optimizedStatements.students(q))).rows;
      if (rows.length === 0) return null;
      return { body: studentsPage(q, rows.filter((r): r is StudentRow => r.id !== null)) };
    },
    // Plan 1.3: one statement whatever the number of classes (not cached: the plan fixes the query count).
    resources: async (q) => {
      const rows = (await runQuery<{ class_ok: boolean } & (ResourceRow | { id: null })>(db, resourceStatements.oneQuery(q))).rows;
      if (rows.length === 0) return null;
      if (!rows[0]!.class_ok) throw schoolErrors.classNotFound(q.schoolCode, q.classId!);
      return { body: resourcesDocument(q, rows.filter((r): r is { class_ok: boolean } & ResourceRow => r.id !== null)) };
    },
  };
}
