-- Indexes an earlier 001_indexes.sql created and nothing used (see there); dropped from schemas made then.
DROP INDEX IF EXISTS student_school_id_full_name_idx;
DROP INDEX IF EXISTS learning_resources_school_id_created_at_idx;
