-- The optimized variant's extra indexes on base tables (on top of shared/003_indexes.sql). Only CREATE INDEX
-- statements: the seeder drops and rebuilds them around a bulk load like shared/003's.
-- Plan 1.2 (filter in SQL, not JavaScript): a school's students, ordered by name, a page at a time.
CREATE INDEX IF NOT EXISTS student_school_id_full_name_idx ON student (school_id, full_name);
-- Plan 1.4 (one dashboard query): a school's next tasks due.
CREATE INDEX IF NOT EXISTS tasks_school_id_due_date_idx ON tasks (school_id, due_date);
-- Plan 1.3 (one query instead of N+1): a school's learning resources, newest first.
CREATE INDEX IF NOT EXISTS learning_resources_school_id_created_at_idx ON learning_resources (school_id, created_at DESC);
