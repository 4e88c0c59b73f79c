CREATE TABLE `holiday_calendars` (
	`year` integer PRIMARY KEY NOT NULL,
	`holidays` text NOT NULL,
	`working_weekends` text NOT NULL,
	`source` text NOT NULL,
	`published_at` integer,
	`published_by` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`fan_out_id` text
);
--> statement-breakpoint
-- The notices the system counted on before they were data (domain/seed-notices.ts SEED_NOTICES), so a fresh
-- read model has them; a bureau publishes later years and corrections with publishHolidayCalendar.
INSERT INTO `holiday_calendars` (`year`, `holidays`, `working_weekends`, `source`) VALUES (2025, '["2025-01-01","2025-01-28","2025-01-29","2025-01-30","2025-01-31","2025-02-01","2025-02-02","2025-02-03","2025-02-04","2025-04-04","2025-04-05","2025-04-06","2025-05-01","2025-05-02","2025-05-03","2025-05-04","2025-05-05","2025-05-31","2025-06-01","2025-06-02","2025-10-01","2025-10-02","2025-10-03","2025-10-04","2025-10-05","2025-10-06","2025-10-07","2025-10-08"]', '["2025-01-26","2025-02-08","2025-04-27","2025-09-28","2025-10-11"]', '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)');--> statement-breakpoint
INSERT INTO `holiday_calendars` (`year`, `holidays`, `working_weekends`, `source`) VALUES (2026, '["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"]', '["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]', '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)');
