-- statistics_days kept by triggers, as on SQLite (drizzle/0016_statistics_days_triggers.sql, where the reasons are
-- said): the same counts for the same rows, whoever writes them. SQLite's INSTEAD OF view becomes a function taking
-- the row itself, so that what a row counts is still said once; the statements inside are SQLite's, NEW read as the
-- moved row. test/postgres/statistics-days.test.ts holds the two to the same table after inserts, updates, deletes
-- and a rebuild. A change to a rule there needs a migration here too.
CREATE FUNCTION statistics_petition_move(step integer, moved petitions) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_days (day, unit_id, received, not_accepted)
  SELECT ((moved.received_at) + 28800000) / 86400000,
    coalesce(moved.unit_id, ''),
    step,
    CASE WHEN moved.status IN ('DECLINED', 'REGISTERED', 'TRANSFERRED', 'ASSIGNED') THEN step ELSE 0 END
  WHERE moved.forwarded_to IS NULL
  ON CONFLICT (day, unit_id) DO UPDATE SET
    received = statistics_days.received + excluded.received,
    not_accepted = statistics_days.not_accepted + excluded.not_accepted;
  INSERT INTO statistics_days (day, unit_id, registered, repeats)
  SELECT ((moved.registered_at) + 28800000) / 86400000,
    coalesce(moved.unit_id, ''),
    step,
    CASE WHEN moved.is_repeat THEN step ELSE 0 END
  ON CONFLICT (day, unit_id) DO UPDATE SET
    registered = statistics_days.registered + excluded.registered,
    repeats = statistics_days.repeats + excluded.repeats;
  INSERT INTO statistics_days (day, unit_id, delivered, on_time, first_time, offline, statutory_route, not_disclosable, eligible, eligible_rated)
  SELECT ((moved.delivered_at) + 28800000) / 86400000,
    coalesce(moved.unit_id, ''),
    step,
    CASE WHEN moved.delivered_at <= moved.handling_due_at OR moved.handling_due_at IS NULL THEN step ELSE 0 END,
    CASE WHEN moved.is_first_time THEN step ELSE 0 END,
    CASE WHEN moved.channel <> 'ONLINE' THEN step ELSE 0 END,
    CASE WHEN moved.channel <> 'ONLINE' THEN 0 WHEN (moved.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR moved.forwarded_to IS NOT NULL) THEN step ELSE 0 END,
    CASE WHEN moved.channel <> 'ONLINE' OR (moved.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR moved.forwarded_to IS NOT NULL) THEN 0 WHEN moved.category = 'ACCUSATION' THEN step ELSE 0 END,
    CASE WHEN moved.channel <> 'ONLINE' OR (moved.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR moved.forwarded_to IS NOT NULL) OR moved.category = 'ACCUSATION' THEN 0 ELSE step END,
    CASE WHEN moved.channel <> 'ONLINE' OR (moved.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR moved.forwarded_to IS NOT NULL) OR moved.category = 'ACCUSATION' THEN 0 WHEN moved.rated THEN step ELSE 0 END
  WHERE moved.delivered_at IS NOT NULL
  ON CONFLICT (day, unit_id) DO UPDATE SET
    delivered = statistics_days.delivered + excluded.delivered,
    on_time = statistics_days.on_time + excluded.on_time,
    first_time = statistics_days.first_time + excluded.first_time,
    offline = statistics_days.offline + excluded.offline,
    statutory_route = statistics_days.statutory_route + excluded.statutory_route,
    not_disclosable = statistics_days.not_disclosable + excluded.not_disclosable,
    eligible = statistics_days.eligible + excluded.eligible,
    eligible_rated = statistics_days.eligible_rated + excluded.eligible_rated;
  DELETE FROM statistics_days
  WHERE step < 0 AND unit_id = coalesce(moved.unit_id, '') AND day IN (((moved.received_at) + 28800000) / 86400000, ((moved.registered_at) + 28800000) / 86400000, ((moved.delivered_at) + 28800000) / 86400000)
    AND received = 0 AND not_accepted = 0 AND registered = 0 AND repeats = 0 AND delivered = 0 AND on_time = 0 AND first_time = 0 AND offline = 0 AND statutory_route = 0 AND not_disclosable = 0 AND eligible = 0 AND eligible_rated = 0 AND unit_ratings = 0 AND unit_satisfied = 0 AND bureau_ratings = 0 AND bureau_satisfied = 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_rating_move(step integer, moved petition_ratings) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_days (day, unit_id, unit_ratings, unit_satisfied, bureau_ratings, bureau_satisfied)
  SELECT ((moved.at) + 28800000) / 86400000,
    coalesce(moved.unit_id, ''),
    CASE WHEN moved.target = 'UNIT' THEN step ELSE 0 END,
    CASE WHEN moved.target = 'UNIT' AND moved.level IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN step ELSE 0 END,
    CASE WHEN moved.target = 'BUREAU' THEN step ELSE 0 END,
    CASE WHEN moved.target = 'BUREAU' AND moved.level IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN step ELSE 0 END
  WHERE moved.latest
  ON CONFLICT (day, unit_id) DO UPDATE SET
    unit_ratings = statistics_days.unit_ratings + excluded.unit_ratings,
    unit_satisfied = statistics_days.unit_satisfied + excluded.unit_satisfied,
    bureau_ratings = statistics_days.bureau_ratings + excluded.bureau_ratings,
    bureau_satisfied = statistics_days.bureau_satisfied + excluded.bureau_satisfied;
  DELETE FROM statistics_days
  WHERE step < 0 AND unit_id = coalesce(moved.unit_id, '') AND day IN (((moved.at) + 28800000) / 86400000)
    AND received = 0 AND not_accepted = 0 AND registered = 0 AND repeats = 0 AND delivered = 0 AND on_time = 0 AND first_time = 0 AND offline = 0 AND statutory_route = 0 AND not_disclosable = 0 AND eligible = 0 AND eligible_rated = 0 AND unit_ratings = 0 AND unit_satisfied = 0 AND bureau_ratings = 0 AND bureau_satisfied = 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_days_petition_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM statistics_petition_move(-1, OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM statistics_petition_move(1, NEW); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_days_rating_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM statistics_rating_move(-1, OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM statistics_rating_move(1, NEW); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_insert AFTER INSERT ON petitions
  FOR EACH ROW EXECUTE FUNCTION statistics_days_petition_moved();
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_update AFTER UPDATE ON petitions
  FOR EACH ROW
  WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.forwarded_to IS DISTINCT FROM NEW.forwarded_to OR OLD.status IS DISTINCT FROM NEW.status OR OLD.registered_at IS DISTINCT FROM NEW.registered_at OR OLD.is_repeat IS DISTINCT FROM NEW.is_repeat OR OLD.delivered_at IS DISTINCT FROM NEW.delivered_at OR OLD.handling_due_at IS DISTINCT FROM NEW.handling_due_at OR OLD.is_first_time IS DISTINCT FROM NEW.is_first_time OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.handling_route IS DISTINCT FROM NEW.handling_route OR OLD.category IS DISTINCT FROM NEW.category OR OLD.rated IS DISTINCT FROM NEW.rated)
  EXECUTE FUNCTION statistics_days_petition_moved();
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_delete AFTER DELETE ON petitions
  FOR EACH ROW EXECUTE FUNCTION statistics_days_petition_moved();
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_insert AFTER INSERT ON petition_ratings
  FOR EACH ROW EXECUTE FUNCTION statistics_days_rating_moved();
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_update AFTER UPDATE ON petition_ratings
  FOR EACH ROW
  WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.at IS DISTINCT FROM NEW.at OR OLD.target IS DISTINCT FROM NEW.target OR OLD.level IS DISTINCT FROM NEW.level OR OLD.latest IS DISTINCT FROM NEW.latest)
  EXECUTE FUNCTION statistics_days_rating_moved();
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_delete AFTER DELETE ON petition_ratings
  FOR EACH ROW EXECUTE FUNCTION statistics_days_rating_moved();
--> statement-breakpoint
-- TRUNCATE fires no row trigger, and SQLite has no TRUNCATE to copy: emptying either table takes its counts out
-- with it, so that the counters stay a function of the rows whichever way a rebuild empties them.
CREATE FUNCTION statistics_days_petitions_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statistics_days SET received = 0, not_accepted = 0, registered = 0, repeats = 0, delivered = 0, on_time = 0, first_time = 0, offline = 0, statutory_route = 0, not_disclosable = 0, eligible = 0, eligible_rated = 0;
  DELETE FROM statistics_days WHERE unit_ratings = 0 AND unit_satisfied = 0 AND bureau_ratings = 0 AND bureau_satisfied = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_days_ratings_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statistics_days SET unit_ratings = 0, unit_satisfied = 0, bureau_ratings = 0, bureau_satisfied = 0;
  DELETE FROM statistics_days WHERE received = 0 AND not_accepted = 0 AND registered = 0 AND repeats = 0 AND delivered = 0 AND on_time = 0 AND first_time = 0 AND offline = 0 AND statutory_route = 0 AND not_disclosable = 0 AND eligible = 0 AND eligible_rated = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER statistics_days_petitions_truncate AFTER TRUNCATE ON petitions
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_days_petitions_truncated();
--> statement-breakpoint
CREATE TRIGGER statistics_days_ratings_truncate AFTER TRUNCATE ON petition_ratings
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_days_ratings_truncated();
--> statement-breakpoint
-- Backfill: every row written before the triggers, moved in once.
SELECT statistics_petition_move(1, p) FROM petitions p;
--> statement-breakpoint
SELECT statistics_rating_move(1, r) FROM petition_ratings r;
