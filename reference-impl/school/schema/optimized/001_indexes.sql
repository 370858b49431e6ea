-- The optimized variant's extra indexes on base tables (on top of shared/003_indexes.sql). Only CREATE INDEX
-- statements: the seeder drops and rebuilds them around a bulk load like shared/003's.
-- Plan 1.4 (one dashboard query): a school's next tasks due (get_school_dashboard's upcomingTasks).
CREATE INDEX IF NOT EXISTS tasks_school_id_due_date_idx ON tasks (school_id, due_date);
-- Checked with EXPLAIN ANALYZE at 1M students and left out: (school_id, full_name[, id]) for plan 1.2's paged,
-- name-ordered student list (the planner reads the school's 1,000 adjacent rows through student_school_id_idx
-- and sorts them, ~1 ms, and never picked it) and (school_id, created_at DESC, id DESC) on learning_resources
-- for plan 1.3's resource list: a school has 50, and on a 50,000-row table of the 1M dataset's shape the
-- planner read them through learning_resources_school_id_idx and sorted them (0.06 ms) with that index present.
