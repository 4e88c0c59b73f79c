-- The personal-data access log is append-only, as on SQLite (drizzle/0013_personal_data_access_log.sql):
-- updates, deletes and truncation are refused.
CREATE FUNCTION personal_data_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'personal_data_access_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER personal_data_access_log_no_change BEFORE UPDATE OR DELETE ON personal_data_access_log
  FOR EACH ROW EXECUTE FUNCTION personal_data_access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER personal_data_access_log_no_truncate BEFORE TRUNCATE ON personal_data_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION personal_data_access_log_append_only();
