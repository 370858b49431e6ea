/* The resources document, the same for both variants: at most `limit` resources, newest first (then id). */
import type { ResourceRow } from '../queries/resourceStatements.ts';
import type { ResourcesQuery } from '../validation/resourcesQuery.ts';

/** `rows` are already in order and cut to the limit. */
export function resourcesDocument(q: ResourcesQuery, rows: readonly ResourceRow[]): string {
  return JSON.stringify({
    schoolCode: q.schoolCode,
    classId: q.classId,
    limit: q.limit,
    resources: rows.map((r) => ({
      id: Number(r.id),
      classInstanceId: Number(r.class_instance_id),
      subjectId: r.subject_id === null ? null : Number(r.subject_id),
      subjectName: r.subject_name,
      title: r.title,
      resourceType: r.resource_type,
      url: r.url,
      createdAt: r.created_at,
    })),
  });
}

/** created_at DESC, id DESC: the order of the plan's single query (created_at is fixed-width UTC text). */
export function newestFirst(a: ResourceRow, b: ResourceRow): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return Number(b.id) - Number(a.id);
}
