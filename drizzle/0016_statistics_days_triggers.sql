-- statistics_days (db/statistics-days-schema.ts), kept by triggers on every write of petitions and petition_ratings,
-- so that a rebuild, the projection's rewrites of other rows and a direct UPDATE all keep it exact. Each trigger
-- writes a row's move (+1 as it is now, -1 as it was) into a view whose INSTEAD OF trigger adds it to the counters,
-- so that what a row counts is said once. An update moves counts only when a column they read changed; a counters
-- row that falls to zero is deleted, so that the table is a function of the rows alone. The predicates are
-- api/statistics.ts's and api/rating-exclusions.ts's (test/unit/statistics-days.test.ts checks the two against each
-- other); a change to a rule there needs a migration that recreates these triggers and refills the table.
CREATE VIEW statistics_petition_moves (sign, unit_id, received_at, forwarded_to, status, registered_at, is_repeat, delivered_at, handling_due_at, is_first_time, channel, handling_route, category, rated) AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE false;
--> statement-breakpoint
CREATE TRIGGER statistics_petition_moves_add INSTEAD OF INSERT ON statistics_petition_moves BEGIN
  INSERT INTO statistics_days (day, unit_id, received, not_accepted)
  SELECT ((NEW.received_at) + 28800000) / 86400000,
    coalesce(NEW.unit_id, ''),
    NEW.sign,
    CASE WHEN NEW.status IN ('DECLINED', 'REGISTERED', 'TRANSFERRED', 'ASSIGNED') THEN NEW.sign ELSE 0 END
  WHERE NEW.forwarded_to IS NULL
  ON CONFLICT (day, unit_id) DO UPDATE SET
    received = received + excluded.received,
    not_accepted = not_accepted + excluded.not_accepted;
  INSERT INTO statistics_days (day, unit_id, registered, repeats)
  SELECT ((NEW.registered_at) + 28800000) / 86400000,
    coalesce(NEW.unit_id, ''),
    NEW.sign,
    CASE WHEN NEW.is_repeat THEN NEW.sign ELSE 0 END
  WHERE true
  ON CONFLICT (day, unit_id) DO UPDATE SET
    registered = registered + excluded.registered,
    repeats = repeats + excluded.repeats;
  INSERT INTO statistics_days (day, unit_id, delivered, on_time, first_time, offline, statutory_route, not_disclosable, eligible, eligible_rated)
  SELECT ((NEW.delivered_at) + 28800000) / 86400000,
    coalesce(NEW.unit_id, ''),
    NEW.sign,
    CASE WHEN NEW.delivered_at <= NEW.handling_due_at OR NEW.handling_due_at IS NULL THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.is_first_time THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.channel <> 'ONLINE' THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.channel <> 'ONLINE' THEN 0 WHEN (NEW.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR NEW.forwarded_to IS NOT NULL) THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.channel <> 'ONLINE' OR (NEW.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR NEW.forwarded_to IS NOT NULL) THEN 0 WHEN NEW.category = 'ACCUSATION' THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.channel <> 'ONLINE' OR (NEW.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR NEW.forwarded_to IS NOT NULL) OR NEW.category = 'ACCUSATION' THEN 0 ELSE NEW.sign END,
    CASE WHEN NEW.channel <> 'ONLINE' OR (NEW.handling_route IN ('LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE') OR NEW.forwarded_to IS NOT NULL) OR NEW.category = 'ACCUSATION' THEN 0 WHEN NEW.rated THEN NEW.sign ELSE 0 END
  WHERE NEW.delivered_at IS NOT NULL
  ON CONFLICT (day, unit_id) DO UPDATE SET
    delivered = delivered + excluded.delivered,
    on_time = on_time + excluded.on_time,
    first_time = first_time + excluded.first_time,
    offline = offline + excluded.offline,
    statutory_route = statutory_route + excluded.statutory_route,
    not_disclosable = not_disclosable + excluded.not_disclosable,
    eligible = eligible + excluded.eligible,
    eligible_rated = eligible_rated + excluded.eligible_rated;
  DELETE FROM statistics_days
  WHERE NEW.sign < 0 AND unit_id = coalesce(NEW.unit_id, '') AND day IN (((NEW.received_at) + 28800000) / 86400000, ((NEW.registered_at) + 28800000) / 86400000, ((NEW.delivered_at) + 28800000) / 86400000)
    AND received = 0 AND not_accepted = 0 AND registered = 0 AND repeats = 0 AND delivered = 0 AND on_time = 0 AND first_time = 0 AND offline = 0 AND statutory_route = 0 AND not_disclosable = 0 AND eligible = 0 AND eligible_rated = 0 AND unit_ratings = 0 AND unit_satisfied = 0 AND bureau_ratings = 0 AND bureau_satisfied = 0;
END;
--> statement-breakpoint
CREATE VIEW statistics_rating_moves (sign, unit_id, at, target, level, latest) AS SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE false;
--> statement-breakpoint
CREATE TRIGGER statistics_rating_moves_add INSTEAD OF INSERT ON statistics_rating_moves BEGIN
  INSERT INTO statistics_days (day, unit_id, unit_ratings, unit_satisfied, bureau_ratings, bureau_satisfied)
  SELECT ((NEW.at) + 28800000) / 86400000,
    coalesce(NEW.unit_id, ''),
    CASE WHEN NEW.target = 'UNIT' THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.target = 'UNIT' AND NEW.level IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.target = 'BUREAU' THEN NEW.sign ELSE 0 END,
    CASE WHEN NEW.target = 'BUREAU' AND NEW.level IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN NEW.sign ELSE 0 END
  WHERE NEW.latest
  ON CONFLICT (day, unit_id) DO UPDATE SET
    unit_ratings = unit_ratings + excluded.unit_ratings,
    unit_satisfied = unit_satisfied + excluded.unit_satisfied,
    bureau_ratings = bureau_ratings + excluded.bureau_ratings,
    bureau_satisfied = bureau_satisfied + excluded.bureau_satisfied;
  DELETE FROM statistics_days
  WHERE NEW.sign < 0 AND unit_id = coalesce(NEW.unit_id, '') AND day IN (((NEW.at) + 28800000) / 86400000)
    AND received = 0 AND not_accepted = 0 AND registered = 0 AND repeats = 0 AND delivered = 0 AND on_time = 0 AND first_time = 0 AND offline = 0 AND statutory_route = 0 AND not_disclosable = 0 AND eligible = 0 AND eligible_rated = 0 AND unit_ratings = 0 AND unit_satisfied = 0 AND bureau_ratings = 0 AND bureau_satisfied = 0;
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_insert AFTER INSERT ON petitions BEGIN
  INSERT INTO statistics_petition_moves VALUES (1, NEW.unit_id, NEW.received_at, NEW.forwarded_to, NEW.status, NEW.registered_at, NEW.is_repeat, NEW.delivered_at, NEW.handling_due_at, NEW.is_first_time, NEW.channel, NEW.handling_route, NEW.category, NEW.rated);
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_update AFTER UPDATE ON petitions
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.received_at IS NOT NEW.received_at OR OLD.forwarded_to IS NOT NEW.forwarded_to OR OLD.status IS NOT NEW.status OR OLD.registered_at IS NOT NEW.registered_at OR OLD.is_repeat IS NOT NEW.is_repeat OR OLD.delivered_at IS NOT NEW.delivered_at OR OLD.handling_due_at IS NOT NEW.handling_due_at OR OLD.is_first_time IS NOT NEW.is_first_time OR OLD.channel IS NOT NEW.channel OR OLD.handling_route IS NOT NEW.handling_route OR OLD.category IS NOT NEW.category OR OLD.rated IS NOT NEW.rated
BEGIN
  INSERT INTO statistics_petition_moves VALUES (-1, OLD.unit_id, OLD.received_at, OLD.forwarded_to, OLD.status, OLD.registered_at, OLD.is_repeat, OLD.delivered_at, OLD.handling_due_at, OLD.is_first_time, OLD.channel, OLD.handling_route, OLD.category, OLD.rated);
  INSERT INTO statistics_petition_moves VALUES (1, NEW.unit_id, NEW.received_at, NEW.forwarded_to, NEW.status, NEW.registered_at, NEW.is_repeat, NEW.delivered_at, NEW.handling_due_at, NEW.is_first_time, NEW.channel, NEW.handling_route, NEW.category, NEW.rated);
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_petition_delete AFTER DELETE ON petitions BEGIN
  INSERT INTO statistics_petition_moves VALUES (-1, OLD.unit_id, OLD.received_at, OLD.forwarded_to, OLD.status, OLD.registered_at, OLD.is_repeat, OLD.delivered_at, OLD.handling_due_at, OLD.is_first_time, OLD.channel, OLD.handling_route, OLD.category, OLD.rated);
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_insert AFTER INSERT ON petition_ratings BEGIN
  INSERT INTO statistics_rating_moves VALUES (1, NEW.unit_id, NEW.at, NEW.target, NEW.level, NEW.latest);
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_update AFTER UPDATE ON petition_ratings
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.at IS NOT NEW.at OR OLD.target IS NOT NEW.target OR OLD.level IS NOT NEW.level OR OLD.latest IS NOT NEW.latest
BEGIN
  INSERT INTO statistics_rating_moves VALUES (-1, OLD.unit_id, OLD.at, OLD.target, OLD.level, OLD.latest);
  INSERT INTO statistics_rating_moves VALUES (1, NEW.unit_id, NEW.at, NEW.target, NEW.level, NEW.latest);
END;
--> statement-breakpoint
CREATE TRIGGER statistics_days_rating_delete AFTER DELETE ON petition_ratings BEGIN
  INSERT INTO statistics_rating_moves VALUES (-1, OLD.unit_id, OLD.at, OLD.target, OLD.level, OLD.latest);
END;
--> statement-breakpoint
-- Backfill: every row written before the triggers, moved in once.
INSERT INTO statistics_petition_moves SELECT 1, unit_id, received_at, forwarded_to, status, registered_at, is_repeat, delivered_at, handling_due_at, is_first_time, channel, handling_route, category, rated FROM petitions;
--> statement-breakpoint
INSERT INTO statistics_rating_moves SELECT 1, unit_id, at, target, level, latest FROM petition_ratings;
