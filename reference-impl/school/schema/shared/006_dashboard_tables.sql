-- The tables behind seed 001 1.4's get_dashboard_data (role-aware stats, recent activity, upcoming events, fee,
-- task and syllabus overviews), shared by both variants: optimized reads them in one RPC
-- (optimized/006_dashboard_data_rpc.sql), naive in one query per widget. The plan names `users` (with a
-- role), `recent_activity_view` and `school_calendar_events` and gives no columns; fees and syllabus are its
-- "-- Fee data" / "-- Syllabus data" placeholders. The seeder fills the tables with SQL from the loaded ones
-- (seeders/school/derivedTables.ts) right after the COPYs, so they carry no foreign keys (the bulk load
-- truncates and drops the keys of the tables they would reference); their indexes are in 007_indexes.sql,
-- dropped and rebuilt around the load with the others.

-- Staff accounts: one admin per school and one teacher per class; ids are arithmetic (scenarios/school/layout.ts).
CREATE TABLE IF NOT EXISTS school_staff (
  id                 bigint PRIMARY KEY,
  school_id          bigint NOT NULL,
  role               text   NOT NULL CHECK (role IN ('admin', 'teacher')),
  class_instance_id  bigint,                              -- a teacher's own class; NULL for an admin
  full_name          text   NOT NULL
);

-- The plan's `users` with a role: students sign in as themselves (user id = student id), staff above
-- STAFF_USER_ID_BASE.
CREATE OR REPLACE VIEW users AS
  SELECT id, school_id, 'student'::text AS role, class_instance_id, id AS student_id FROM student
  UNION ALL
  SELECT id, school_id, role, class_instance_id, NULL::bigint AS student_id FROM school_staff;

CREATE TABLE IF NOT EXISTS school_calendar_events (
  id          bigint PRIMARY KEY,
  school_id   bigint NOT NULL,
  title       text   NOT NULL,
  event_type  text   NOT NULL CHECK (event_type IN ('holiday', 'exam', 'meeting', 'event')),
  start_date  date   NOT NULL,
  end_date    date   NOT NULL
);

-- One term fee per student.
CREATE TABLE IF NOT EXISTS fee_invoices (
  student_id         bigint        PRIMARY KEY,
  school_id          bigint        NOT NULL,
  class_instance_id  bigint        NOT NULL,
  amount_due         numeric(10,2) NOT NULL CHECK (amount_due > 0),
  amount_paid        numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
  due_date           date          NOT NULL
);

-- A class's syllabus: topics per subject in teaching order, completed_on once taught.
CREATE TABLE IF NOT EXISTS syllabus_topics (
  id                 bigint   PRIMARY KEY,
  school_id          bigint   NOT NULL,
  class_instance_id  bigint   NOT NULL,
  subject_id         bigint   NOT NULL,
  position           smallint NOT NULL,
  title              text     NOT NULL,
  completed_on       date
);

-- What happened lately in a school: tasks set, tests held, resources posted.
CREATE OR REPLACE VIEW recent_activity_view AS
  SELECT 'task'::text AS kind, id AS item_id, school_id, class_instance_id, title, assigned_date::timestamp AT TIME ZONE 'UTC' AS occurred_at
    FROM tasks WHERE is_active
  UNION ALL
  SELECT 'test', id, school_id, class_instance_id, title, test_date::timestamp AT TIME ZONE 'UTC' FROM tests
  UNION ALL
  SELECT 'resource', id, school_id, class_instance_id, title, created_at FROM learning_resources;
