-- Unique keys and foreign-key lookup indexes that every variant needs (the "before" of the plan had these
-- too). Only CREATE INDEX statements: the seeder drops exactly this file's indexes before a bulk load and
-- rebuilds them after (seeders/school/loadIndexes.ts parses the names from here).
CREATE UNIQUE INDEX IF NOT EXISTS schools_school_code_key ON schools (school_code);
CREATE UNIQUE INDEX IF NOT EXISTS student_student_code_key ON student (student_code);
CREATE INDEX IF NOT EXISTS academic_years_school_id_idx ON academic_years (school_id);
CREATE INDEX IF NOT EXISTS class_instances_school_id_idx ON class_instances (school_id);
CREATE INDEX IF NOT EXISTS subjects_school_id_idx ON subjects (school_id);
CREATE INDEX IF NOT EXISTS student_school_id_idx ON student (school_id);
CREATE INDEX IF NOT EXISTS student_class_instance_id_idx ON student (class_instance_id);
CREATE INDEX IF NOT EXISTS tasks_class_instance_id_idx ON tasks (class_instance_id);
CREATE INDEX IF NOT EXISTS task_submissions_student_id_idx ON task_submissions (student_id);
CREATE INDEX IF NOT EXISTS tests_class_instance_id_idx ON tests (class_instance_id);
CREATE INDEX IF NOT EXISTS test_marks_student_id_idx ON test_marks (student_id);
CREATE INDEX IF NOT EXISTS learning_resources_school_id_idx ON learning_resources (school_id);
CREATE INDEX IF NOT EXISTS learning_resources_class_instance_id_idx ON learning_resources (class_instance_id);
-- attendance's key (student_id, date) serves the student FK; this one the class FK and "a class on a day".
CREATE INDEX IF NOT EXISTS attendance_class_instance_id_date_idx ON attendance (class_instance_id, date);
