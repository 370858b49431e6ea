/*
 * The user dashboard (plan 1.4's get_dashboard_data) per variant. Optimized: the RPC, one round trip; not cached
 * (the document is per user and per class, so a shared key would rarely be hit; the school dashboard keeps the
 * cache). Naive: the user's role, then one query per widget (dashboardDataStatements). Both send the same bytes:
 * Postgres's JSON is parsed and written once (compact, numerics like 1600.00 as 1600). Access failures become
 * the same 404/403 in both.
 */
import type { Database } from '../../platform/db/Database.ts';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { DASHBOARD_SECTIONS, dashboardDataStatements as s, type AccessRow, type DashboardSection } from '../queries/dashboardDataStatements.ts';
import { runQuery } from '../queries/runQuery.ts';
import type { DashboardDataQuery } from '../validation/dashboardDataQuery.ts';
import type { ReadResult } from './SchoolReads.ts';

export type DashboardDataRead = (q: DashboardDataQuery) => Promise<ReadResult | null>;

type Refusal = { notFound?: 'user' | 'class'; forbidden?: 'class' };

function refuse(q: DashboardDataQuery, r: Refusal): never {
  if (r.notFound === 'user') throw schoolErrors.userNotFound(q.schoolCode, q.userId);
  if (r.notFound === 'class') throw schoolErrors.classNotFound(q.schoolCode, q.classId ?? 0);
  throw schoolErrors.classNotAllowed(q.userId, q.classId ?? 0);
}

export function optimizedDashboardData(db: Database): DashboardDataRead {
  return async (q) => {
    const text = (await runQuery<{ body: string | null }>(db, s.rpc(q.schoolCode, q.userId, q.classId))).rows[0]?.body ?? null;
    if (text === null) return null;
    const doc = JSON.parse(text) as Refusal & Record<string, unknown>;
    if (doc.notFound !== undefined || doc.forbidden !== undefined) refuse(q, doc);
    return { body: JSON.stringify(doc) };
  };
}

export function naiveDashboardData(db: Database): DashboardDataRead {
  return async (q) => {
    const a = (await runQuery<AccessRow>(db, s.access(q.schoolCode, q.userId, q.classId))).rows[0];
    if (a === undefined) return null;
    if (a.role === null) refuse(q, { notFound: 'user' });
    if (!a.class_ok) refuse(q, { notFound: 'class' });
    if (a.role === 'student' && q.classId !== null && String(q.classId) !== a.user_class) refuse(q, { forbidden: 'class' });
    const classId = a.role === 'admin' ? (q.classId === null ? null : String(q.classId)) : (q.classId === null ? a.user_class : String(q.classId));
    const scope = { schoolId: a.school_id, classId, studentId: a.student_id, asOf: a.today, role: a.role };
    const names = Object.keys(DASHBOARD_SECTIONS) as DashboardSection[];
    // The widgets load at once, as a page's hooks fire on mount: one round trip each.
    const bodies = await Promise.all(names.map(async (n) => (await runQuery<{ body: string }>(db, s.section(n, scope))).rows[0]!.body));
    const doc: Record<string, unknown> = {
      user: { id: q.userId, role: a.role },
      scope: { schoolCode: q.schoolCode, classInstanceId: classId === null ? null : Number(classId), studentId: a.student_id === null ? null : Number(a.student_id) },
      asOf: a.today,
    };
    names.forEach((n, i) => { doc[n] = JSON.parse(bodies[i]!); });
    return { body: JSON.stringify(doc) };
  };
}
