-- Indexes of the dashboard's tables (006_dashboard_tables.sql), read by get_dashboard_data and the naive
-- widget queries: a school's or a class's rows. Only CREATE INDEX statements: the seeder drops and rebuilds
-- them around a bulk load like 003_indexes.sql's.
CREATE INDEX IF NOT EXISTS school_staff_school_id_idx ON school_staff (school_id);
CREATE INDEX IF NOT EXISTS school_calendar_events_school_id_start_date_idx ON school_calendar_events (school_id, start_date);
CREATE INDEX IF NOT EXISTS fee_invoices_school_id_idx ON fee_invoices (school_id);
CREATE INDEX IF NOT EXISTS fee_invoices_class_instance_id_idx ON fee_invoices (class_instance_id);
CREATE INDEX IF NOT EXISTS syllabus_topics_school_id_idx ON syllabus_topics (school_id);
CREATE INDEX IF NOT EXISTS syllabus_topics_class_instance_id_idx ON syllabus_topics (class_instance_id);
