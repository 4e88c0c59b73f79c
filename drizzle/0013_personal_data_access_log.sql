CREATE TABLE `personal_data_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`principal_id` text NOT NULL,
	`role` text NOT NULL,
	`petition_id` text NOT NULL,
	`outcome` text NOT NULL,
	`fields` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `personal_data_access_petition_idx` ON `personal_data_access_log` (`petition_id`,`id`);--> statement-breakpoint
CREATE INDEX `personal_data_access_principal_idx` ON `personal_data_access_log` (`principal_id`,`id`);--> statement-breakpoint
-- Append-only: an entry of who read whose personal data is never changed or removed, not even by the API.
CREATE TRIGGER `personal_data_access_log_no_update` BEFORE UPDATE ON `personal_data_access_log`
BEGIN SELECT RAISE(ABORT, 'personal_data_access_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `personal_data_access_log_no_delete` BEFORE DELETE ON `personal_data_access_log`
BEGIN SELECT RAISE(ABORT, 'personal_data_access_log is append-only'); END;
