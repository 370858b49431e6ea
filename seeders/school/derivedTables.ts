/*
 * The tables behind get_dashboard_data (schema/shared/006_dashboard_tables.sql), filled with SQL from the
 * loaded district right after its COPYs (its indexes, and these tables' 007_indexes.sql ones, are built next): staff (one admin per school, one teacher per class), 8 calendar
 * events per school from two weeks before asOf to four after, one term fee per student, and 4 syllabus
 * topics per class and subject. Every value is arithmetic of the ids, the seed and the term's dates, so the
 * same parameters give the same rows. About 1.6M rows at 1M students (fees 1M, topics 600k), a few seconds
 * next to the 34M COPY'd ones, which is why they are not rendered as COPY units.
 */
import type pg from 'pg';
import {
  CLASSES_PER_SCHOOL, EVENTS_PER_SCHOOL, STAFF_PER_SCHOOL, STAFF_USER_ID_BASE, SUBJECTS_PER_SCHOOL, SYLLABUS_TOPICS_PER_SUBJECT, isoDate,
} from '../../scenarios/school/layout.ts';

export const DERIVED_TABLES = ['school_staff', 'school_calendar_events', 'fee_invoices', 'syllabus_topics'] as const;

const STAFF = `
INSERT INTO school_staff (id, school_id, role, class_instance_id, full_name)
SELECT $1::bigint + (s.id - 1) * $2 + 1, s.id, 'admin', NULL, 'Principal, ' || s.name FROM schools s
UNION ALL
SELECT $1::bigint + (ci.school_id - 1) * $2 + 2 + (ci.id - 1) % $3, ci.school_id, 'teacher', ci.id,
       coalesce(ci.class_teacher, 'Teacher of ' || ci.grade || ' - ' || ci.section)
FROM class_instances ci`;

const EVENT_TYPES = `(ARRAY['holiday', 'exam', 'meeting', 'event'])`;
const EVENTS = `
INSERT INTO school_calendar_events (id, school_id, title, event_type, start_date, end_date)
SELECT (s.id - 1) * $1 + k + 1, s.id,
       initcap(${EVENT_TYPES}[1 + (s.id + k + $3) % 4]) || ' ' || (k + 1),
       ${EVENT_TYPES}[1 + (s.id + k + $3) % 4],
       $2::date + ((s.id * 5 + k * 7 + $3) % 42 - 14)::int,
       $2::date + ((s.id * 5 + k * 7 + $3) % 42 - 14)::int + (k % 3)
FROM schools s CROSS JOIN generate_series(0, $1 - 1) AS k`;

// Fees by grade; 70% paid in full, 15% half, 15% nothing (a hash of the student id and seed).
const FEES = `
INSERT INTO fee_invoices (student_id, school_id, class_instance_id, amount_due, amount_paid, due_date)
SELECT st.id, st.school_id, st.class_instance_id, f.due,
       CASE WHEN f.h < 14 THEN f.due WHEN f.h < 17 THEN round(f.due / 2, 2) ELSE 0 END,
       $1::date
FROM student st JOIN class_instances ci ON ci.id = st.class_instance_id
CROSS JOIN LATERAL (SELECT (1000 + 100 * ci.grade)::numeric(10,2) AS due, (st.id * 2654435761 + $2) % 20 AS h) f`;

// Topic p (1-based) of a class's subject was taught on term day p * 4 when p <= the class's progress in it (0..4).
const TOPICS = `
INSERT INTO syllabus_topics (id, school_id, class_instance_id, subject_id, position, title, completed_on)
SELECT ((ci.id - 1) * $1 + (sj.id - 1) % $1) * $2 + p, ci.school_id, ci.id, sj.id, p,
       sj.subject_name || ' unit ' || p,
       CASE WHEN p <= (ci.id * 7 + sj.id * 3 + $4) % ($2 + 1) THEN ($3::date[])[p] END
FROM class_instances ci JOIN subjects sj ON sj.school_id = ci.school_id
CROSS JOIN generate_series(1, $2) AS p`;

export interface DerivedTableInput {
  seed: number;
  /** The dataset's asOf day, YYYY-MM-DD. */
  asOf: string;
  /** The term's school days, epoch ms (seeders/school/termCalendar.ts). */
  termDays: readonly number[];
}

/** Empties and refills the four tables; returns their row counts. */
export async function fillDerivedTables(client: pg.ClientBase, input: DerivedTableInput): Promise<Record<string, number>> {
  const day = (i: number) => isoDate(input.termDays[Math.min(i, input.termDays.length - 1)]!);
  const seed = input.seed % 1000; // keeps the arithmetic small; enough to vary the rows by seed
  const topicDays = Array.from({ length: SYLLABUS_TOPICS_PER_SUBJECT }, (_, p) => day((p + 1) * 4));
  await client.query(`TRUNCATE ${DERIVED_TABLES.join(', ')}`);
  const counts: Record<string, number> = {};
  counts.school_staff = (await client.query(STAFF, [STAFF_USER_ID_BASE, STAFF_PER_SCHOOL, CLASSES_PER_SCHOOL])).rowCount ?? 0;
  counts.school_calendar_events = (await client.query(EVENTS, [EVENTS_PER_SCHOOL, input.asOf.slice(0, 10), seed])).rowCount ?? 0;
  counts.fee_invoices = (await client.query(FEES, [day(10), seed])).rowCount ?? 0;
  counts.syllabus_topics = (await client.query(TOPICS, [SUBJECTS_PER_SCHOOL, SYLLABUS_TOPICS_PER_SUBJECT, topicDays, seed])).rowCount ?? 0;
  return counts; // ANALYZEd with the seeded tables
}
