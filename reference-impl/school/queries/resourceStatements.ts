/*
 * Learning resources (seed 001 1.3, "Fix N+1 Patterns"). The resources of a school's classes, newest first.
 *
 * optimized: ONE statement (the plan's listResources(undefined, schoolCode, ...)): it resolves the school and
 * the optional class and reads the school's resources through learning_resources_school_id_idx (or the class's
 * through learning_resources_class_instance_id_idx), sorting a school's 50 (schema/optimized/001 says why no
 * ordered index).
 * naive: the plan's `api.resources.getAll()` before the fix: the school's classes, then one statement per
 * class, one after the other ("11 queries -> 1 query (for 10 classes)"; 26 for this district's 25 classes).
 * Rows carry created_at as fixed-width UTC text so both variants order and print it identically.
 */
import type pg from 'pg';
import type { ResourcesQuery } from '../validation/resourcesQuery.ts';

const COLUMNS = `lr.id::text, lr.class_instance_id::text, lr.subject_id::text, s.subject_name, lr.title, lr.resource_type, lr.url,
       to_char(lr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;

// No row: unknown school. class_ok false: the class is not one of the school's. id NULL: no resource.
const ONE_QUERY = `
SELECT ($2::bigint IS NULL OR ci.id IS NOT NULL) AS class_ok, r.*
FROM schools sc
LEFT JOIN class_instances ci ON ci.id = $2::bigint AND ci.school_id = sc.id
LEFT JOIN LATERAL (
  SELECT ${COLUMNS}
  FROM learning_resources lr LEFT JOIN subjects s ON s.id = lr.subject_id
  WHERE lr.school_id = sc.id AND lr.class_instance_id IS NOT NULL
    AND ($2::bigint IS NULL OR lr.class_instance_id = $2::bigint)
  ORDER BY lr.created_at DESC, lr.id DESC
  LIMIT $3
) r ON true
WHERE sc.school_code = $1`;

// No row: unknown school; class_id NULL: a school without classes.
const CLASSES_OF_SCHOOL = `
SELECT ci.id::text AS class_id FROM schools sc LEFT JOIN class_instances ci ON ci.school_id = sc.id
WHERE sc.school_code = $1 ORDER BY ci.id`;

const OF_CLASS = `
SELECT ${COLUMNS}
FROM learning_resources lr LEFT JOIN subjects s ON s.id = lr.subject_id
WHERE lr.class_instance_id = $1
ORDER BY lr.created_at DESC, lr.id DESC
LIMIT $2`;

export interface ResourceRow {
  id: string;
  class_instance_id: string;
  subject_id: string | null;
  subject_name: string | null;
  title: string;
  resource_type: string;
  url: string;
  created_at: string;
}

export const resourceStatements = {
  oneQuery: (q: ResourcesQuery): pg.QueryConfig =>
    ({ name: 'sp_school_resources', text: ONE_QUERY, values: [q.schoolCode, q.classId, q.limit] }),
  classesOfSchool: (code: string): pg.QueryConfig =>
    ({ name: 'sp_school_naive_resource_classes', text: CLASSES_OF_SCHOOL, values: [code] }),
  ofClass: (classId: string, limit: number): pg.QueryConfig =>
    ({ name: 'sp_school_naive_resources_of_class', text: OF_CLASS, values: [classId, limit] }),
};
